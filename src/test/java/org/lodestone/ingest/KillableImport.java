package org.lodestone.ingest;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.lodestone.neo4j.EmbeddedNeo4j;
import org.lodestone.neo4j.EmbeddedNeo4jProperties;
import org.lodestone.neo4j.Neo4jSchema;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.slf4j.LoggerFactory;

import org.springframework.util.unit.DataSize;

/**
 * What {@link ImportKillIT} forks and kills: the embedded engine and the real {@link GraphImporter}, without Spring,
 * so one start costs a few seconds instead of the full application's ten and twenty kill points stay affordable. It
 * prints a marker line at every step of an import's life, and the test kills it at a seeded distance from one.
 * <p>
 * Arguments: the engine's directory, the Bolt port, the HTTP port and the dataset directory. The import starts on a
 * line on standard input.
 */
final class KillableImport {

	/**
	 * The engine is up and the schema applied; on a line on standard input the dataset is read, then the transaction
	 * opens. Waiting for the test lets it start the next process while it still checks the last one.
	 */
	static final String ENGINE_UP = "ENGINE-UP";

	/** Followed by {@code done/total}: a batch of rows was written inside the open transaction. */
	static final String ROWS = "ROWS ";

	/** The transaction committed; the same word the {@code import} command prints. */
	static final String COMMITTED = "Committed:";

	/** The engine was shut down cleanly after the commit (its checkpoint is done). */
	static final String CLOSED = "CLOSED";

	private KillableImport() {
	}

	public static void main(String[] args) throws Exception {
		// Without Spring, Logback would print everything at DEBUG; the markers must stand out and cost nothing.
		((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME))
			.setLevel(ch.qos.logback.classic.Level.WARN);
		Path store = Path.of(args[0]);
		EmbeddedNeo4jProperties properties = new EmbeddedNeo4jProperties(true, store, "127.0.0.1",
				Integer.parseInt(args[1]), Integer.parseInt(args[2]), "", "64m", Duration.ofSeconds(60), "512m");
		EmbeddedNeo4j engine = new EmbeddedNeo4j(properties).start();
		Driver driver = GraphDatabase.driver(engine.boltUri(), AuthTokens.none());
		try (var session = driver.session()) {
			Neo4jSchema.statements().forEach(statement -> session.run(statement).consume());
		}
		GraphImporter importer = new GraphImporter(driver, Duration.ofMinutes(5), DataSize.ofMegabytes(64));
		marker(ENGINE_UP);
		if (new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine() == null) {
			// The test ended without using this process: nothing to import, and the engine's threads must not
			// keep the JVM alive.
			driver.close();
			engine.close();
			System.exit(0);
		}
		Dataset dataset = importer.read(DatasetFile.fromDirectory(Path.of(args[3])));
		ImportReport report = importer.importDataset(dataset, (done, total) -> marker(ROWS + done + "/" + total));
		marker(COMMITTED + " " + report);
		// The committed transaction is in the log but not yet checkpointed into the store files for a moment, and
		// then the checkpoint of a clean shutdown runs: kills after the commit land in either.
		Thread.sleep(1_000);
		driver.close();
		engine.close();
		marker(CLOSED);
		// Stays alive, so that every kill point is a real SIGKILL of a running JVM; the test always kills it.
		Thread.sleep(TimeUnit.MINUTES.toMillis(2));
		System.exit(0);
	}

	private static void marker(String line) {
		System.out.println(line);
		System.out.flush();
	}

}
