package org.lodestone.reconcile;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The answer to a suggest query.
 *
 * @param result entities or types, best first
 */
public record Suggestions(List<?> result) {

	/**
	 * A suggested entity.
	 *
	 * @param id the Lodestone id
	 * @param name the display name
	 * @param description the subtype and aliases
	 * @param notable the entity's subtype and kind
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record Entity(String id, String name, String description, List<ReconciliationType> notable) {
	}

}
