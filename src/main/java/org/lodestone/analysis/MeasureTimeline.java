package org.lodestone.analysis;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonValue;

import org.lodestone.neo4j.CypherQueries;
import org.lodestone.neo4j.GraphReads;

import org.springframework.cache.annotation.CacheConfig;
import org.springframework.cache.annotation.Cacheable;
import org.springframework.stereotype.Service;

/**
 * Every measure as a dated bar for the explorer's timeline: lifecycle, issuers grouped by state or bloc, what it is
 * about, suspensions, its ties to other measures, and its state on a date. Answered by
 * {@code cypher/queries/measures-timeline.cypher}; whether a measure is in force or suspended on the date comes from
 * {@code cypher/queries/measures-in-force-on-date.cypher}, the one rule for it, so the explorer never decides it.
 */
@CacheConfig(cacheNames = "analyses", keyGenerator = "answerKeys")
@Service
class MeasureTimeline {

	private static final String TIMELINE = CypherQueries.load("measures-timeline.cypher");

	private static final String IN_FORCE = CypherQueries.load("measures-in-force-on-date.cypher");

	private final GraphReads reads;

	MeasureTimeline(GraphReads reads) {
		this.reads = reads;
	}

	/**
	 * @param id the actor's id
	 * @param name its name
	 * @param subtype State, Bloc, Agency, ...
	 */
	record Party(String id, String name, String subtype) {
	}

	/**
	 * @param id the issuer's id
	 * @param name its name
	 * @param subtype its subtype
	 * @param group the nearest state or bloc it belongs to, or the issuer itself when the graph records none
	 */
	record Issuer(String id, String name, String subtype, Party group) {
	}

	/**
	 * @param id the entity's id
	 * @param name its name
	 * @param kind Mineral, Product or Actor
	 * @param role RESTRICTS, COVERS, LICENSED_FOR, TARGETS or PARTY_TO
	 */
	record Subject(String id, String name, String kind, String role) {
	}

	/**
	 * @param type AMENDS, REVERSES, SUSPENDS, CONCESSION_FOR, or LINKAGE for a tie recorded by a Linkage
	 * @param to the other measure's id
	 * @param name its name
	 * @param validFrom when the relationship began (null for a linkage)
	 * @param validTo when it ended, or null
	 * @param linkage the Linkage's id, for a linkage
	 * @param linkageName its name
	 */
	record MeasureLink(String type, String to, String name, LocalDate validFrom, LocalDate validTo, String linkage,
			String linkageName) {
	}

	/**
	 * @param by the suspending measure's id
	 * @param name its name
	 * @param validFrom the first day suspended
	 * @param validTo the last day suspended (the suspension's end, else the measure's suspendedUntil), or null
	 */
	record Suspension(String by, String name, LocalDate validFrom, LocalDate validTo) {
	}

	/**
	 * A measure's state on a date. In force and suspended are the answer of
	 * {@code measures-in-force-on-date.cypher}; a measure that answer leaves out has not yet begun when its start
	 * (effective, else announced) is after the date, has no start recorded when it has neither, and has otherwise
	 * ended (rescinded or reversed).
	 */
	enum Status {

		IN_FORCE("in force"), SUSPENDED("suspended"), NOT_YET_IN_FORCE("not yet in force"), ENDED("ended"),
		NO_START_RECORDED("no start recorded");

		private final String label;

		Status(String label) {
			this.label = label;
		}

		@JsonValue
		String label() {
			return this.label;
		}

	}

