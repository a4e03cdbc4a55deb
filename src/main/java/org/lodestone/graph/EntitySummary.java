package org.lodestone.graph;

import java.util.Map;

/**
 * An entity as lists and paths show it.
 *
 * @param id the stable id
 * @param kind the kind: Actor, Product, Mineral or Policy
 * @param subtype the subtype, such as Chip or TradeDeal
 * @param name the display name
 */
public record EntitySummary(String id, String kind, String subtype, String name) {

	/**
	 * @param properties a node's stored properties
	 * @return the summary of that node
	 */
	public static EntitySummary of(Map<String, Object> properties) {
		return new EntitySummary((String) properties.get("id"), (String) properties.get("kind"),
				(String) properties.get("subtype"), (String) properties.get("name"));
	}

}
