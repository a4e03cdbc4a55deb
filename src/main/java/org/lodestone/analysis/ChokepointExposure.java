package org.lodestone.analysis;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.lodestone.entity.EntityService;
import org.lodestone.graph.EntitySummary;
import org.lodestone.graph.SourceReference;
import org.lodestone.neo4j.CypherQueries;
import org.lodestone.neo4j.GraphReads;

import org.springframework.cache.annotation.CacheConfig;
import org.springframework.cache.annotation.Cacheable;
import org.springframework.stereotype.Service;

/**
 * Which minerals and components an entity depends on, how concentrated their supply is, and which measures restrict them on a date.
 * Answered by {@code cypher/queries/chokepoint-exposure.cypher}; chokepoints are ranked by the number of measures
 * in force, then by the dominant supplier's share (unknown shares last), then nearest first.
 */
@CacheConfig(cacheNames = "analyses", keyGenerator = "answerKeys")
@Service
public class ChokepointExposure {

	private static final String EXPOSURE = CypherQueries.load("chokepoint-exposure.cypher");

	private final GraphReads reads;

	private final EntityService entities;

	private final SourceLookup sources;

	ChokepointExposure(GraphReads reads, EntityService entities, SourceLookup sources) {
		this.reads = reads;
		this.entities = entities;
		this.sources = sources;
	}

	/**
	 * @param supplier the dominant supplier's name
	 * @param share its supply share in [0, 1]
	 * @param basis what the share measures, as the source gives it
	 * @param sources where the share is reported
	 */
	public record DominantSupplier(String supplier, double share, String basis, List<SourceReference> sources) {
	}

	/**
	 * @param id the measure's id
	 * @param name its name
	 * @param since when its restriction on the mineral began
	 * @param sources where it is reported
	 */
	public record MeasureInForce(String id, String name, LocalDate since, List<SourceReference> sources) {
	}

	/**
	 * @param input the mineral's or component's id
	 * @param name its name
	 * @param subtype its subtype
	 * @param depth how many USED_IN steps from the entity
	 * @param dominantSupplier the largest sourced supply share, or {@code null} when no source gives one
	 * @param measures the measures restricting it on the date
	 */
	public record Chokepoint(String input, String name, String subtype, long depth, DominantSupplier dominantSupplier,
			List<MeasureInForce> measures) {
	}

	/**
	 * @param entity the entity asked about
	 * @param asOf the date
	 * @param chokepoints the minerals it depends on, most exposed first
	 */
	public record Exposure(EntitySummary entity, LocalDate asOf, List<Chokepoint> chokepoints) {
	}

	@Cacheable
	public Exposure exposure(String idOrName, LocalDate asOf) {
		EntitySummary entity = this.entities.resolve(idOrName);
		LocalDate date = (asOf != null) ? asOf : LocalDate.now();
		List<Map<String, Object>> rows = new ArrayList<>(
				this.reads.list(EXPOSURE, Map.of("id", entity.id(), "asOf", date), "lodestone-exposure"));
		Set<String> ids = new LinkedHashSet<>();
		for (Map<String, Object> row : rows) {
			if (row.get("dominant") instanceof Map<?, ?> dominant) {
				SourceLookup.collectIds(dominant.get("sources"), ids);
			}
			((List<?>) row.get("measures")).forEach(m -> SourceLookup.collectIds(((Map<?, ?>) m).get("sources"), ids));
		}
		Map<String, SourceReference> resolved = this.sources.resolve(ids);
		List<Chokepoint> chokepoints = rows.stream().map(row -> {
			DominantSupplier dominant = null;
			if (row.get("dominant") instanceof Map<?, ?> d) {
				dominant = new DominantSupplier((String) d.get("supplier"), ((Number) d.get("share")).doubleValue(),
						(String) d.get("note"), SourceLookup.pick(resolved, d.get("sources")));
			}
			List<MeasureInForce> measures = ((List<?>) row.get("measures")).stream().map(m -> (Map<?, ?>) m)
				.map(m -> new MeasureInForce((String) m.get("id"), (String) m.get("name"), (LocalDate) m.get("since"),
						SourceLookup.pick(resolved, m.get("sources"))))
				.toList();
			return new Chokepoint((String) row.get("input"), (String) row.get("name"), (String) row.get("subtype"),
					((Number) row.get("depth")).longValue(), dominant, measures);
		}).toList();
		return new Exposure(entity, date, chokepoints);
	}

}
