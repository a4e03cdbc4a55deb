package org.lodestone.neo4j;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.lodestone.graph.GraphEdge;
import org.lodestone.graph.GraphNode;
import org.lodestone.graph.IndexedGraph;
import org.lodestone.graph.RelationshipType;
import org.lodestone.ingest.DatasetGraph;
import org.lodestone.support.BundledData;
import org.lodestone.support.FreePorts;
import org.lodestone.support.StoredGraph;
import org.lodestone.support.TestStores;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The offline load of a new store: the same graph the transactional importer writes, never into a store that exists,
 * and nothing left behind when it fails.
 */
class OfflineImportIT {

	@Test
	void aNewStoreLoadedOfflineHoldsExactlyTheBundledDatasetWithItsValueTypes() {
		Path home = TestStores.create("offline-bundled");
		DatasetGraph graph = new DatasetGraph(BundledData.dataset());
		Set<Thread> before = nonDaemonThreads();
		OfflineImport.Result result = OfflineImport.load(home, graph);
		// A thread the importer left running would keep the JVM of a command-line run from exiting.
		assertThat(nonDaemonThreads()).isSubsetOf(before);
		assertThat(result.nodes()).isEqualTo(graph.nodeCount());
		assertThat(result.relationships()).isEqualTo(graph.edgeCount());
		try (EmbeddedNeo4j engine = engine(home).start(); Driver driver = driver(engine)) {
			assertThat(StoredGraph.read(driver)).isEqualTo(StoredGraph.of(graph));
			// Dates stay dates and lists stay lists, as the transactional importer stores them: queries compare
			// r.validFrom with date() values and test membership in r.sources.
			var types = driver.executableQuery("""
					MATCH ()-[r]->() WITH r LIMIT 1
					RETURN valueType(r.validFrom) AS validFrom, valueType(r.sources) AS sources,
					       valueType(r.confidence) AS confidence""").execute().records().get(0);
			assertThat(types.get("validFrom").asString()).isEqualTo("DATE NOT NULL");
			assertThat(types.get("sources").asString()).isEqualTo("LIST<STRING NOT NULL> NOT NULL");
			assertThat(types.get("confidence").asString()).isEqualTo("FLOAT NOT NULL");
		}
	}

	@Test
	void theEngineLoadsItsContentOnlyIntoANewStore() {
		Path home = TestStores.create("offline-once");
		IndexedGraph first = graph(List.of(node("state:a"), node("state:b")),
				List.of(edge("state:a", "state:b")));
		try (EmbeddedNeo4j engine = engine(home).start(() -> Optional.of(first)); Driver driver = driver(engine)) {
			assertThat(StoredGraph.read(driver)).isEqualTo(StoredGraph.of(first));
		}
		try (EmbeddedNeo4j engine = engine(home).start(() -> {
			throw new AssertionError("an existing store was asked for new content");
		}); Driver driver = driver(engine)) {
			assertThat(StoredGraph.read(driver)).isEqualTo(StoredGraph.of(first));
		}
		assertThatThrownBy(() -> OfflineImport.load(home, first)).isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("exists already");
	}

	@Test
	void aFailedLoadLeavesNoStoreBehindAndTheEngineStartsAfterwards() {
		Path home = TestStores.create("offline-failed");
		IndexedGraph dangling = graph(List.of(node("state:a")), List.of(edge("state:a", "state:missing")));
		assertThatThrownBy(() -> engine(home).start(() -> Optional.of(dangling)))
			.isInstanceOf(Neo4jStartupException.class)
			.hasMessageContaining("Loading the first-start dataset into the new store");
		assertThat(OfflineImport.isNewStore(home)).isTrue();
		try (EmbeddedNeo4j engine = engine(home).start(); Driver driver = driver(engine)) {
			assertThat(StoredGraph.read(driver).nodes()).isEmpty();
		}
	}

	private static Set<Thread> nonDaemonThreads() {
		return Thread.getAllStackTraces()
			.keySet()
			.stream()
			.filter(thread -> thread.isAlive() && !thread.isDaemon())
			.collect(Collectors.toSet());
	}

	private static EmbeddedNeo4j engine(Path home) {
		return new EmbeddedNeo4j(new EmbeddedNeo4jProperties(true, home, "127.0.0.1", FreePorts.next(),
				FreePorts.next(), "", "64m", Duration.ofSeconds(60), "512m"));
	}

	private static Driver driver(EmbeddedNeo4j engine) {
		return GraphDatabase.driver(engine.boltUri(), AuthTokens.none());
	}

	private static GraphNode node(String id) {
		return new GraphNode(id, List.of(GraphNode.ENTITY, "Actor", "State"),
				Map.of("id", id, "name", id, "kind", "Actor", "subtype", "State", "aliases", List.of(id, "alias")));
	}

	private static GraphEdge edge(String from, String to) {
		return new GraphEdge(from, RelationshipType.MEMBER_OF, to, Map.of("validFrom", LocalDate.of(2025, 7, 14),
				"confidence", 0.5, "sources", List.of("src:none")));
	}

	private static IndexedGraph graph(List<GraphNode> nodes, List<GraphEdge> edges) {
		return new IndexedGraph() {
			@Override
			public int nodeCount() {
				return nodes.size();
			}

			@Override
			public GraphNode node(int index) {
				return nodes.get(index);
			}

			@Override
			public int edgeCount() {
				return edges.size();
			}

			@Override
			public GraphEdge edge(int index) {
				return edges.get(index);
			}
		};
	}

}
