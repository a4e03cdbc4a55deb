package org.lodestone.graph;

import java.util.Map;

/**
 * A relationship as it is stored.
 *
 * @param from the start node's id
 * @param type the relationship type
 * @param to the end node's id
 * @param properties the stored properties; dates are {@link java.time.LocalDate}
 */
public record GraphEdge(String from, RelationshipType type, String to, Map<String, Object> properties) {

	/**
	 * @return a stable id for the relationship, unique: {@code from|TYPE|to}, with {@code |validFrom} for a type keyed
	 * by period ({@link RelationshipType#edgeId})
	 */
	public String id() {
		return this.type.edgeId(this.from, this.to, (this.properties.get("validFrom") instanceof java.time.LocalDate date)
				? date : null);
	}

}
