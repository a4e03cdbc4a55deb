package org.lodestone.ingest;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.lodestone.IntegrationTest;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Everything the seed article names is in the imported graph, checked with Cypher as a Browser user would.
 */
class SeedCoverageIT extends IntegrationTest {

	static final String SEED = "src:rareearthexchanges-2025-07-15-chips-for-magnets";

	@Autowired
	Driver driver;

	@Test
	void theArticleIsASourceAndEveryActorProductMineralAndMeasureItNamesIsAnEntity() {
		assertThat(rows("MATCH (s:Source {id: $id}) RETURN s.publisher AS publisher", Map.of("id", SEED)))
			.singleElement().satisfies(row -> assertThat(row.get("publisher").asString()).isEqualTo("Rare Earth Exchanges"));
		List<String> named = List.of("person:howard-lutnick", "agency:us-commerce", "company:nvidia",
				"product:nvidia-h20", "product:nvidia-cuda", "person:john-moolenaar", "person:raja-krishnamoorthi",
				"mineral:ndpr", "product:ndfeb-magnet", "product:ev-traction-motor", "product:military-drones",
				"state:us", "state:cn", "policy:us-h20-licence-requirement-2025-04", "policy:us-h20-export-licences",
				"policy:us-cn-london-framework", "policy:cn-rare-earth-magnet-export-resumption",
				"policy:cn-rare-earth-export-controls-2025-04");
		List<String> found = rows("MATCH (n:Entity) WHERE n.id IN $ids RETURN n.id AS id", Map.of("ids", named))
			.stream().map(row -> row.get("id").asString()).toList();
		assertThat(found).containsExactlyInAnyOrderElementsOf(named);
		assertThat(rows("""
				MATCH (:Entity {id: 'product:ndfeb-magnet'})-[:USED_IN]->(use:EndUse)
				RETURN use.name AS name""", Map.of())).extracting(row -> row.get("name").asString().toLowerCase())
			.anyMatch(name -> name.contains("missile"))
			.anyMatch(name -> name.contains("drone"))
			.anyMatch(name -> name.contains("ev") || name.contains("electric"));
	}

	@Test
	void theArticlesClaimsAreRelationshipsCitingIt() {
		Map<String, String> claims = Map.of(
				"MATCH (:Entity {id: 'company:nvidia'})-[r:APPLIED_FOR]->(:Entity {id: 'policy:us-h20-export-licences'}) RETURN r",
				"Nvidia filed for H20 licences",
				"MATCH (:Entity {id: 'policy:us-h20-export-licences'})-[r:REVERSES]->(:Entity {id: 'policy:us-h20-licence-requirement-2025-04'}) RETURN r",
				"the licences reverse the April ban",
				"MATCH (:Entity {id: 'product:nvidia-h20'})-[r:RUNS_ON]->(:Entity {id: 'product:nvidia-cuda'}) RETURN r",
				"H20 runs on Nvidia's proprietary software",
				"MATCH (:Entity {id: 'person:john-moolenaar'})-[r:CRITICIZED]->(:Entity {id: 'policy:us-h20-export-licences'}) RETURN r",
				"Moolenaar criticised the move",
				"MATCH (:Entity {id: 'person:raja-krishnamoorthi'})-[r:CRITICIZED]->(:Entity {id: 'policy:us-h20-export-licences'}) RETURN r",
				"Krishnamoorthi criticised the move");
		claims.forEach((query, claim) -> assertThat(rows(query, Map.of())).as(claim).singleElement()
			.satisfies(row -> assertThat(row.get("r").get("sources").asList(v -> v.asString())).as(claim)
				.contains(SEED)));
	}

	@Test
	void h20ReachesNdPrThroughTheMagnetDealWithLutnicksStatement() {
		List<Record> paths = rows("""
				MATCH (h:Entity {id: 'product:nvidia-h20'})<-[l:LICENSED_FOR]-(licence:Licence)
				      -[c:CONCESSION_FOR]->(deal:TradeDeal {id: 'policy:us-cn-london-framework'})
				MATCH (deal)-[*1..2]-(ndpr:Entity {id: 'mineral:ndpr'})
				RETURN licence.id AS licence, c.quote AS quote, c.sources AS sources
				""", Map.of());
		assertThat(paths).isNotEmpty().allSatisfy(row -> {
			assertThat(row.get("licence").asString()).isEqualTo("policy:us-h20-export-licences");
			assertThat(row.get("quote").asString()).contains("We put that in the trade deal with the magnets");
			assertThat(row.get("sources").asList(v -> v.asString())).contains("src:reuters-2025-07-15-lutnick-magnets");
		});
		assertThat(rows("""
				MATCH (:Entity {id: 'person:howard-lutnick'})-[s:STATED]->(:Entity {id: 'policy:us-h20-export-licences'})
				RETURN s.quote AS quote""", Map.of())).singleElement()
			.satisfies(row -> assertThat(row.get("quote").asString()).contains("trade deal with the magnets"));
	}

	@Test
	void theBrowserQueryForH20AndNdPrShowsTheLicenceChain() throws Exception {
		String text = java.nio.file.Files.readString(java.nio.file.Path.of("cypher", "queries",
				"what-connects-h20-to-ndpr.cypher"));
		List<Record> results = rows(org.lodestone.neo4j.CypherScript.statements(text).get(0),
				Map.of("from", "product:nvidia-h20", "to", "mineral:ndpr"));
		assertThat(results).anySatisfy(row -> assertThat(row.get("hops").asList(hop -> hop.get("hop").asString()))
			.anySatisfy(hop -> assertThat(hop).contains("CONCESSION_FOR US-China London framework"))
			.anySatisfy(hop -> assertThat(hop).contains("LICENSED_FOR Nvidia H20")));
	}

	private List<Record> rows(String query, Map<String, Object> parameters) {
		return this.driver.executableQuery(query).withParameters(parameters).execute().records();
	}

}
