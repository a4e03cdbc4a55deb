package org.lodestone.neo4j;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.lodestone.IntegrationTest;
import org.lodestone.path.PathCypher;
import org.neo4j.driver.Driver;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GraphReadsIT extends IntegrationTest {

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	@Autowired
	EmbeddedNeo4j engine;

	@Autowired
	Driver driver;

	@Autowired
	GraphReads configured;

	@Test
	void theEmbeddedEngineIsReadInProcessByDefault() {
		// The application's reads are scoped (knownAt reads switch them to a replica); outside a scope, the live side.
		assertThat(this.configured).isInstanceOf(ScopedGraphReads.class);
		assertThat(((ScopedGraphReads) this.configured).live()).isInstanceOf(EmbeddedGraphReads.class);
	}

	@Test
	void aPathQueryGivesTheSamePlainValuesInProcessAndThroughTheDriver() {
		GraphReads inProcess = new EmbeddedGraphReads(this.engine);
		GraphReads overBolt = new DriverGraphReads(this.driver);
		for (String mode : List.of("shortest", "k-shortest", "all")) {
			String cypher = PathCypher.cypher(mode, 5, 4);
			Map<String, Object> parameters = PathCypher.parameters("product:nvidia-h20", "mineral:ndpr", 5);
			Map<String, Object> embedded = inProcess.single(cypher, parameters, TIMEOUT, "test");
			Map<String, Object> driven = overBolt.single(cypher, parameters, TIMEOUT, "test");
			assertThat(embedded).as(mode).usingRecursiveComparison().ignoringCollectionOrder().isEqualTo(driven);
			List<?> paths = (List<?>) embedded.get("paths");
			assertThat(paths).as(mode).isNotEmpty();
			Map<?, ?> hop = (Map<?, ?>) ((List<?>) ((Map<?, ?>) paths.get(0)).get("hops")).get(0);
			Map<?, ?> properties = (Map<?, ?>) hop.get("properties");
			// Stored arrays arrive as lists and dates as LocalDate, as the driver gives them.
			assertThat(properties.get("sources")).as(mode).isInstanceOf(List.class);
			assertThat(properties.get("validFrom")).as(mode).isInstanceOf(LocalDate.class);
		}
	}

	@Test
	void streamedRowsAreTheSamePlainValuesInProcessAndThroughTheDriver() {
		String edges = """
				MATCH (a:Entity)-[r]->(b:Entity)
				RETURN a.id AS from, type(r) AS type, b.id AS to, properties(r) AS props
				ORDER BY from, type, to
				""";
		List<Map<String, Object>> embedded = streamed(new EmbeddedGraphReads(this.engine), edges);
		List<Map<String, Object>> driven = streamed(new DriverGraphReads(this.driver), edges);
		assertThat(embedded).hasSizeGreaterThan(200);
		assertThat(embedded).usingRecursiveComparison().isEqualTo(driven);
		Map<?, ?> properties = (Map<?, ?>) embedded.get(0).get("props");
		assertThat(properties.get("sources")).isInstanceOf(List.class);
		assertThat(properties.get("validFrom")).isInstanceOf(LocalDate.class);
	}

	@Test
	void aStreamedReadPastItsTimeoutIsStoppedTheSameWayInProcessAndThroughTheDriver() {
		String slow = "UNWIND range(1, 1000000000) AS x WITH x WHERE x % 7 = 99 RETURN x";
		for (GraphReads reads : List.of(new EmbeddedGraphReads(this.engine), new DriverGraphReads(this.driver))) {
			assertThatThrownBy(() -> {
				try (GraphReads.ReadTransaction tx = reads.open(Duration.ofMillis(200), "test")) {
					tx.stream(slow, Map.of(), row -> {
					});
				}
			}).as(reads.getClass().getSimpleName()).isInstanceOf(QueryTimeoutException.class);
		}
	}

	private static List<Map<String, Object>> streamed(GraphReads reads, String cypher) {
		List<Map<String, Object>> rows = new ArrayList<>();
		try (GraphReads.ReadTransaction tx = reads.open(TIMEOUT, "test")) {
			tx.stream(cypher, Map.of(), rows::add);
			// A second statement in the same transaction, as an export runs one per visit.
			tx.stream("MATCH (s:Source) RETURN count(s) AS sources", Map.of(), rows::add);
		}
		return rows;
	}

	@Test
	void aStatementPastItsTimeoutIsStoppedTheSameWayInProcessAndThroughTheDriver() {
		String slow = "UNWIND range(1, 1000000000) AS x WITH x WHERE x % 7 = 99 RETURN count(*) AS n";
		for (GraphReads reads : List.of(new EmbeddedGraphReads(this.engine), new DriverGraphReads(this.driver))) {
			assertThatThrownBy(() -> reads.single(slow, Map.of(), Duration.ofMillis(200), "test"))
				.as(reads.getClass().getSimpleName())
				.isInstanceOf(QueryTimeoutException.class);
		}
	}

}
