package org.lodestone.export;

import java.awt.Color;

import org.lodestone.graph.GraphNode;
import org.lodestone.graph.Kind;

/**
 * How pictures draw each kind of node, shared by the DOT and SVG exports so both read the same way: actors are
 * ellipses, products boxes, minerals hexagons, policies octagons, linkages (one measure traded for another)
 * diamonds, sources notes.
 */
enum KindStyle {

	ACTOR(Kind.ACTOR, "#dbe8f6", "#2f5f8f", "ellipse"),
	PRODUCT(Kind.PRODUCT, "#fde3c8", "#b35c00", "box"),
	MINERAL(Kind.MINERAL, "#d9f0d3", "#2e7d32", "hexagon"),
	POLICY(Kind.POLICY, "#f8d7da", "#a4262c", "octagon"),
	LINKAGE(Kind.LINKAGE, "#fff1bf", "#8a6a00", "diamond"),
	SOURCE(Kind.SOURCE, "#eeeeee", "#555555", "note");

	private final Kind kind;

	private final String fill;

	private final String stroke;

	private final String dotShape;

	KindStyle(Kind kind, String fill, String stroke, String dotShape) {
		this.kind = kind;
		this.fill = fill;
		this.stroke = stroke;
		this.dotShape = dotShape;
	}

	Kind kind() {
		return this.kind;
	}

	String fillHex() {
		return this.fill;
	}

	String strokeHex() {
		return this.stroke;
	}

	Color fill() {
		return Color.decode(this.fill);
	}

	Color stroke() {
		return Color.decode(this.stroke);
	}

	String dotShape() {
		return this.dotShape;
	}

	/**
	 * @param node a node
	 * @return the style of its kind; a node whose kind is not known is drawn as a source would be
	 */
	static KindStyle of(GraphNode node) {
		if (node.isSource()) {
			return SOURCE;
		}
		Kind kind = Kind.fromLabel(String.valueOf(node.properties().get("kind")));
		for (KindStyle style : values()) {
			if (style.kind == kind) {
				return style;
			}
		}
		return SOURCE;
	}

	/**
	 * @param node a node
	 * @return what pictures print on it: an entity's name, a source's publisher and title
	 */
	static String label(GraphNode node) {
		Object name = node.properties().get("name");
		if (name != null) {
			return name.toString();
		}
		Object title = node.properties().get("title");
		return (title != null) ? node.properties().get("publisher") + ": " + title : node.id();
	}

}
