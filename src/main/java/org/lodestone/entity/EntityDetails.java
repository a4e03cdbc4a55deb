package org.lodestone.entity;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.lodestone.graph.SourceReference;

/**
 * One entity in full.
 *
 * @param id the stable id
 * @param kind the kind
 * @param subtype the subtype
 * @param name the display name
 * @param aliases other names
 * @param description a sentence or two, or {@code null}
 * @param lifecycle a measure's dates, or {@code null} for entities that are not measures
 * @param relationships how many relationships touch it
 * @param sources every source that describes it or supports a relationship touching it, newest first
 * @param identifiers the ids other datasets give it, by scheme ({@code wikidata}, {@code lei}, {@code uscc},
 * {@code opensanctions}); empty when it has none
 */
public record EntityDetails(String id, String kind, String subtype, String name, List<String> aliases, String description,
		Lifecycle lifecycle, long relationships, List<SourceReference> sources, Map<String, String> identifiers) {

	/**
	 * @param announced when it was announced
	 * @param effective when it took effect
	 * @param suspendedUntil until when it is suspended
	 * @param rescinded when it was rescinded
	 */
	public record Lifecycle(LocalDate announced, LocalDate effective, LocalDate suspendedUntil, LocalDate rescinded) {
	}

}
