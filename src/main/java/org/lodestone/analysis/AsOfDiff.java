package org.lodestone.analysis;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.lodestone.graph.SourceReference;
import org.lodestone.neo4j.CypherQueries;
import org.lodestone.neo4j.GraphReads;
import org.lodestone.request.InvalidRequestException;

import org.springframework.cache.annotation.CacheConfig;
import org.springframework.cache.annotation.Cacheable;
import org.springframework.stereotype.Service;

/**
 * What changed between two dates, answered by {@code cypher/queries/what-changed-between-two-dates.cypher}.
 */
@CacheConfig(cacheNames = "analyses", keyGenerator = "answerKeys")
@Service
public class AsOfDiff {

	private static final String DIFF = CypherQueries.load("what-changed-between-two-dates.cypher");

	private final GraphReads reads;

	private final SourceLookup sources;

	AsOfDiff(GraphReads reads, SourceLookup sources) {
		this.reads = reads;
		this.sources = sources;
	}

	/**
	 * @param date the day it changed
	 * @param change measure-announced, measure-effective, measure-rescinded, measure-suspended, measure-reversed,
	 * licence-granted, linkage-made, relationship-started or relationship-ended
	 * @param subject the id of the measure or relationship
	 * @param description what changed
	 * @param sources where it is reported
	 */
	public record Change(LocalDate date, String change, String subject, String description, List<SourceReference> sources) {
	}

	/**
	 * @param from the day before the window
	 * @param to the window's last day
	 * @param changes every change in (from, to], in date order
	 */
	public record Diff(LocalDate from, LocalDate to, List<Change> changes) {
	}

	@Cacheable
	public Diff between(LocalDate from, LocalDate to) {
		if (from == null || to == null) {
			throw new InvalidRequestException(from == null ? "from" : "to", "from and to are both required dates");
		}
		if (from.isAfter(to)) {
			throw new InvalidRequestException("from", "from " + from + " is after to " + to);
		}
		List<Map<String, Object>> rows = new ArrayList<>(
				this.reads.list(DIFF, Map.of("from", from, "to", to), "lodestone-diff"));
		Set<String> ids = new LinkedHashSet<>();
		rows.forEach(row -> SourceLookup.collectIds(row.get("sources"), ids));
		Map<String, SourceReference> resolved = this.sources.resolve(ids);
		return new Diff(from, to, rows.stream().map(row -> new Change((LocalDate) row.get("date"),
				(String) row.get("change"), (String) row.get("subject"), (String) row.get("description"),
				SourceLookup.pick(resolved, row.get("sources"))))
			.toList());
	}

}
