package org.lodestone.export;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Shape;
import java.awt.font.FontRenderContext;
import java.awt.font.LineMetrics;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.io.Writer;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.elk.core.RecursiveGraphLayoutEngine;
import org.eclipse.elk.core.math.ElkPadding;
import org.eclipse.elk.core.options.CoreOptions;
import org.eclipse.elk.core.options.Direction;
import org.eclipse.elk.core.options.EdgeLabelPlacement;
import org.eclipse.elk.core.options.EdgeRouting;
import org.eclipse.elk.core.util.BasicProgressMonitor;
import org.eclipse.elk.alg.layered.options.LayeredOptions;
import org.eclipse.elk.graph.ElkBendPoint;
import org.eclipse.elk.graph.ElkEdge;
import org.eclipse.elk.graph.ElkEdgeSection;
import org.eclipse.elk.graph.ElkLabel;
import org.eclipse.elk.graph.ElkNode;
import org.eclipse.elk.graph.util.ElkGraphUtil;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.SVGHints;
import org.lodestone.graph.GraphEdge;
import org.lodestone.graph.GraphNode;
import org.lodestone.graph.GraphSnapshot;

/**
 * Draws a path result or a neighbourhood as an SVG picture, laid out by Eclipse ELK's layered algorithm from left to
 * right and written by JFreeSVG. Entities are coloured and shaped by kind ({@link KindStyle}); each relationship is an
 * arrow labelled with its type and the dates it held; a legend explains the shapes. Source nodes are not drawn.
 * <p>
 * Every label is measured with the font it is drawn in, and ELK is given those sizes: nodes are as big as their text,
 * and edge labels are placed by ELK as obstacles of their own, so no two labels overlap. Edges are laid out in the
 * order a walk from the {@code root} entity meets them (the path's start, the neighbourhood's centre), so a path reads
 * left to right whatever the direction each relationship is stored in; arrowheads still show the stored direction.
 * <p>
 * A layout needs the whole picture at once, so unlike the other exporters this one holds the visited nodes and edges
 * in memory. It is meant for the bounded path and neighbourhood scopes, not for the whole graph.
 */
public final class SvgExporter implements GraphExporter {

	static final Font NAME_FONT = new Font(Font.SANS_SERIF, Font.BOLD, 12);

