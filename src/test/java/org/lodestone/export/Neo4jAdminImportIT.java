package org.lodestone.export;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.lodestone.ingest.DatasetGraph;
import org.lodestone.neo4j.EmbeddedNeo4j;
import org.lodestone.neo4j.EmbeddedNeo4jProperties;
import org.lodestone.support.BundledData;
import org.lodestone.support.FreePorts;
import org.lodestone.support.StoredGraph;
import org.lodestone.support.TestStores;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The neo4j-admin CSV export loads with the real {@code neo4j-admin database import full}: the tool's entry point
 * ({@code org.neo4j.cli.AdminTool}, in {@code org.neo4j:neo4j-command-line} and {@code neo4j-import-tool}, both
 * already on the classpath through {@code org.neo4j:neo4j}) runs in a child JVM against a fresh Neo4j home, exactly
 * as the {@code neo4j-admin} script runs it. The store it builds is then opened with the embedded engine and must hold
 * exactly the exported graph.
 */
// Runs neo4j-admin in a forked JVM: a durability test, left out of -Pfast (README).
@Tag("durability")
class Neo4jAdminImportIT {

	@Test
	void theCsvExportLoadsWithNeo4jAdminIntoTheSameGraph() throws Exception {
		DatasetGraph graph = new DatasetGraph(BundledData.dataset());
		Path home = TestStores.create("neo4j-admin");
		Path importDir = Files.createDirectories(home.resolve("import"));
		unzip(ExportFormatsTests.csv(graph), importDir);
		Files.createDirectories(home.resolve("conf"));
		Files.writeString(home.resolve("conf").resolve("neo4j.conf"), "");

		List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-cp", System.getProperty("java.class.path"), "org.neo4j.cli.AdminTool", "database", "import", "full",
				"--nodes=" + importDir.resolve(Neo4jAdminCsvExporter.NODES),
				"--relationships=" + importDir.resolve(Neo4jAdminCsvExporter.RELATIONSHIPS),
				"--array-delimiter=" + Neo4jAdminCsvExporter.ARRAY_DELIMITER, "--multiline-fields=true",
				// The tool writes its report to the working directory otherwise, which is the checkout.
				"--report-file=" + home.resolve("import.report"), "neo4j"));
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
		builder.environment().put("NEO4J_HOME", home.toString());
		builder.environment().put("NEO4J_CONF", home.resolve("conf").toString());
		Process process = builder.start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(process.waitFor(5, TimeUnit.MINUTES)).isTrue();
		assertThat(process.exitValue()).as(output).isZero();
		assertThat(output).contains("IMPORT DONE");

		EmbeddedNeo4jProperties properties = new EmbeddedNeo4jProperties(true, home, "127.0.0.1", FreePorts.next(),
				FreePorts.next(), "", "64m", Duration.ofSeconds(60), "512m");
		try (EmbeddedNeo4j engine = new EmbeddedNeo4j(properties).start();
				Driver driver = GraphDatabase.driver(engine.boltUri(), AuthTokens.none())) {
			assertThat(StoredGraph.read(driver)).isEqualTo(StoredGraph.of(graph));
		}
	}

	private static void unzip(byte[] zip, Path directory) throws IOException {
		try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
			for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
				Files.write(directory.resolve(entry.getName()), in.readAllBytes());
			}
		}
	}

}
