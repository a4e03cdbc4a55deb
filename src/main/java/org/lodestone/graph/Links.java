package org.lodestone.graph;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;


/**
 * Builds {@link Link}s from query results. Queries return each relationship as {@link CypherFragments#link} projects
 * it: a map of its type, its end nodes' properties, its own properties, and the properties of the sources it cites.
 */
public final class Links {

	private Links() {
	}

	/**
	 * When a relationship held, as a sentence says it: only as precisely as it is known, and never inventing a start
	 * the data does not have ("by 2025-11-09 (reported)").
	 *
	 * @param from the first day it held, or the date a source reported it holding
	 * @param to the last day it held, or {@code null} while it holds
	 * @param precision how precisely {@code from} is known
	 * @param basis what {@code from} means
	 */
	record Validity(LocalDate from, LocalDate to, DatePrecision precision, DateBasis basis) {

		private static final java.time.format.DateTimeFormatter MONTH = java.time.format.DateTimeFormatter
			.ofPattern("MMMM yyyy", java.util.Locale.ENGLISH);

		String words() {
			String start = switch (this.precision) {
				case DAY -> this.from.toString();
				case MONTH -> MONTH.format(this.from);
				case YEAR -> String.valueOf(this.from.getYear());
			};
			if (this.precision == DatePrecision.YEAR && this.to != null && this.to.getYear() == this.from.getYear()
					&& this.to.getDayOfYear() == this.to.lengthOfYear() && this.basis == DateBasis.START) {
				return " in " + start;
			}
			String opening = (this.basis == DateBasis.REPORTED) ? " by " + start + " (reported)" : " from " + start;
			return (this.to == null) ? opening : opening + " to " + this.to;
		}

	}

	/**
	 * @param projected a map produced by {@link CypherFragments#link}, as plain values (the read port gives them so)
	 * @return the link
	 */
	@SuppressWarnings("unchecked")
	public static Link of(Map<String, Object> projected) {
		List<SourceReference> sources = new ArrayList<>();
		((List<Map<String, Object>>) projected.get("sources")).forEach(source -> sources.add(SourceReference.of(source)));
		return of((String) projected.get("type"), EntitySummary.of((Map<String, Object>) projected.get("from")),
				EntitySummary.of((Map<String, Object>) projected.get("to")), (Map<String, Object>) projected.get("props"),
				sources);
	}

	/**
	 * @param type the relationship type's name
	 * @param from the start entity
	 * @param to the end entity
	 * @param props the relationship's stored properties
	 * @param sources the sources it cites, in any order
	 * @return the link, its sources in the order the relationship cites them
	 */
	public static Link of(String type, EntitySummary from, EntitySummary to, Map<String, Object> props,
			List<SourceReference> sources) {
		List<String> order = props.get("sources") instanceof List<?> ids ? ids.stream().map(String::valueOf).toList()
				: List.of();
		List<SourceReference> ordered = new ArrayList<>(sources);
		ordered.sort((a, b) -> Integer.compare(order.indexOf(a.id()), order.indexOf(b.id())));
		LocalDate validFrom = (LocalDate) props.get("validFrom");
		LocalDate validTo = (LocalDate) props.get("validTo");
		double confidence = ((Number) props.get("confidence")).doubleValue();
		Double share = props.get("share") instanceof Number number ? number.doubleValue() : null;
		RelationshipType relationshipType = RelationshipType.valueOf(type);
		DatePrecision precision = (props.get("precision") instanceof String value
				&& DatePrecision.fromValue(value) != null) ? DatePrecision.fromValue(value) : DatePrecision.DAY;
		DateBasis basis = (props.get("basis") instanceof String value && DateBasis.fromValue(value) != null)
				? DateBasis.fromValue(value) : DateBasis.START;
		return new Link(relationshipType.edgeId(from.id(), to.id(), validFrom), type, from, to, validFrom, validTo,
				confidence, (String) props.get("quote"), share, (String) props.get("note"), List.copyOf(ordered),
				sentence(relationshipType, from, to, new Validity(validFrom, validTo, precision, basis), share, ordered),
				precision.value(), basis.value());
	}

	/**
	 * A hop's latest evidence, as paths are ranked by it: the newest date among the sources it cites, else the date it
	 * began to hold.
	 * @param sourceDates the dates of the cited sources that are stored; {@code null}s are skipped
	 * @param validFrom the date the relationship began to hold
	 * @return the date
	 */
	public static LocalDate latestEvidence(Stream<LocalDate> sourceDates, LocalDate validFrom) {
		return sourceDates.filter(Objects::nonNull).max(LocalDate::compareTo).orElse(validFrom);
	}

	static String sentence(RelationshipType type, EntitySummary from, EntitySummary to, Validity validity,
			Double share, List<SourceReference> sources) {
		StringBuilder sentence = new StringBuilder();
		sentence.append(from.name()).append(' ').append(type.phrase()).append(' ').append(to.name());
		if (share != null) {
			sentence.append(" (").append(Math.round(share * 100)).append("% share)");
		}
		sentence.append(validity.words());
		if (!sources.isEmpty()) {
			sentence.append(", per ").append(String.join("; ",
					sources.stream().limit(2).map(SourceReference::citation).toList()));
		}
		return sentence.append('.').toString();
	}

}
