package org.lodestone.graph;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

import org.neo4j.driver.Value;

/**
 * Builds {@link Link}s from query results. Queries return each relationship as a map of its type, its end nodes'
 * properties, its own properties, and the properties of the sources it cites.
 */
public final class Links {

	/**
	 * The Cypher projection every query that returns links uses, for a relationship {@code r}. It needs
	 * {@code startNode(r)} and {@code endNode(r)} to be entities.
	 */
	public static final String PROJECTION = """
			{type: type(r), from: properties(startNode(r)), to: properties(endNode(r)), props: properties(r),
			 sources: COLLECT { MATCH (s:Source) WHERE s.id IN coalesce(r.sources, []) RETURN properties(s) }}""";

	private Links() {
	}

	/**
	 * @param value a map produced by {@link #PROJECTION}
	 * @return the link
	 */
	public static Link of(Value value) {
		List<SourceReference> sources = new ArrayList<>();
		value.get("sources").asList(source -> SourceReference.of(source.asMap())).forEach(sources::add);
		return of(value.get("type").asString(), EntitySummary.of(value.get("from").asMap()),
				EntitySummary.of(value.get("to").asMap()), value.get("props").asMap(), sources);
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
		return new Link(from.id() + "|" + type + "|" + to.id(), type, from, to, validFrom, validTo, confidence,
				(String) props.get("quote"), share, (String) props.get("note"), List.copyOf(ordered),
				sentence(relationshipType, from, to, validFrom, validTo, share, ordered));
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

	static String sentence(RelationshipType type, EntitySummary from, EntitySummary to, LocalDate validFrom,
			LocalDate validTo, Double share, List<SourceReference> sources) {
		StringBuilder sentence = new StringBuilder();
		sentence.append(from.name()).append(' ').append(type.phrase()).append(' ').append(to.name());
		if (share != null) {
			sentence.append(" (").append(Math.round(share * 100)).append("% share)");
		}
		sentence.append(validTo == null ? " from " + validFrom : " from " + validFrom + " to " + validTo);
		if (!sources.isEmpty()) {
			sentence.append(", per ").append(String.join("; ",
					sources.stream().limit(2).map(SourceReference::citation).toList()));
		}
		return sentence.append('.').toString();
	}

}