	/**
	 * @param id the measure's id
	 * @param name its name
	 * @param subtype ExportControl, Licence, Ban, TradeDeal, ...
	 * @param announced lifecycle date, or null
	 * @param effective lifecycle date, or null
	 * @param suspendedUntil lifecycle date, or null
	 * @param rescinded lifecycle date, or null
	 * @param reversed when another measure reversed it, or null
	 * @param expiry the last day any of its relationships held, when all of them have ended; else null
	 * @param firstRecorded the earliest start of any relationship touching it, for measures without lifecycle dates
	 * @param issuers who issued it
	 * @param subjects what it restricts, covers, licenses or targets, and who is party to it
	 * @param links its relationships to other measures, and the measures a linkage ties it to
	 * @param suspensions the periods other measures suspended it
	 * @param asOf the date {@code status} is for
	 * @param status its state on that date
	 */
	record Measure(String id, String name, String subtype, LocalDate announced, LocalDate effective,
			LocalDate suspendedUntil, LocalDate rescinded, LocalDate reversed, LocalDate expiry, LocalDate firstRecorded,
			List<Issuer> issuers, List<Subject> subjects, List<MeasureLink> links, List<Suspension> suspensions,
			LocalDate asOf, Status status) {
	}

	/**
	 * @param asOf the date each measure's state is given for; null for today
	 * @return every measure, oldest first, with its state on that date
	 */
	@Cacheable
	public List<Measure> measures(LocalDate asOf) {
		LocalDate date = (asOf != null) ? asOf : LocalDate.now();
		Map<String, Boolean> inForce = new HashMap<>();
		for (Map<String, Object> row : this.reads.list(IN_FORCE, Map.of("date", date), "lodestone-measures-in-force")) {
			inForce.put(text(row, "id"), Boolean.TRUE.equals(row.get("suspended")));
		}
		List<Measure> measures = new ArrayList<>();
		for (Map<String, Object> row : this.reads.list(TIMELINE, Map.of(), "lodestone-measures")) {
			String id = text(row, "id");
			LocalDate start = (date(row, "effective") != null) ? date(row, "effective") : date(row, "announced");
			measures.add(new Measure(id, text(row, "name"), text(row, "subtype"), date(row, "announced"),
					date(row, "effective"), date(row, "suspendedUntil"), date(row, "rescinded"), date(row, "reversed"),
					date(row, "expiry"), date(row, "firstRecorded"),
					maps(row.get("issuers")).stream()
						.map(i -> new Issuer(text(i, "id"), text(i, "name"), text(i, "subtype"), party(i.get("group"))))
						.toList(),
					maps(row.get("subjects")).stream()
						.map(s -> new Subject(text(s, "id"), text(s, "name"), text(s, "kind"), text(s, "role")))
						.toList(),
					maps(row.get("links")).stream()
						.map(l -> new MeasureLink(text(l, "type"), text(l, "to"), text(l, "name"), date(l, "validFrom"),
								date(l, "validTo"), text(l, "linkage"), text(l, "linkageName")))
						.toList(),
					maps(row.get("suspensions")).stream()
						.map(s -> new Suspension(text(s, "by"), text(s, "name"), date(s, "validFrom"), date(s, "validTo")))
						.toList(),
					date, status(inForce.get(id), start, date)));
		}
		return measures;
	}

	private static Status status(Boolean suspended, LocalDate start, LocalDate date) {
		if (suspended != null) {
			return suspended ? Status.SUSPENDED : Status.IN_FORCE;
		}
		if (start == null) {
			return Status.NO_START_RECORDED;
		}
		return start.isAfter(date) ? Status.NOT_YET_IN_FORCE : Status.ENDED;
	}

	private static Party party(Object value) {
		return (value instanceof Map<?, ?> map) ? new Party(text(map, "id"), text(map, "name"), text(map, "subtype"))
				: null;
	}

	static List<Map<?, ?>> maps(Object value) {
		if (!(value instanceof List<?> list)) {
			return List.of();
		}
		return list.stream().<Map<?, ?>>map(item -> (Map<?, ?>) item).toList();
	}

	static String text(Map<?, ?> map, String key) {
		Object value = map.get(key);
		return (value != null) ? value.toString() : null;
	}

	static LocalDate date(Map<?, ?> map, String key) {
		return (LocalDate) map.get(key);
	}

}
