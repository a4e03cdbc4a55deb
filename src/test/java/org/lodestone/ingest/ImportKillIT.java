package org.lodestone.ingest;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.lodestone.LodestoneApplication;
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
 * Kills the {@code import} command with SIGKILL while it writes a large dataset, then opens the store: the graph from
 * before the import must be there, whole, with nothing of the killed import.
 */
class ImportKillIT {

	private static final int SYNTHETIC_ENTITIES = 60_000;

	private static final int SYNTHETIC_RELATIONSHIPS = 240_000;

	@Test
	void killingAnImportMidwayLeavesThePreviousGraphIntact() throws Exception {
		Path store = TestStores.create("kill");
		int bolt = FreePorts.next();
		int http = FreePorts.next();

		Process first = importCommand(store, bolt, http, BundledData.DIRECTORY, store.resolveSibling(store.getFileName() + "-first.log"));
		assertThat(first.waitFor(120, TimeUnit.SECONDS)).isTrue();
		assertThat(first.exitValue()).isZero();
		StoredGraph before = read(store, bolt, http);
		assertThat(before.nodesById()).containsKey("product:nvidia-h20");

		Path big = synthetic(store.resolveSibling(store.getFileName() + "-big"));
		Path log = store.resolveSibling(store.getFileName() + "-killed.log");
		Process killed = importCommand(store, bolt, http, big, log);
		try {
			awaitProgress(log, killed, Duration.ofSeconds(120));
			killed.destroyForcibly();
			assertThat(killed.waitFor(30, TimeUnit.SECONDS)).isTrue();
		}
		finally {
			killed.destroyForcibly();
		}
		assertThat(Files.readString(log)).as("killed before the commit").doesNotContain("Committed:");

		StoredGraph after = read(store, bolt, http);
		assertThat(after).isEqualTo(before);
		assertThat(after.nodesById().keySet()).noneMatch(id -> id.startsWith("company:synthetic-"));
	}

	private static Process importCommand(Path store, int bolt, int http, Path data, Path log) throws IOException {
		Path java = Path.of(System.getProperty("java.home"), "bin", "java");
		return new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
				LodestoneApplication.class.getName(), "import", data.toString(), "--lodestone.neo4j.directory=" + store,
				"--lodestone.neo4j.bolt-port=" + bolt, "--lodestone.neo4j.http-port=" + http)
			.redirectErrorStream(true)
			.redirectOutput(log.toFile())
			.start();
	}

	// The progress bar shows rows written inside the open transaction; past 20,000 of 300,001 the import is midway.
	private static void awaitProgress(Path log, Process process, Duration timeout) throws Exception {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (System.nanoTime() < deadline && process.isAlive()) {
			if (writtenRows(Files.readString(log)) >= 20_000) {
				return;
			}
			Thread.sleep(100);
		}
		throw new AssertionError("The import never reported progress:\n" + Files.readString(log));
	}

	private static long writtenRows(String output) {
		var matcher = java.util.regex.Pattern.compile("(\\d+)/\\d+ rows").matcher(output);
		long rows = 0;
		while (matcher.find()) {
			rows = Math.max(rows, Long.parseLong(matcher.group(1)));
		}
		return rows;
	}

	private static StoredGraph read(Path store, int bolt, int http) {
		EmbeddedNeo4jProperties properties = new EmbeddedNeo4jProperties(true, store, "127.0.0.1", bolt, http, "",
				"64m", Duration.ofSeconds(60), "512m");
		try (EmbeddedNeo4j engine = new EmbeddedNeo4j(properties).start();
				Driver driver = GraphDatabase.driver(engine.boltUri(), AuthTokens.none())) {
			return StoredGraph.read(driver);
		}
	}

	private static Path synthetic(Path directory) throws IOException {
		Files.createDirectories(directory);
		Files.writeString(directory.resolve("sources.csv"), """
				id,publisher,title,date,url,type
				src:synthetic-2025-01-01-kill-test,Lodestone test suite,Synthetic data for the kill test,2025-01-01,https://example.org/synthetic,data
				""");
		try (BufferedWriter out = Files.newBufferedWriter(directory.resolve("entities.csv"))) {
			out.write("id,subtype,name\n");
			for (int i = 0; i < SYNTHETIC_ENTITIES; i++) {
				out.write("company:synthetic-" + i + ",Company,Synthetic " + i + "\n");
			}
		}
		try (BufferedWriter out = Files.newBufferedWriter(directory.resolve("relationships.csv"))) {
			out.write("from,to,type,validFrom,confidence,sources\n");
			for (int i = 0; i < SYNTHETIC_RELATIONSHIPS; i++) {
				int from = i % SYNTHETIC_ENTITIES;
				int to = (from + 1 + i / SYNTHETIC_ENTITIES) % SYNTHETIC_ENTITIES;
				out.write("company:synthetic-" + from + ",company:synthetic-" + to
						+ ",MEMBER_OF,2025-01-01,0.5,src:synthetic-2025-01-01-kill-test\n");
			}
		}
		return directory;
	}

}
