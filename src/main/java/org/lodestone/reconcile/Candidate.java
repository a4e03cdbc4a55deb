package org.lodestone.reconcile;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One reconciliation candidate.
 *
 * @param id the Lodestone id, such as {@code company:smic}
 * @param name the display name
 * @param description the subtype and aliases, to tell namesakes apart
 * @param type the entity's subtype and kind
 * @param score 100 for an exact id, name or alias match; otherwise the name similarity scaled to 0–99
 * @param features what the score is made of: {@code exact} and {@code name_similarity}
 * @param match whether this is the only exact match among the candidates, safe to accept without review
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Candidate(String id, String name, String description, List<ReconciliationType> type, double score,
		List<Feature> features, boolean match) {

	/**
	 * A matching feature.
	 *
	 * @param id the feature's name
	 * @param value a number or a boolean
	 */
	public record Feature(String id, Object value) {
	}

}
