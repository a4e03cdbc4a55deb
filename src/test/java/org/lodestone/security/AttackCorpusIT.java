package org.lodestone.security;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;

import org.junit.jupiter.api.Test;
import org.lodestone.IntegrationTest;
import org.lodestone.support.RawHttp;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
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

	@LocalServerPort
	int port;

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
				Map.of("query", "RETURN 1 / 0 AS x"),
				// Lucene's own syntax errors and clause limit, through the full-text procedure.
				Map.of("query", "CALL db.index.fulltext.queryNodes('entity_search', $q) YIELD node RETURN node.id",
						"parameters", Map.of("q", "\"unclosed AND (")),
				Map.of("query", "CALL db.index.fulltext.queryNodes('entity_search', $q) YIELD node RETURN node.id",
						"parameters", Map.of("q", "a~ OR ".repeat(3000) + "b")),
				Map.of("query", "CALL db.index.fulltext.queryNodes('entity_search', $q) YIELD node RETURN node.id",
						"parameters", Map.of("q", "\\u")))) {
			cypher(body).expectStatus().isBadRequest()
				.expectBody()
				.jsonPath("$.type").isEqualTo("urn:lodestone:problem:invalid-request")
				.jsonPath("$.detail").value(detail -> assertThat((String) detail).doesNotContainPattern(
						"\\b(java|org|com)\\.[a-z]+\\.|Exception\\b|\\b[A-Z]\\w*[a-z](Error|Clauses)\\b"));
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

	@Test
	void thisServerAnswersOnlyToItsOwnNames() throws Exception {
		String rebound = RawHttp.exchange(this.port, "GET /api/info HTTP/1.1\r\nHost: evil.example:" + this.port
				+ "\r\nConnection: close\r\n\r\n");
		assertThat(RawHttp.status(rebound)).isEqualTo(421);
		assertThat(rebound).contains("application/problem+json", "urn:lodestone:problem:misdirected-request",
				"lodestone.security.allowed-hosts");
		for (String host : java.util.List.of("localhost", "127.0.0.1", "[::1]")) {
			assertThat(RawHttp.status(RawHttp.exchange(this.port, "GET /api/info HTTP/1.1\r\nHost: " + host + ":"
					+ this.port + "\r\nConnection: close\r\n\r\n"))).as(host).isEqualTo(200);
		}
	}

	@Test
	void uploadsAreRefusedUnreadEverywhereButTheImportAndOnlyConcreteJsonBodiesAreRead() throws Exception {
		String multipart = "------x\r\nContent-Disposition: form-data; name=\"files\"; filename=\"a.csv\"\r\n\r\n"
				+ "a\r\n------x--\r\n";
		for (String target : java.util.List.of("POST /api/cypher", "GET /api/info", "POST /api/scenarios")) {
			String response = RawHttp.exchange(this.port, target + " HTTP/1.1\r\nHost: localhost\r\n"
					+ "Content-Type: multipart/form-data; boundary=----x\r\nContent-Length: 200000000\r\n"
					+ "Connection: close\r\n\r\n" + multipart);
			assertThat(RawHttp.status(response)).as(target).isEqualTo(415);
			assertThat(response).contains("urn:lodestone:problem:unsupported-media-type");
		}
		for (String type : java.util.List.of("application/*+json", "*/*", "application/yaml", "text/x-yaml")) {
			this.rest.post().uri("/api/cypher").header("Content-Type", type).body("query: RETURN 1")
				.exchange().expectStatus().isEqualTo(415)
				.expectBody().jsonPath("$.type").isEqualTo("urn:lodestone:problem:unsupported-media-type");
			this.rest.post().uri("/api/scenarios").header("Content-Type", type).body("subjects: [NdPr]")
				.exchange().expectStatus().isEqualTo(415);
		}
	}

	@Test
	void healthShowsStatusesToEveryoneAndDetailsOnlyToACredential() {
		this.rest.get().uri("/actuator/health").exchange().expectStatus().isOk().expectBody()
			.jsonPath("$.status").isEqualTo("UP")
			.jsonPath("$.components.neo4j.status").isEqualTo("UP")
			.jsonPath("$.components.neo4j.details").doesNotExist()
			.jsonPath("$.components.diskSpace.details").doesNotExist();
		this.rest.get().uri("/actuator/health")
			.headers(headers -> headers.setBasicAuth(org.lodestone.support.TestCredentials.READER,
					org.lodestone.support.TestCredentials.READER_PASSWORD))
			.exchange().expectStatus().isOk().expectBody()
			.jsonPath("$.components.neo4j.details.edition").isEqualTo("community");
	}

	@Test
	void aScenarioNamesAtMostFiftySubjects() {
		long started = System.nanoTime();
		this.rest.post().uri("/api/scenarios").contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("action", "restrict", "subjects", java.util.Collections.nCopies(5_000, "NdPr")))
			.exchange().expectStatus().isBadRequest().expectBody()
			.jsonPath("$.parameter").isEqualTo("subjects")
			.jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("at most 50"));
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
	}

	@Test
	void malformedQueryStringsAreRefusedBeforeTheContainerDecodesOrLogsThem() throws Exception {
		// Tomcat reported an undecodable parameter as an ERROR with a 149-line stack trace, quoting the decoded value:
		// a %0A in it wrote a line of the attacker's choosing into the log. Its log records reach JUL first.
		List<LogRecord> records = new CopyOnWriteArrayList<>();
		Handler handler = new Handler() {
			@Override
			public void publish(LogRecord record) {
				records.add(record);
			}

			@Override
			public void flush() {
			}

			@Override
			public void close() {
			}
		};
		java.util.logging.Logger root = java.util.logging.Logger.getLogger("");
		root.addHandler(handler);
		try {
			for (String query : List.of("q=%C3%28", "q=%FF%FE", "q=%C3%28%0A2026-12-04%2000:00:00.000+0000%20ERROR%20FORGED",
					"q=NdPr&asOf=%E2%82", "q=%")) {
				String response = RawHttp.exchange(this.port, "GET /api/entities?" + query
						+ " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
				assertThat(RawHttp.status(response)).as(query).isEqualTo(400);
				assertThat(response).as(query).contains("urn:lodestone:problem:invalid-request", "UTF-8");
			}
		}
		finally {
			root.removeHandler(handler);
		}
		assertThat(records).filteredOn(record -> record.getThrown() != null
				|| String.valueOf(record.getMessage()).contains("FORGED")).isEmpty();
		// A valid query with a line break is answered and never splits a log line either.
		String ok = RawHttp.exchange(this.port, "GET /api/entities?q=NdPr%0AFORGED HTTP/1.1\r\nHost: localhost\r\n"
				+ "Connection: close\r\n\r\n");
		assertThat(RawHttp.status(ok)).isLessThan(500);
	}

	@Test
	void pagesDeclareWhatTheyMayLoadAndSendNoReferrer() {
		for (String path : java.util.List.of("/", "/api/info", "/swagger-ui/index.html")) {
			this.rest.get().uri(path).exchange().expectHeader()
				.value("Content-Security-Policy", csp -> assertThat(csp).contains("default-src 'self'",
						"frame-ancestors 'none'", "object-src 'none'"))
				.expectHeader().valueEquals("Referrer-Policy", "no-referrer");
		}
	}

	@Test
	void aForeignOriginAtTheGuideGetsProblemDetails() {
		this.rest.get().uri("/guide").header("Origin", "https://evil.example").exchange()
			.expectStatus().isForbidden()
			.expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody().jsonPath("$.type").isEqualTo("urn:lodestone:problem:forbidden");
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