	static final Font SMALL_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 10);

	static final Font EDGE_FONT = new Font(Font.SANS_SERIF, Font.BOLD, 10);

	static final Font TITLE_FONT = new Font(Font.SANS_SERIF, Font.BOLD, 15);

	private static final FontRenderContext FRC = new FontRenderContext(null, true, true);

	private static final int WRAP = 28;

	private static final double PAD = 8;

	private static final double MARGIN = 20;

	private static final Color TEXT = new Color(0x222222);

	private static final Color MUTED = new Color(0x555555);

	private static final Color EDGE = new Color(0x6b6b6b);

	private final String title;

	private final String root;

	/**
	 * @param title the caption drawn above the picture
	 * @param root the id of the entity the picture starts from (leftmost), or {@code null} for the first one visited
	 */
	public SvgExporter(String title, String root) {
		this.title = title;
		this.root = root;
	}

	@Override
	public void export(GraphSnapshot snapshot, Writer out) throws IOException {
		Map<String, GraphNode> nodes = new LinkedHashMap<>();
		snapshot.forEachNode(node -> {
			if (!node.isSource()) {
				nodes.put(node.id(), node);
			}
		});
		List<GraphEdge> edges = new ArrayList<>();
		snapshot.forEachEdge(edge -> {
			if (nodes.containsKey(edge.from()) && nodes.containsKey(edge.to())) {
				edges.add(edge);
			}
		});
		out.write(draw(nodes, edges));
		out.flush();
	}

	private String draw(Map<String, GraphNode> nodes, List<GraphEdge> edges) {
		Map<String, Integer> distance = distances(nodes, edges);
		ElkNode graph = ElkGraphUtil.createGraph();
		graph.setProperty(CoreOptions.ALGORITHM, "org.eclipse.elk.layered");
		graph.setProperty(CoreOptions.DIRECTION, Direction.RIGHT);
		graph.setProperty(CoreOptions.EDGE_ROUTING, EdgeRouting.ORTHOGONAL);
		graph.setProperty(CoreOptions.SPACING_NODE_NODE, 30.0);
		graph.setProperty(LayeredOptions.SPACING_NODE_NODE_BETWEEN_LAYERS, 40.0);
		graph.setProperty(CoreOptions.SPACING_EDGE_LABEL, 4.0);
		graph.setProperty(CoreOptions.SPACING_EDGE_EDGE, 12.0);
		graph.setProperty(CoreOptions.SPACING_EDGE_NODE, 14.0);
		graph.setProperty(CoreOptions.PADDING, new ElkPadding(MARGIN));

		Map<String, ElkNode> boxes = new HashMap<>();
		Map<ElkNode, NodeText> texts = new HashMap<>();
		for (GraphNode node : nodes.values()) {
			NodeText text = NodeText.of(node);
			ElkNode box = ElkGraphUtil.createNode(graph);
			box.setIdentifier(node.id());
			box.setDimensions(text.width(), text.height());
			boxes.put(node.id(), box);
			texts.put(box, text);
		}
		Map<ElkEdge, GraphEdge> stored = new LinkedHashMap<>();
		Map<ElkEdge, Boolean> reversed = new HashMap<>();
		for (GraphEdge edge : edges) {
			// Lay the edge out away from the root, so the layers follow the walk rather than the stored direction.
			boolean reverse = distance.getOrDefault(edge.to(), Integer.MAX_VALUE) < distance.getOrDefault(edge.from(),
					Integer.MAX_VALUE);
			ElkEdge elk = reverse ? ElkGraphUtil.createSimpleEdge(boxes.get(edge.to()), boxes.get(edge.from()))
					: ElkGraphUtil.createSimpleEdge(boxes.get(edge.from()), boxes.get(edge.to()));
			List<String> lines = edgeLines(edge);
			ElkLabel label = ElkGraphUtil.createLabel(String.join("\n", lines), elk);
			label.setDimensions(edgeLabelWidth(lines), edgeLabelHeight(lines));
			label.setProperty(CoreOptions.EDGE_LABELS_PLACEMENT, EdgeLabelPlacement.CENTER);
			stored.put(elk, edge);
			reversed.put(elk, reverse);
		}
		new RecursiveGraphLayoutEngine().layout(graph, new BasicProgressMonitor());

		double titleHeight = height(TITLE_FONT) + 12;
		Legend legend = new Legend();
		double width = Math.max(Math.max(graph.getWidth(), legend.width() + 2 * MARGIN), width(TITLE_FONT, this.title)
				+ 2 * MARGIN);
		double height = titleHeight + graph.getHeight() + legend.height() + MARGIN;
		SVGGraphics2D g = new SVGGraphics2D(Math.ceil(width), Math.ceil(height));
		g.setColor(Color.WHITE);
		g.fill(new Rectangle2D.Double(0, 0, Math.ceil(width), Math.ceil(height)));
		text(g, this.title, TITLE_FONT, TEXT, MARGIN, MARGIN + ascent(TITLE_FONT), "title");
		g.translate(0, titleHeight);
		stored.forEach((elk, edge) -> drawEdge(g, elk, reversed.get(elk)));
		for (ElkNode box : graph.getChildren()) {
			drawNode(g, box, texts.get(box));
		}
		stored.keySet().forEach(elk -> drawEdgeLabel(g, elk.getLabels().get(0)));
		g.translate(0, graph.getHeight());
		legend.draw(g, MARGIN);
		// The element without JFreeSVG's DOCTYPE: SVG 1.1's external DTD would make XML readers fetch it.
		return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + g.getSVGElement() + "\n";
	}

	// Breadth-first hop counts from the root, ignoring direction: a path's start is 0, its next entity 1, and so on.
	private Map<String, Integer> distances(Map<String, GraphNode> nodes, List<GraphEdge> edges) {
		Map<String, List<String>> adjacent = new HashMap<>();
		for (GraphEdge edge : edges) {
			adjacent.computeIfAbsent(edge.from(), key -> new ArrayList<>()).add(edge.to());
			adjacent.computeIfAbsent(edge.to(), key -> new ArrayList<>()).add(edge.from());
		}
		Map<String, Integer> distance = new HashMap<>();
		String start = (this.root != null && nodes.containsKey(this.root)) ? this.root
				: nodes.keySet().stream().findFirst().orElse(null);
		if (start == null) {
			return distance;
		}
		Deque<String> queue = new ArrayDeque<>(List.of(start));
		distance.put(start, 0);
		while (!queue.isEmpty()) {
			String id = queue.poll();
			for (String next : adjacent.getOrDefault(id, List.of())) {
				if (!distance.containsKey(next)) {
					distance.put(next, distance.get(id) + 1);
					queue.add(next);
				}
			}
		}
		return distance;
	}

	private static void drawNode(SVGGraphics2D g, ElkNode box, NodeText text) {
		KindStyle style = text.style();
		Shape shape = shape(style, box.getX(), box.getY(), box.getWidth(), box.getHeight());
		g.setColor(style.fill());
		g.fill(shape);
		g.setColor(style.stroke());
		g.setStroke(new BasicStroke(1.5f));
		g.draw(shape);
		double lineHeights = text.textHeight();
		double y = box.getY() + (box.getHeight() - lineHeights) / 2;
		for (String line : text.name()) {
			y += ascent(NAME_FONT);
			text(g, line, NAME_FONT, TEXT, box.getX() + (box.getWidth() - width(NAME_FONT, line)) / 2, y, "node");
			y += descent(NAME_FONT);
		}
		y += ascent(SMALL_FONT);
		text(g, text.subtype(), SMALL_FONT, MUTED, box.getX() + (box.getWidth() - width(SMALL_FONT, text.subtype())) / 2,
				y, "node");
	}

	private static void drawEdge(SVGGraphics2D g, ElkEdge elk, boolean reversed) {
		g.setColor(EDGE);
		g.setStroke(new BasicStroke(1.3f));
		for (ElkEdgeSection section : elk.getSections()) {
			List<Point2D> points = new ArrayList<>();
			points.add(new Point2D.Double(section.getStartX(), section.getStartY()));
			for (ElkBendPoint bend : section.getBendPoints()) {
				points.add(new Point2D.Double(bend.getX(), bend.getY()));
			}
			points.add(new Point2D.Double(section.getEndX(), section.getEndY()));
			Path2D line = new Path2D.Double();
			line.moveTo(points.get(0).getX(), points.get(0).getY());
			points.stream().skip(1).forEach(point -> line.lineTo(point.getX(), point.getY()));
			g.draw(line);
			// The arrowhead marks the stored direction, at the start when the layout ran the edge backwards.
			if (reversed) {
				g.fill(arrowHead(points.get(1), points.get(0)));
			}
			else {
				g.fill(arrowHead(points.get(points.size() - 2), points.get(points.size() - 1)));
			}
		}
	}

	private static void drawEdgeLabel(SVGGraphics2D g, ElkLabel label) {
		String[] lines = label.getText().split("\n");
		g.setColor(new Color(255, 255, 255, 230));
		g.fill(new Rectangle2D.Double(label.getX(), label.getY(), label.getWidth(), label.getHeight()));
		double y = label.getY() + 2;
		for (int i = 0; i < lines.length; i++) {
			Font font = (i == 0) ? EDGE_FONT : SMALL_FONT;
			y += ascent(font);
			text(g, lines[i], font, (i == 0) ? TEXT : MUTED, label.getX() + (label.getWidth() - width(font, lines[i])) / 2,
					y, "edge-label");
			y += descent(font);
		}
	}

	private static Shape arrowHead(Point2D from, Point2D tip) {
		double angle = Math.atan2(tip.getY() - from.getY(), tip.getX() - from.getX());
		double length = 9;
		double spread = Math.toRadians(22);
		Path2D head = new Path2D.Double();
		head.moveTo(tip.getX(), tip.getY());
		head.lineTo(tip.getX() - length * Math.cos(angle - spread), tip.getY() - length * Math.sin(angle - spread));
		head.lineTo(tip.getX() - length * Math.cos(angle + spread), tip.getY() - length * Math.sin(angle + spread));
		head.closePath();
		return head;
	}

	static Shape shape(KindStyle style, double x, double y, double w, double h) {
		return switch (style) {
			case ACTOR -> new Ellipse2D.Double(x, y, w, h);
			case MINERAL -> polygon(x, y, w, h, h / 2.5);
			case POLICY -> octagon(x, y, w, h, Math.min(h, w) / 4);
			case LINKAGE -> diamond(x, y, w, h);
			default -> new Rectangle2D.Double(x, y, w, h);
		};
	}

	private static Shape polygon(double x, double y, double w, double h, double inset) {
		Path2D hexagon = new Path2D.Double();
		hexagon.moveTo(x + inset, y);
		hexagon.lineTo(x + w - inset, y);
		hexagon.lineTo(x + w, y + h / 2);
		hexagon.lineTo(x + w - inset, y + h);
		hexagon.lineTo(x + inset, y + h);
		hexagon.lineTo(x, y + h / 2);
		hexagon.closePath();
		return hexagon;
	}

	private static Shape diamond(double x, double y, double w, double h) {
		Path2D diamond = new Path2D.Double();
		diamond.moveTo(x + w / 2, y);
		diamond.lineTo(x + w, y + h / 2);
		diamond.lineTo(x + w / 2, y + h);
		diamond.lineTo(x, y + h / 2);
		diamond.closePath();
		return diamond;
	}

	private static Shape octagon(double x, double y, double w, double h, double c) {
		Path2D octagon = new Path2D.Double();
		octagon.moveTo(x + c, y);
		octagon.lineTo(x + w - c, y);
		octagon.lineTo(x + w, y + c);
		octagon.lineTo(x + w, y + h - c);
		octagon.lineTo(x + w - c, y + h);
		octagon.lineTo(x + c, y + h);
		octagon.lineTo(x, y + h - c);
		octagon.lineTo(x, y + c);
		octagon.closePath();
		return octagon;
	}

	// Each text is its own <text> element inside a group whose class says what it labels (node, edge-label, legend).
	private static void text(SVGGraphics2D g, String text, Font font, Color color, double x, double y, String kind) {
		g.setRenderingHint(SVGHints.KEY_BEGIN_GROUP, Map.of("class", kind));
		g.setFont(font);
		g.setColor(color);
		g.drawString(text, (float) x, (float) y);
		g.setRenderingHint(SVGHints.KEY_END_GROUP, "true");
	}

	static List<String> edgeLines(GraphEdge edge) {
		List<String> lines = new ArrayList<>();
		lines.add(edge.type().name());
		if (edge.properties().get("validFrom") instanceof LocalDate from) {
			lines.add(edge.properties().get("validTo") instanceof LocalDate to ? from + " to " + to : "from " + from);
		}
		return lines;
	}

	private static double edgeLabelWidth(List<String> lines) {
		double width = 0;
		for (int i = 0; i < lines.size(); i++) {
			width = Math.max(width, width((i == 0) ? EDGE_FONT : SMALL_FONT, lines.get(i)));
		}
		return Math.ceil(width) + 6;
	}

	private static double edgeLabelHeight(List<String> lines) {
		return Math.ceil(height(EDGE_FONT) + (lines.size() - 1) * height(SMALL_FONT)) + 4;
	}

	static double width(Font font, String text) {
		return font.getStringBounds(text, FRC).getWidth();
	}

	static double ascent(Font font) {
		return metrics(font).getAscent();
	}

	static double descent(Font font) {
		return metrics(font).getDescent() + metrics(font).getLeading();
	}

	static double height(Font font) {
		return ascent(font) + descent(font);
	}

	private static LineMetrics metrics(Font font) {
		return font.getLineMetrics("Hg", FRC);
	}

	static List<String> wrap(String text) {
		List<String> lines = new ArrayList<>();
		StringBuilder line = new StringBuilder();
		for (String word : text.split(" ")) {
			if (line.length() > 0 && line.length() + 1 + word.length() > WRAP) {
				lines.add(line.toString());
				line.setLength(0);
			}
			if (line.length() > 0) {
				line.append(' ');
			}
			line.append(word);
		}
		lines.add(line.toString());
		return lines;
	}

	/**
	 * What a node shows and how big its shape must be for the text to fit.
	 */
	private record NodeText(KindStyle style, List<String> name, String subtype, double width, double height) {

		static NodeText of(GraphNode node) {
			KindStyle style = KindStyle.of(node);
			List<String> name = wrap(KindStyle.label(node));
			String subtype = String.valueOf(node.properties().getOrDefault("subtype", node.subtype()));
			double textWidth = SvgExporter.width(SMALL_FONT, subtype);
			for (String line : name) {
				textWidth = Math.max(textWidth, SvgExporter.width(NAME_FONT, line));
			}
			double textHeight = name.size() * SvgExporter.height(NAME_FONT) + SvgExporter.height(SMALL_FONT);
			double w = textWidth + 2 * PAD;
			double h = textHeight + 2 * PAD;
			// Grow the box so the text also fits inside the shape drawn in it.
			switch (style) {
				case ACTOR -> {
					w *= 1.3;
					h *= 1.35;
				}
				case MINERAL -> w += 2 * h / 2.5;
				case POLICY -> w += h / 2;
				// Text fits a diamond when the diamond is twice the text's box each way.
				case LINKAGE -> {
					w *= 2;
					h *= 2;
				}
				default -> {
				}
			}
			return new NodeText(style, name, subtype, Math.ceil(w), Math.ceil(h));
		}

		double textHeight() {
			return this.name.size() * SvgExporter.height(NAME_FONT) + SvgExporter.height(SMALL_FONT);
		}

	}

	/**
	 * The key to the shapes and the edge labels, drawn in a row under the picture.
	 */
	private static final class Legend {

		private static final double SWATCH_W = 34;

		private static final double SWATCH_H = 18;

		private static final String EDGES = "arrow: relationship, labelled with its type and the dates it held";

		double width() {
			double width = 0;
			for (KindStyle style : KindStyle.values()) {
				if (style != KindStyle.SOURCE) {
					width += SWATCH_W + 6 + SvgExporter.width(SMALL_FONT, style.kind().label()) + 18;
				}
			}
			return Math.max(width, SvgExporter.width(SMALL_FONT, EDGES) + SWATCH_W + 6);
		}

		double height() {
			return 2 * (SWATCH_H + 8) + 8;
		}

		void draw(SVGGraphics2D g, double left) {
			double x = left;
			double y = 4;
			for (KindStyle style : KindStyle.values()) {
				if (style == KindStyle.SOURCE) {
					continue;
				}
				Shape swatch = shape(style, x, y, SWATCH_W, SWATCH_H);
				g.setColor(style.fill());
				g.fill(swatch);
				g.setColor(style.stroke());
				g.setStroke(new BasicStroke(1.2f));
				g.draw(swatch);
				x += SWATCH_W + 6;
				text(g, style.kind().label(), SMALL_FONT, TEXT, x, y + SWATCH_H / 2 + ascent(SMALL_FONT) / 2 - 1,
						"legend");
				x += SvgExporter.width(SMALL_FONT, style.kind().label()) + 18;
			}
			y += SWATCH_H + 8;
			g.setColor(EDGE);
			g.setStroke(new BasicStroke(1.3f));
			Path2D line = new Path2D.Double();
			line.moveTo(left, y + SWATCH_H / 2);
			line.lineTo(left + SWATCH_W, y + SWATCH_H / 2);
			g.draw(line);
			g.fill(arrowHead(new Point2D.Double(left, y + SWATCH_H / 2), new Point2D.Double(left + SWATCH_W,
					y + SWATCH_H / 2)));
			text(g, EDGES, SMALL_FONT, TEXT, left + SWATCH_W + 6, y + SWATCH_H / 2 + ascent(SMALL_FONT) / 2 - 1,
					"legend");
		}

	}

}
