package org.lodestone.cypher;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.lodestone.IntegrationTest;
import org.lodestone.support.LoopbackListener;
import org.lodestone.support.StoredGraph;
import org.neo4j.driver.Driver;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Every dangerous form from issue 5, and every write form, is refused with 403 by {@code POST /api/cypher}; the
 * refusal happens in {@link CypherGuard} (shown here without an engine), the graph is unchanged, and a loopback
 * listener named in the queries is never contacted.
 */
class ReadOnlyRefusalIT extends IntegrationTest {

	@Autowired
	RestTestClient rest;

	@Autowired
	Driver driver;

	@Test
	void dangerousAndWriteFormsAre403AndNothingReachesTheEngine() {
		StoredGraph before = StoredGraph.read(this.driver);
		try (LoopbackListener listener = new LoopbackListener()) {
			String url = listener.url("/ssrf.csv");
			List<String> queries = new ArrayList<>(List.of("LOAD CSV FROM 'file:///../../etc/passwd' AS l RETURN l",
					"LOAD CSV FROM '" + url + "' AS l RETURN l", "LOAD CSV WITH HEADERS FROM $url AS l RETURN l",
					"CALL { LOAD CSV FROM '" + url + "' AS l RETURN l } RETURN 1", "SHOW SETTINGS", "CALL dbms.listConfig()",
					"SHOW TRANSACTIONS", "TERMINATE TRANSACTIONS 'neo4j-transaction-1'", "CALL dbms.listQueries()",
					"CALL dbms.killQuery('query-1')", "CALL apoc.export.csv.all('out.csv', {})",
					"CALL apoc.load.json('" + url + "')", "CALL apoc.load.csv('" + url + "')",
					"RETURN apoc.util.sleep(1000)", "CREATE (n:Probe) RETURN n", "MERGE (n:Probe {id: 'x'})",
					"MATCH (n:Entity) SET n.name = 'x'", "MATCH (n:Entity) REMOVE n.name", "MATCH (n) DETACH DELETE n",
					"MATCH (n) DELETE n", "MATCH (n) FOREACH (x IN [1] | SET n.x = x)",
					"MATCH (n) CALL (n) { SET n.x = 1 } RETURN 1", "UNWIND range(1, 3) AS x CREATE (:Probe {x: x})",
					"CREATE INDEX probe FOR (n:Probe) ON (n.id)", "DROP INDEX entity_search", "DROP CONSTRAINT entity_id",
					"CREATE DATABASE pwned", "STOP DATABASE neo4j", "ALTER USER neo4j SET PASSWORD 'x'",
					"CREATE USER mallory SET PASSWORD 'x'", "USE system SHOW USERS", "CALL db.createLabel('Probe')",
					"CALL db.clearQueryCaches()", "CALL dbms.setConfigValue('db.transaction.timeout', '0')",
					"CALL db.index.fulltext.drop('entity_search')",
					"MATCH (n) RETURN n; MATCH (m) DETACH DELETE m"));
			for (String query : queries) {
				int status = post(query, url).returnResult(String.class).getStatus().value();
				assertThat(status).as(query).isIn(400, 403);
				post(query, url).expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
				// Refused by the allow-list itself, which never touches a database.
				assertThatExceptionOfType(RuntimeException.class).as(query).isThrownBy(() -> CypherGuard.check(query))
					.isInstanceOfAny(CypherForbiddenException.class, InvalidCypherException.class);
			}
			// What the allow-list forbids is a 403; the rest (text after the statement, a LOAD CSV form the parser
			// does not know) is a 400 invalid query. Either way nothing ran.
			for (String query : queries) {
				int expected = forbidden(query) ? 403 : 400;
				assertThat(post(query, url).returnResult(String.class).getStatus().value()).as(query).isEqualTo(expected);
			}
			assertThat(queries.stream().filter(ReadOnlyRefusalIT::forbidden)).hasSizeGreaterThan(queries.size() - 3);
			assertThat(listener.connections()).isZero();
		}
		assertThat(StoredGraph.read(this.driver)).isEqualTo(before);
	}

	private static boolean forbidden(String query) {
		try {
			CypherGuard.check(query);
			return false;
		}
		catch (CypherForbiddenException ex) {
			return true;
		}
		catch (InvalidCypherException ex) {
			return false;
		}
	}

	private RestTestClient.ResponseSpec post(String query, String url) {
		return this.rest.post().uri("/api/cypher").contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("query", query, "parameters", Map.of("url", url)))
			.exchange();
	}

}
