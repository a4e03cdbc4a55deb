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
 * The measures in force on a date, answered by {@code cypher/queries/measures-in-force-on-date.cypher}, the query a
 * Browser user runs, with the publications behind each measure.
 */
@CacheConfig(cacheNames = "analyses", keyGenerator = "answerKeys")
@Service
public class MeasuresInForce {

	private static final String IN_FORCE = CypherQueries.load("measures-in-force-on-date.cypher");

	private final GraphReads reads;

	private final SourceLookup sources;

	MeasuresInForce(GraphReads reads, SourceLookup sources) {
		this.reads = reads;
		this.sources = sources;
	}

	/**
	 * @param id the measure's id
	 * @param name its name
	 * @param type its subtype
	 * @param issuers who issued it
	 * @param since when it took effect (when it was announced, if no effective date is known)
	 * @param suspendedUntil until when it is suspended, or {@code null}
	 * @param suspended whether it was suspended on the date
	 * @param sources the publications describing it or reporting who issued it
	 */
	public record Measure(String id, String name, String type, List<String> issuers, LocalDate since,
			LocalDate suspendedUntil, boolean suspended, List<SourceReference> sources) {
	}

	/**
	 * @param date the day asked about
	 * @param measures every measure in force that day, oldest first
	 */
	public record InForce(LocalDate date, List<Measure> measures) {
	}

	@Cacheable
	public InForce on(LocalDate date) {
		if (date == null) {
			throw new InvalidRequestException("date", "date is required");
		}
		List<Map<String, Object>> rows = new ArrayList<>(
				this.reads.list(IN_FORCE, Map.of("date", date), "lodestone-in-force"));
		Set<String> ids = new LinkedHashSet<>();
		rows.forEach(row -> SourceLookup.collectIds(row.get("sources"), ids));
		Map<String, SourceReference> resolved = this.sources.resolve(ids);
		return new InForce(date, rows.stream().map(row -> new Measure((String) row.get("id"),
				(String) row.get("measure"), (String) row.get("type"),
				((List<?>) row.get("issuers")).stream().map(String::valueOf).toList(), (LocalDate) row.get("since"),
				(LocalDate) row.get("suspendedUntil"), Boolean.TRUE.equals(row.get("suspended")),
				SourceLookup.pick(resolved, row.get("sources"))))
			.toList());
	}

}
