package org.lodestone.export;

import java.io.IOException;
import java.io.Writer;
import java.time.LocalDate;

import org.lodestone.graph.GraphEdge;
import org.lodestone.graph.GraphNode;
import org.lodestone.graph.GraphSnapshot;

/**
 * Writes a Graphviz DOT digraph that reads left to right: entities shaped and coloured by kind (see
 * {@link KindStyle}), relationships labelled with their type and dates. Source nodes are left out of the picture:
 * nothing links to them, and the relationships name the sources they cite in their {@code sources} attribute.
 * Graphviz has no Java writer worth a dependency, so the few statements are written here, with every id and label a
 * quoted, escaped DOT string.
 */
public final class DotExporter implements GraphExporter {

	private final String title;

	/**
	 * @param title the graph's caption, such as the scope exported
	 */
	public DotExporter(String title) {
		this.title = title;
	}

	@Override
	public void export(GraphSnapshot snapshot, Writer out) throws IOException {
		out.write("digraph lodestone {\n");
		out.write("  graph [rankdir=LR, fontname=\"Helvetica\", labelloc=t, label=" + quote(this.title) + "];\n");
		out.write("  node [style=filled, fontname=\"Helvetica\", fontsize=11];\n");
		out.write("  edge [fontname=\"Helvetica\", fontsize=9, color=\"#555555\"];\n");
		Streaming.run(() -> {
			snapshot.forEachNode(Streaming.each(node -> {
				if (!node.isSource()) {
					out.write(node(node));
				}
			}));
			snapshot.forEachEdge(Streaming.each(edge -> out.write(edge(edge))));
		});
		out.write("}\n");
	}

	private static String node(GraphNode node) {
		KindStyle style = KindStyle.of(node);
		String subtype = String.valueOf(node.properties().getOrDefault("subtype", node.subtype()));
		return "  " + quote(node.id()) + " [label=" + quote(KindStyle.label(node) + "\n" + subtype) + ", shape="
				+ style.dotShape() + ", fillcolor=" + quote(style.fillHex()) + ", color=" + quote(style.strokeHex())
				+ ", tooltip=" + quote(node.id()) + "];\n";
	}

	private static String edge(GraphEdge edge) {
		return "  " + quote(edge.from()) + " -> " + quote(edge.to()) + " [label=" + quote(edgeLabel(edge))
				+ ", tooltip=" + quote(edge.id()) + "];\n";
	}

	static String edgeLabel(GraphEdge edge) {
		StringBuilder label = new StringBuilder(edge.type().name());
		if (edge.properties().get("validFrom") instanceof LocalDate from) {
			label.append('\n').append(from);
			if (edge.properties().get("validTo") instanceof LocalDate to) {
				label.append(" to ").append(to);
			}
		}
		return label.toString();
	}

	/**
	 * @param text any text
	 * @return a DOT double-quoted string: quotes and backslashes escaped (so {@code \N}-style label escapes cannot
	 * appear by accident), line breaks as DOT's centred {@code \n}
	 */
	static String quote(String text) {
		StringBuilder quoted = new StringBuilder("\"");
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			switch (c) {
				case '"' -> quoted.append("\\\"");
				case '\\' -> quoted.append("\\\\");
				case '\n' -> quoted.append("\\n");
				case '\r' -> {
				}
				default -> quoted.append(c);
			}
		}
		return quoted.append('"').toString();
	}

}
