package org.lodestone.neo4j;

import java.time.Duration;
import java.util.Map;
import java.util.function.Consumer;

import org.neo4j.driver.Driver;

/**
 * Runs one read-only statement with a timeout and hands back its only row as plain Java values: strings, numbers,
 * booleans, {@code java.time} values, lists and maps, the same whichever engine answers. Statements project what they
 * need instead of returning nodes, relationships or paths, whose Java types differ between the driver and the engine.
 * <p>
 * With the embedded engine the statement runs in-process, without a Bolt round trip; with an external server it goes
 * through the driver. Large reads, such as exports, stream rows from one read transaction ({@link #open}).
 */
public interface GraphReads {

	/**
	 * @param cypher a statement that returns exactly one row
	 * @param parameters its parameters
	 * @param timeout how long it may run
	 * @param application who runs it, as transaction metadata ({@code SHOW TRANSACTIONS} lists it)
	 * @return the row, by column
	 * @throws org.lodestone.web.QueryTimeoutException when it ran out of time or memory
	 */
	Map<String, Object> single(String cypher, Map<String, Object> parameters, Duration timeout, String application);

	/**
	 * Opens a read-only transaction whose statements hand their rows over one at a time, as the engine produces them,
	 * so that a read of the whole graph never holds more than a row (the driver: a fetch batch).
	 * @param timeout how long the transaction may run
	 * @param application who runs it, as transaction metadata
	 * @return the open transaction; the caller closes it
	 */
	ReadTransaction open(Duration timeout, String application);

	/**
	 * @param engine the embedded engine
	 * @return reads that run in-process on it
	 */
	static GraphReads inProcess(EmbeddedNeo4j engine) {
		return new EmbeddedGraphReads(engine);
	}

	/**
	 * @param driver a driver to any Neo4j
	 * @return reads through the driver
	 */
	static GraphReads overBolt(Driver driver) {
		return new DriverGraphReads(driver);
	}

	/**
	 * A read-only transaction, for statements that return many rows. Rows are plain Java values, as
	 * {@link GraphReads#single} gives them.
	 */
	interface ReadTransaction extends AutoCloseable {

		/**
		 * @param cypher the statement
		 * @param parameters its parameters
		 * @param visitor called with each row, by column, before the next is read
		 * @throws org.lodestone.web.QueryTimeoutException when the transaction ran out of time or memory
		 */
		void stream(String cypher, Map<String, Object> parameters, Consumer<Map<String, Object>> visitor);

		/** Rolls back: nothing was written. */
		@Override
		void close();

	}

}
