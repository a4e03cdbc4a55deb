package org.lodestone.entity;

import java.util.List;

import org.lodestone.graph.EntitySummary;

/**
 * No entity has that id, name or alias.
 */
public class EntityNotFoundException extends RuntimeException {

	private final String query;

	private final List<EntitySummary> closeMatches;

	public EntityNotFoundException(String query, List<EntitySummary> closeMatches) {
		super("No entity is called '" + query + "'"
				+ (closeMatches.isEmpty() ? "" : "; close matches: " + String.join(", ",
						closeMatches.stream().map(match -> match.name() + " (" + match.id() + ")").toList())));
		this.query = query;
		this.closeMatches = List.copyOf(closeMatches);
	}

	/**
	 * @return what the user typed
	 */
	public String query() {
		return this.query;
	}

	/**
	 * @return entities with similar names, best first
	 */
	public List<EntitySummary> closeMatches() {
		return this.closeMatches;
	}

}
