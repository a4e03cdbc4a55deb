package org.lodestone.security;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.lodestone.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The findings of the second hardening review (issue 18), each replayed against the running application: every one
 * of these answered 500, leaked a Java class name, or held a thread (and a core) for tens of seconds or for ever
 * before it was fixed. The injection corpus ({@link InjectionCorpusIT}) covers the read-only guard; this covers the
 * work a query may ask for and the answers to malformed input.
 */
class AttackCorpusIT extends IntegrationTest {

	@Autowired
	RestTestClient rest;

	@Test
	void aQueryThatIgnoresItsTerminationIsStoppedAndItsThreadFreed() {
		// range() with a computed bound passes the static bounds; inside one expression Neo4j never checks the
		// timeout, so only the watchdog can end it (before the fix this ran until the JVM was killed).
		long started = System.nanoTime();
		cypher(Map.of("query", "RETURN size(reduce(s = '', i IN range(1, toInteger($n)) | s + 'x')) AS n",
				"parameters", Map.of("n", "100000000")))
			.expectStatus().isBadRequest()
			.expectBody()
			.jsonPath("$.type").isEqualTo("urn:lodestone:problem:invalid-request")
			.jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("stopped"));
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(30));
		assertThat(queryThreadsBusyInTheEngine(Duration.ofSeconds(10))).as("user-query threads still in the engine")
			.isZero();
		cypher(Map.of("query", "MATCH (n:Entity {id: 'mineral:ndpr'}) RETURN n.name AS name"))
			.expectStatus().isOk()
			.expectBody().jsonPath("$.rows[0][0]").isEqualTo("NdPr (neodymium-praseodymium)");
	}

	@Test
	void queriesAskingForTooMuchWorkAreRefusedBeforeTheEngineSeesThem() {
		String chain = "MATCH " + String.join("--", java.util.stream.IntStream.range(0, 60)
			.mapToObj(i -> "(n" + i + ")").toList()) + " RETURN n0 LIMIT 1";
		String additions = "RETURN " + String.join(" + ", java.util.Collections.nCopies(6_000, "1")) + " AS x";
		String withs = "RETURN 1 AS x" .replace("RETURN", "WITH") + " "
				+ "WITH x AS x ".repeat(800) + "RETURN x";
		for (String query : java.util.List.of("RETURN any(x IN range(1, 400000000) WHERE x < 0) AS a",
				"RETURN size(reduce(s = '', i IN range(1, 100000000) | s + 'x')) AS n",
				"RETURN [x IN range(1, $n) | x][0] AS c", chain, additions, withs)) {
			long started = System.nanoTime();
			cypher(Map.of("query", query, "parameters", Map.of("n", 1_000_000_000)))
				.expectStatus().isBadRequest()
				.expectBody()
				.jsonPath("$.type").value(type -> assertThat((String) type)
					.isIn("urn:lodestone:problem:query-too-large", "urn:lodestone:problem:invalid-request"));
			assertThat(Duration.ofNanos(System.nanoTime() - started)).as(query.substring(0, Math.min(40, query.length())))
				.isLessThan(Duration.ofSeconds(3));
		}
	}

	@Test
	void engineRefusalsAreClientErrorsWithoutJavaClassNames() {
		for (Map<String, Object> body : java.util.List.<Map<String, Object>>of(
				Map.of("query", "RETURN substring('abc', -1) AS s"),
				Map.of("query", "MATCH (a:Entity {id: 'mineral:ndpr'}) MATCH p = shortestPath((a)-[*]-(a)) RETURN p"),
				Map.of("query", "RETURN $n AS n", "parameters", Map.of("n", new java.math.BigInteger("1".repeat(40)))),
				Map.of("query", "RETURN 1 / 0 AS x"))) {
			cypher(body).expectStatus().isBadRequest()
				.expectBody()
				.jsonPath("$.type").isEqualTo("urn:lodestone:problem:invalid-request")
				.jsonPath("$.detail").value(detail -> assertThat((String) detail).doesNotContainPattern(
						"\\b(java|org|com)\\.[a-z]+\\.|Exception\\b"));
		}
	}

	@Test
	void readOnlyBuiltInsTheGuardAllowsAlsoRunAndDurationsReadAsIso8601() {
		cypher(Map.of("query", "CALL dbms.components() YIELD name RETURN name"))
			.expectStatus().isOk().expectBody().jsonPath("$.rows[0][0]").isEqualTo("Neo4j Kernel");
		cypher(Map.of("query", "RETURN vector.similarity.cosine([1.0, 0.0], [1.0, 0.0]) AS s"))
			.expectStatus().isOk().expectBody().jsonPath("$.rows[0][0]").isEqualTo(1.0);
		cypher(Map.of("query", "RETURN duration('P1DT2H') AS d"))
			.expectStatus().isOk().expectBody().jsonPath("$.rows[0][0]").isEqualTo("P1DT2H");
	}

	private RestTestClient.ResponseSpec cypher(Map<String, Object> body) {
		return this.rest.post().uri("/api/cypher").contentType(MediaType.APPLICATION_JSON).body(body).exchange();
	}

	// A thread of the user-query pool with an engine frame on its stack is still working on a query.
	private static long queryThreadsBusyInTheEngine(Duration within) {
		long deadline = System.nanoTime() + within.toNanos();
		long busy;
		do {
			busy = Thread.getAllStackTraces().entrySet().stream()
				.filter(entry -> entry.getKey().getName().startsWith("lodestone-user-query-"))
				.filter(entry -> java.util.Arrays.stream(entry.getValue())
					.anyMatch(frame -> frame.getClassName().startsWith("org.neo4j.cypher")))
				.count();
			if (busy == 0) {
				return 0;
			}
			try {
				Thread.sleep(200);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return busy;
			}
		}
		while (System.nanoTime() < deadline);
		return busy;
	}

}
