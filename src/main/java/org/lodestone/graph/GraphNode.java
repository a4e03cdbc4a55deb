package org.lodestone.graph;

import java.util.List;
import java.util.Map;

/**
 * A node as it is stored: its stable id, its labels and its properties.
 *
 * @param id the stable id
 * @param labels the node's labels, most general first ({@code Entity, Actor, State} or {@code Source})
 * @param properties the stored properties, {@code id} included; dates are {@link java.time.LocalDate}
 */
public record GraphNode(String id, List<String> labels, Map<String, Object> properties) {

	/** The label every entity node carries. */
	public static final String ENTITY = "Entity";

	/** The label of source nodes. */
	public static final String SOURCE = "Source";

	/**
	 * @return the most specific label: the subtype, or {@code Source}
	 */
	public String subtype() {
		return this.labels.get(this.labels.size() - 1);
	}

	/**
	 * @return whether this node is a source
	 */
	public boolean isSource() {
		return this.labels.contains(SOURCE);
	}

}
