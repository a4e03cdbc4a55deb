package org.lodestone.neo4j;

import java.time.Duration;
import java.util.List;
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

	/** The timeout of reads that name none, when no {@code lodestone.query.timeout} is configured. */
	Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);

	/**
	 * @return the configured timeout ({@code lodestone.query.timeout}) of the reads that name none: the one timeout
	 * every feature's reads share
	 */
	Duration timeout();

	/**
	 * {@link #single(String, Map, Duration, String)} with the configured timeout.
	 * @param cypher a statement that returns exactly one row
	 * @param parameters its parameters
	 * @param application who runs it, as transaction metadata
	 * @return the row, by column
	 */
	default Map<String, Object> single(String cypher, Map<String, Object> parameters, String application) {
		return single(cypher, parameters, timeout(), application);
	}

	/**
	 * {@link #list(String, Map, Duration, String)} with the configured timeout.
	 * @param cypher a statement whose rows fit in memory
	 * @param parameters its parameters
	 * @param application who runs it, as transaction metadata
	 * @return every row, by column
	 */
	default List<Map<String, Object>> list(String cypher, Map<String, Object> parameters, String application) {
		return list(cypher, parameters, timeout(), application);
	}

	/**
	 * @param cypher a statement that returns exactly one row
	 * @param parameters its parameters
	 * @param timeout how long it may run
	 * @param application who runs it, as transaction metadata ({@code SHOW TRANSACTIONS} lists it)
	 * @return the row, by column
	 * @throws QueryTimeoutException when it ran out of time or memory
	 */
	Map<String, Object> single(String cypher, Map<String, Object> parameters, Duration timeout, String application);

	/**
	 * @param cypher a statement whose rows fit in memory (a capped search, a ledger, a page)
	 * @param parameters its parameters
	 * @param timeout how long it may run
	 * @param application who runs it, as transaction metadata
	 * @return every row, by column, as plain values like {@link #single} gives them
	 * @throws QueryTimeoutException when it ran out of time or memory
	 */
	default List<Map<String, Object>> list(String cypher, Map<String, Object> parameters, Duration timeout,
			String application) {
		List<Map<String, Object>> rows = new java.util.ArrayList<>();
		try (ReadTransaction tx = open(timeout, application)) {
			tx.stream(cypher, parameters, rows::add);
		}
		return rows;
	}

	/**
	 * Opens a read-only transaction whose statements hand their rows over one at a time, as the engine produces them,
	 * so that a read of the whole graph never holds more than a row (the driver: a fetch batch).
	 * @param timeout how long the transaction may run
	 * @param application who runs it, as transaction metadata
	 * @return the open transaction; the caller closes it
	 */
	ReadTransaction open(Duration timeout, String application);

	/**
	 * Prepares a power user's query (from {@code /api/cypher}) in a read-only transaction. Nothing runs until
	 * {@link UserQuery#plan} or {@link UserQuery#run} is called, on the thread that will wait for it; another thread may
	 * {@link UserQuery#terminate} it.
	 * @param cypher the query, already allowed by the caller's own checks
	 * @param parameters its parameters
	 * @param timeout how long the transaction may run
	 * @param application who runs it, as transaction metadata
	 * @return the query, to plan, run and close
	 */
	UserQuery userQuery(String cypher, Map<String, Object> parameters, Duration timeout, String application);

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
	 * A user's query in its read-only transaction. Values come back neutral, the same from either engine: a node as
	 * {@code {id, labels, properties}}, a relationship as {@code {type, from, to, properties}} (ends by their
	 * {@code id} property, never Neo4j's internal ids), a path as {@code {nodes, relationships}}, a duration as its
	 * ISO 8601 text, a point as {@code {srid, x, y[, z]}}.
	 */
	interface UserQuery extends AutoCloseable {

		/**
		 * Plans the query without running it ({@code EXPLAIN}), inside the transaction and its timeout.
		 * @return how the engine classifies the plan
		 */
		UserQueryPlan plan();

		/**
		 * Runs the query and reads at most {@code maxRows} rows.
		 * @param maxRows the most rows to read
		 * @return the columns and rows, and whether more rows were left unread
		 * @throws QueryTimeoutException when it ran out of time or memory
		 */
		UserQueryResult run(int maxRows);

		/**
		 * Asks the engine to stop the transaction; callable from any thread. The engine notices between rows.
		 */
		void terminate();

		/** Rolls back: nothing was written. */
		@Override
		void close();

	}

	/**
	 * @param type the engine's classification: {@code READ_ONLY}, {@code READ_WRITE}, {@code WRITE},
	 * {@code SCHEMA_WRITE} or {@code DBMS}
	 * @param loadsFiles whether the plan has a {@code LoadCSV} operator
	 */
	record UserQueryPlan(String type, boolean loadsFiles) {
	}

	/**
	 * @param columns the column names
	 * @param rows the rows read, values as {@link UserQuery} describes
	 * @param truncated whether rows were left unread
	 */
	record UserQueryResult(List<String> columns, List<List<Object>> rows, boolean truncated) {
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
		 * @throws QueryTimeoutException when the transaction ran out of time or memory
		 */
		void stream(String cypher, Map<String, Object> parameters, Consumer<Map<String, Object>> visitor);

		/** Rolls back: nothing was written. */
		@Override
		void close();

	}

}
