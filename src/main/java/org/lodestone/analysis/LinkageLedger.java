package org.lodestone.analysis;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.lodestone.graph.SourceReference;
import org.lodestone.neo4j.CypherQueries;
import org.lodestone.neo4j.CypherResources;
import org.lodestone.neo4j.GraphReads;

import org.springframework.cache.annotation.CacheConfig;
import org.springframework.cache.annotation.Cacheable;
import org.springframework.stereotype.Service;

/**
 * The linkage ledger, answered by {@code cypher/queries/linkage-ledger.cypher} with the cited sources resolved.
 */
@CacheConfig(cacheNames = "analyses", keyGenerator = "answerKeys")
@Service
public class LinkageLedger {

	private static final String LEDGER = CypherQueries.load("linkage-ledger.cypher");

	private static final String TOUCHES = CypherResources.load(LinkageLedger.class, "touches-linkage.cypher");

	private final GraphReads reads;

	private final SourceLookup sources;

	LinkageLedger(GraphReads reads, SourceLookup sources) {
		this.reads = reads;
		this.sources = sources;
	}

	/**
	 * A tie between two measures.
	 *
	 * @param id the linkage's id
	 * @param name its name
	 * @param description what it ties, in a sentence or two
	 * @param sides the two measures, earliest first
	 * @param assertions who said the tie exists
	 * @param disputes who denied or disputed it
	 * @param lagDays days between the two measures' dates
	 * @param strength evidence strength in [0, 1]
	 * @param sources the sources describing the linkage
	 */
	public record Linkage(String id, String name, String description, List<Side> sides, List<Claim> assertions,
			List<Claim> disputes, Long lagDays, double strength, List<SourceReference> sources) {
	}

	/**
	 * @param id the measure's id
	 * @param name its name
	 * @param subtype its subtype
	 * @param date its effective date, else announced, else when the tie was first reported
	 */
	public record Side(String id, String name, String subtype, LocalDate date) {
	}

	/**
	 * @param actor who
	 * @param name their name
	 * @param date when
	 * @param quote the exact words, when recorded
	 * @param confidence how sure the record is
	 * @param sources where it was reported
	 */
	public record Claim(String actor, String name, LocalDate date, String quote, double confidence,
			List<SourceReference> sources) {
	}

	/**
	 * @return every linkage, strongest evidence first
	 */
	@Cacheable
	public List<Linkage> linkages() {
		List<Map<String, Object>> rows = new ArrayList<>();
		rows.addAll(this.reads.list(LEDGER, Map.of(), "lodestone-linkages"));
		Set<String> ids = new LinkedHashSet<>();
		for (Map<String, Object> row : rows) {
			SourceLookup.collectIds(row.get("sources"), ids);
			for (String key : List.of("assertions", "disputes")) {
				((List<?>) row.get(key)).forEach(claim -> SourceLookup.collectIds(((Map<?, ?>) claim).get("sources"), ids));
			}
		}
		Map<String, SourceReference> resolved = this.sources.resolve(ids);
		return rows.stream().map(row -> new Linkage((String) row.get("id"), (String) row.get("name"),
				(String) row.get("description"), sides(row.get("sides")), claims(row.get("assertions"), resolved),
				claims(row.get("disputes"), resolved), (Long) row.get("lagDays"),
				((Number) row.get("strength")).doubleValue(), SourceLookup.pick(resolved, row.get("sources"))))
			.toList();
	}

	/**
	 * @param measureIds measure ids, such as those along a path
	 * @return the linkages that tie any of them
	 */
	public List<Linkage> touching(Set<String> measureIds) {
		// Every path answer asks this; most paths touch no linkage, so a cheap check spares them the whole ledger.
		boolean any = Boolean.TRUE.equals(this.reads.single(TOUCHES, Map.of("ids", List.copyOf(measureIds)),
				"lodestone-linkages").get("touches"));
		if (!any) {
			return List.of();
		}
		return linkages().stream()
			.filter(linkage -> linkage.sides().stream().anyMatch(side -> measureIds.contains(side.id()))
					|| measureIds.contains(linkage.id()))
			.toList();
	}

	private static List<Side> sides(Object value) {
		return ((List<?>) value).stream().map(item -> (Map<?, ?>) item)
			.map(side -> new Side((String) side.get("id"), (String) side.get("name"), (String) side.get("subtype"),
					(LocalDate) side.get("date")))
			.toList();
	}

	private static List<Claim> claims(Object value, Map<String, SourceReference> resolved) {
		return ((List<?>) value).stream().map(item -> (Map<?, ?>) item)
			.map(claim -> new Claim((String) claim.get("actor"), (String) claim.get("name"),
					(LocalDate) claim.get("date"), (String) claim.get("quote"),
					((Number) claim.get("confidence")).doubleValue(), SourceLookup.pick(resolved, claim.get("sources"))))
			.toList();
	}


}
