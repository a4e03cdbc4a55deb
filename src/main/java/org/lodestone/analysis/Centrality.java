package org.lodestone.analysis;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.lodestone.graph.Kind;
import org.lodestone.graph.SourceReference;
import org.lodestone.neo4j.CypherQueries;
import org.lodestone.neo4j.CypherResources;
import org.lodestone.neo4j.GraphReads;
import org.lodestone.request.InvalidRequestException;

import org.springframework.cache.annotation.CacheConfig;
import org.springframework.cache.annotation.Cacheable;
import org.springframework.stereotype.Service;

/**
 * The most central entities of a kind: PageRank through Graph Data Science where the engine has it, otherwise
 * degree centrality with the documented Cypher in {@code cypher/queries/most-central-entities.cypher}. The answer
 * says which one ran.
 */
@CacheConfig(cacheNames = "analyses", keyGenerator = "answerKeys")
@Service
class Centrality {

	private static final String FALLBACK = CypherQueries.load("most-central-entities.cypher");

	private static final String GDS_PAGE_RANK = CypherResources.load(Centrality.class, "page-rank.cypher");

	private static final String APPLICATION = "lodestone-centrality";

	private static final String GDS_PROJECT = CypherResources.load(Centrality.class, "gds-project.cypher");

	private static final String GDS_AVAILABLE = CypherResources.load(Centrality.class, "gds-available.cypher");

	private static final String GDS_DROP = CypherResources.load(Centrality.class, "gds-drop.cypher");

	private final GraphReads reads;

	private final SourceLookup sources;

	Centrality(GraphReads reads, SourceLookup sources) {
		this.reads = reads;
		this.sources = sources;
	}

	/**
	 * @param id the entity's id
	 * @param name its name
	 * @param subtype its subtype
	 * @param degree how many distinct entities it is directly tied to
	 * @param relationships how many relationships touch it
	 * @param sources the sources behind those relationships
	 */
	record CentralEntity(String id, String name, String subtype, long degree, long relationships,
			List<SourceReference> sources) {
	}

	/**
	 * @param kind the kind ranked
	 * @param algorithm what computed the ranking
	 * @param entities the most central first
	 */
	record Ranking(String kind, String algorithm, List<CentralEntity> entities) {
	}

	@Cacheable
	public Ranking central(String kind) {
		Kind parsed = Kind.fromLabel(kind);
		if (parsed == null || parsed == Kind.SOURCE) {
			throw new InvalidRequestException("kind", "kind must be Actor, Product, Mineral, Policy or Linkage, got '"
					+ kind + "'");
		}
		if (gdsAvailable()) {
			return pageRank(parsed);
		}
		return rank(parsed, "degree centrality, Cypher fallback (cypher/queries/most-central-entities.cypher); "
				+ "Graph Data Science is not installed");
	}

	/**
	 * PageRank over an undirected projection of every entity and relationship, on engines with Graph Data Science.
	 * The projection lives in GDS's in-memory catalog under a unique name and is dropped afterwards; the evidence for
	 * each result is read the same way as for the fallback.
	 */
	private Ranking pageRank(Kind kind) {
		String graph = "lodestone-centrality-" + UUID.randomUUID();
		try {
			this.reads.list(GDS_PROJECT, Map.of("graph", graph), APPLICATION);
			List<Map<String, Object>> rows = new ArrayList<>(this.reads.list(GDS_PAGE_RANK,
					Map.of("graph", graph, "kind", kind.label()), APPLICATION));
			Set<String> ids = new LinkedHashSet<>();
			rows.forEach(row -> SourceLookup.collectIds(row.get("sources"), ids));
			Map<String, SourceReference> resolved = this.sources.resolve(ids);
			return new Ranking(kind.label(), "PageRank, Graph Data Science (gds.pageRank.stream)",
					rows.stream().map(row -> new CentralEntity((String) row.get("id"), (String) row.get("name"),
							(String) row.get("subtype"), ((Number) row.get("degree")).longValue(),
							((Number) row.get("relationships")).longValue(),
							SourceLookup.pick(resolved, row.get("sources"))))
						.toList());
		}
		finally {
			this.reads.list(GDS_DROP,
					Map.of("graph", graph), APPLICATION);
		}
	}

	private Ranking rank(Kind kind, String algorithm) {
		List<Map<String, Object>> rows = new ArrayList<>(
				this.reads.list(FALLBACK, Map.of("kind", kind.label()), APPLICATION));
		Set<String> ids = new LinkedHashSet<>();
		rows.forEach(row -> SourceLookup.collectIds(row.get("sources"), ids));
		Map<String, SourceReference> resolved = this.sources.resolve(ids);
		return new Ranking(kind.label(), algorithm, rows.stream().map(row -> new CentralEntity((String) row.get("id"),
				(String) row.get("name"), (String) row.get("subtype"), ((Number) row.get("degree")).longValue(),
				((Number) row.get("relationships")).longValue(), SourceLookup.pick(resolved, row.get("sources"))))
			.toList());
	}

	private boolean gdsAvailable() {
		return ((Number) this.reads.single(GDS_AVAILABLE, Map.of(), APPLICATION).get("n")).longValue() > 0;
	}

}
