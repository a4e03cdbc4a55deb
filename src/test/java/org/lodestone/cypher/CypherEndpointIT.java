package org.lodestone.cypher;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.lodestone.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lodestone.support.JsonValues.strings;

class CypherEndpointIT extends IntegrationTest {

	@Autowired
	RestTestClient rest;

	@Test
	void returnsNodesRelationshipsAndPathsWithStableIds() {
		post(Map.of("query", "MATCH p = (h:Entity {id: $id})-[r:RUNS_ON]->(s) RETURN h, r, p",
				"parameters", Map.of("id", "product:nvidia-h20")))
			.expectStatus().isOk()
			.expectBody()
			.jsonPath("$.columns").isEqualTo(List.of("h", "r", "p"))
			.jsonPath("$.rows[0][0].id").isEqualTo("product:nvidia-h20")
			.jsonPath("$.rows[0][0].labels").value(labels -> assertThat(strings(labels)).contains("Entity", "Chip"))
			.jsonPath("$.rows[0][1].type").isEqualTo("RUNS_ON")
			.jsonPath("$.rows[0][2].relationships[0].from").isEqualTo("product:nvidia-h20")
			.jsonPath("$.rows[0][2].relationships[0].to").isEqualTo("product:nvidia-cuda")
			.jsonPath("$.truncated").isEqualTo(false);
	}

	@Test
	void allowsCyphersOwnNamespacedFunctionsAndReadOnlyProcedures() {
		post(Map.of("query", "RETURN date.truncate('month', date('2025-07-15')) AS month"))
			.expectStatus().isOk()
			.expectBody().jsonPath("$.rows[0][0]").isEqualTo("2025-07-01");
		post(Map.of("query", "CALL db.index.fulltext.queryNodes('entity_search', 'lutnick') YIELD node RETURN node.id"))
			.expectStatus().isOk()
			.expectBody().jsonPath("$.rows[0][0]").isEqualTo("person:howard-lutnick");
	}

	@Test
	void capsRows() {
		post(Map.of("query", "UNWIND range(1, 5000) AS x RETURN x"))
			.expectStatus().isOk()
			.expectBody()
			.jsonPath("$.rows.length()").isEqualTo(1000)
			.jsonPath("$.truncated").isEqualTo(true);
	}

	@ParameterizedTest
	@ValueSource(strings = { "CREATE (n:Probe) RETURN n", "MERGE (n:Probe {id: 'x'}) RETURN n",
			"MATCH (n:Entity {id: 'mineral:ndpr'}) SET n.name = 'changed'",
			"MATCH (n:Entity {id: 'mineral:ndpr'}) REMOVE n:Mineral", "MATCH (n:Entity {id: 'mineral:ndpr'}) DETACH DELETE n",
			"MATCH (n:Entity) FOREACH (x IN [1] | SET n.x = x)", "LOAD CSV FROM 'file:///../../etc/passwd' AS line RETURN line",
			"LOAD CSV FROM 'http://127.0.0.1:8080/api/info' AS line RETURN line", "SHOW SETTINGS", "SHOW TRANSACTIONS",
			"TERMINATE TRANSACTIONS 'neo4j-transaction-1'", "CALL dbms.listConfig()", "CALL apoc.export.csv.all('out.csv', {})",
			"CREATE INDEX probe FOR (n:Probe) ON (n.id)", "DROP CONSTRAINT entity_id", "CREATE USER mallory SET PASSWORD 'x'",
			"USE system SHOW USERS", "CALL db.createLabel('Probe')", "RETURN apoc.version()",
			"MATCH (n) CALL (n) { DETACH DELETE n } RETURN 1" })
	void refusesEverythingButReadsWith403(String query) {
		post(Map.of("query", query))
			.expectStatus().isForbidden()
			.expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.type").isEqualTo("urn:lodestone:problem:cypher-forbidden")
			.jsonPath("$.detail").value(detail -> assertThat(detail.toString()).startsWith("Only read queries"));
		post(Map.of("query", "MATCH (n:Entity {id: 'mineral:ndpr'}) RETURN n.name AS name"))
			.expectStatus().isOk()
			.expectBody().jsonPath("$.rows[0][0]").isEqualTo("NdPr (neodymium-praseodymium)");
	}

	@Test
	void invalidQueriesAre400WithoutInternals() {
		post(Map.of("query", "MATCH (n RETURN n"))
			.expectStatus().isBadRequest()
			.expectBody()
			.jsonPath("$.detail").value(detail -> assertThat(detail.toString()).startsWith("The query is not valid Cypher")
				.doesNotContain("org.neo4j").doesNotContain("Exception"));
		post(Map.of("query", "MATCH (n) RETURN m"))
			.expectStatus().isBadRequest()
			.expectBody()
			.jsonPath("$.detail").value(detail -> assertThat(detail.toString()).doesNotContain("Neo.ClientError")
				.doesNotContain("7687").doesNotContain("/work"));
		post(Map.of("query", " "))
			.expectStatus().isBadRequest()
			.expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.type").isEqualTo("urn:lodestone:problem:invalid-request")
			.jsonPath("$.parameter").isEqualTo("query");
	}

	@Test
	void stopsQueriesThatRunTooLong() {
		post(Map.of("query", "UNWIND range(1, 2000000000) AS x WITH x WHERE x < 0 RETURN count(x)"))
			.expectStatus().isBadRequest()
			.expectBody()
			.jsonPath("$.detail").value(detail -> assertThat(detail.toString()).contains("longer than"));
	}

	private RestTestClient.ResponseSpec post(Map<String, Object> body) {
		return this.rest.post().uri("/api/cypher").contentType(MediaType.APPLICATION_JSON).body(body).exchange();
	}

}
