package org.lodestone.bench;

import java.nio.file.Path;
import java.time.Duration;

import org.lodestone.neo4j.EmbeddedNeo4j;
import org.lodestone.neo4j.EmbeddedNeo4jProperties;
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
		// The defaults of EmbeddedNeo4jProperties, except a transaction timeout long enough for the large imports.
		EmbeddedNeo4jProperties properties = new EmbeddedNeo4jProperties(true, store, "127.0.0.1", FreePorts.next(),
				FreePorts.next(), "", "256m", Duration.ofMinutes(30), "512m");
		EmbeddedNeo4j engine = new EmbeddedNeo4j(properties).start();
		Driver driver = GraphDatabase.driver(engine.boltUri(), AuthTokens.none());
		try (Session session = driver.session()) {
			for (String statement : Neo4jSchema.statements()) {
				session.run(statement).consume();
			}
			session.run("CALL db.awaitIndexes(300)").consume();
		}
		return new BenchEngine(engine, driver);
	}

	public Driver driver() {
		return this.driver;
	}

	public EmbeddedNeo4j engine() {
		return this.engine;
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
