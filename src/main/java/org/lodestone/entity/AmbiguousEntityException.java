package org.lodestone.entity;

import java.util.List;

import org.lodestone.graph.EntitySummary;

/**
 * A name matches several entities and none stands out; the user picks one by id.
 */
public class AmbiguousEntityException extends RuntimeException {

	private final String query;

	private final List<EntitySummary> candidates;

	AmbiguousEntityException(String query, List<EntitySummary> candidates) {
		super("'" + query + "' matches " + candidates.size() + " entities; use one of their ids: " + String.join(", ",
				candidates.stream().map(EntitySummary::id).toList()));
		this.query = query;
		this.candidates = List.copyOf(candidates);
	}

	/**
	 * @return what the user typed
	 */
	public String query() {
		return this.query;
	}

	/**
	 * @return the entities it matches, best first
	 */
	public List<EntitySummary> candidates() {
		return this.candidates;
	}

}
