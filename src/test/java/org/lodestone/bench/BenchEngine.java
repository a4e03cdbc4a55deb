package org.lodestone.bench;

import java.nio.file.Path;
import java.time.Duration;

import org.lodestone.neo4j.EmbeddedNeo4j;
import org.lodestone.neo4j.EmbeddedNeo4jProperties;
import org.lodestone.neo4j.GraphReads;
import org.lodestone.neo4j.Neo4jSchema;
import org.lodestone.support.FreePorts;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.Session;

/**
 * The embedded engine with Lodestone's default settings (page cache, transaction memory) on a given store, its schema
 * applied, and a driver to it: what the application runs on, without the web layer.
 */
public final class BenchEngine implements AutoCloseable {

	private final EmbeddedNeo4j engine;

	private final Driver driver;

	private BenchEngine(EmbeddedNeo4j engine, Driver driver) {
		this.engine = engine;
		this.driver = driver;
	}

	/**
	 * @param store the store directory; created when missing
	 * @return the started engine with the schema applied
	 */
	public static BenchEngine start(Path store) {
		return start(store, "512m");
	}

	/**
	 * An engine for imports: an import is one transaction, and the default 512 MB of transaction memory does not hold
	 * L's million relationships; the configuration table tells users importing that much to raise
	 * {@code lodestone.neo4j.transaction-memory}, and the benchmarks do the same.
	 * @param store the store directory; created when missing
	 * @return the started engine with the schema applied
	 */
	public static BenchEngine forImport(Path store) {
		return start(store, IMPORT_TRANSACTION_MEMORY);
	}

	/** The transaction memory of {@link #forImport}. */
	public static final String IMPORT_TRANSACTION_MEMORY = "4g";

	/**
	 * An engine as {@link #forImport} starts it, before the schema is applied: for a store loaded offline, whose
	 * indexes are built from the loaded data once the engine runs.
	 * @param store the store directory; created when missing
	 * @return the started engine, its schema not applied
	 */
	public static BenchEngine withoutSchema(Path store) {
		// The defaults of EmbeddedNeo4jProperties, except a transaction timeout long enough for the large imports.
		EmbeddedNeo4jProperties properties = new EmbeddedNeo4jProperties(true, store, "127.0.0.1", FreePorts.next(),
				FreePorts.next(), "", "256m", Duration.ofMinutes(30), IMPORT_TRANSACTION_MEMORY);
		return open(properties);
	}

	private static BenchEngine start(Path store, String transactionMemory) {
		EmbeddedNeo4jProperties properties = new EmbeddedNeo4jProperties(true, store, "127.0.0.1", FreePorts.next(),
				FreePorts.next(), "", "256m", Duration.ofMinutes(30), transactionMemory);
		BenchEngine engine = open(properties);
		engine.applySchema();
		return engine;
	}

	private static BenchEngine open(EmbeddedNeo4jProperties properties) {
		EmbeddedNeo4j engine = new EmbeddedNeo4j(properties).start();
		return new BenchEngine(engine, GraphDatabase.driver(engine.boltUri(), AuthTokens.none()));
	}

	/**
	 * Applies the application's schema, as it does at every start, and waits for the indexes to come online.
	 */
	public void applySchema() {
		try (Session session = this.driver.session()) {
			for (String statement : Neo4jSchema.statements()) {
				session.run(statement).consume();
			}
			session.run("CALL db.awaitIndexes(300)").consume();
		}
	}

	public Driver driver() {
		return this.driver;
	}

	public EmbeddedNeo4j engine() {
		return this.engine;
	}

	/**
	 * @return in-process reads, as the application makes them on its embedded engine
	 */
	public GraphReads reads() {
		return GraphReads.inProcess(this.engine);
	}

	/**
	 * @return how many nodes and relationships the store holds
	 */
	public GraphCounts counts() {
		return GraphCounts.of(this.driver);
	}

	@Override
	public void close() {
		this.driver.close();
		this.engine.close();
	}

}
