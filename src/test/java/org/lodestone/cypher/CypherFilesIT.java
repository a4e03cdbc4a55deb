package org.lodestone.cypher;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.lodestone.IntegrationTest;
import org.lodestone.ingest.DatasetGraph;
import org.lodestone.neo4j.CypherScript;
import org.lodestone.neo4j.EmbeddedNeo4j;
import org.lodestone.neo4j.EmbeddedNeo4jProperties;
import org.lodestone.support.BundledData;
import org.lodestone.support.FreePorts;
import org.lodestone.support.StoredGraph;
import org.lodestone.support.TestStores;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.Session;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs every {@code .cypher} file under {@code cypher/} against the engine holding the bundled data.
 */
class CypherFilesIT extends IntegrationTest {

	private static final Pattern PARAM = Pattern.compile("^// :param (\\w+) => (.+);\\s*$", Pattern.MULTILINE);

	@Autowired
	Driver driver;

	@TestFactory
	Stream<DynamicTest> everyAnalystQueryReturnsRowsOnTheBundledData() throws IOException {
		List<Path> files = cypherFiles(Path.of("cypher", "queries"));
		assertThat(files).hasSizeGreaterThanOrEqualTo(5);
		return files.stream().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
			String text = Files.readString(file, StandardCharsets.UTF_8);
			assertThat(text).as("starts with a comment saying what it answers").startsWith("// ");
			assertThat(text).as("names its parameters").contains("// Parameters:");
			Map<String, Object> parameters = parameters(text);
			List<String> statements = CypherScript.statements(text);
			assertThat(statements).hasSize(1);
			var rows = this.driver.executableQuery(statements.get(0)).withParameters(parameters).execute().records();
			assertThat(rows).as(file + " returns rows").isNotEmpty();
		}));
	}

	@Test
	void schemaFilesRunAgainWithoutChange() throws IOException {
		for (Path file : cypherFiles(Path.of("cypher", "schema"))) {
			try (Session session = this.driver.session()) {
				for (String statement : CypherScript.statements(Files.readString(file))) {
					var summary = session.run(statement).consume();
					assertThat(summary.counters().containsSystemUpdates() || summary.counters().containsUpdates())
						.as(statement).isFalse();
				}
			}
		}
	}

	// Replays the whole script twice on an engine of its own: over a minute alone, so left out of -Pfast (README).
	@Tag("slow")
	@Test
	void seedScriptBuildsTheSameGraphAsTheImporterAndIsIdempotent() throws IOException {
		List<String> statements = CypherScript.statements(Files.readString(Path.of("cypher", "seed.cypher")));
		StoredGraph expected = StoredGraph.of(new DatasetGraph(BundledData.dataset()));
		EmbeddedNeo4jProperties properties = new EmbeddedNeo4jProperties(true, TestStores.create("seed"), "127.0.0.1",
				FreePorts.next(), FreePorts.next(), "", "32m", java.time.Duration.ofSeconds(60), "512m");
		try (EmbeddedNeo4j engine = new EmbeddedNeo4j(properties).start();
				Driver fresh = GraphDatabase.driver(engine.boltUri(), AuthTokens.none())) {
			runAll(fresh, statements);
			assertThat(StoredGraph.read(fresh)).isEqualTo(expected);
			runAll(fresh, statements);
			assertThat(StoredGraph.read(fresh)).isEqualTo(expected);
		}
	}

	private static void runAll(Driver driver, List<String> statements) {
		try (Session session = driver.session()) {
			for (String statement : statements) {
				session.run(statement).consume();
			}
		}
	}

	private Map<String, Object> parameters(String text) {
		Map<String, Object> parameters = new LinkedHashMap<>();
		Matcher matcher = PARAM.matcher(text);
		while (matcher.find()) {
			Object value = this.driver.executableQuery("RETURN " + matcher.group(2) + " AS value").execute().records()
				.get(0).get("value").asObject();
			parameters.put(matcher.group(1), value);
		}
		return parameters;
	}

	private static List<Path> cypherFiles(Path directory) throws IOException {
		try (Stream<Path> files = Files.list(directory)) {
			return files.filter(file -> file.toString().endsWith(".cypher")).sorted().toList();
		}
	}

}
