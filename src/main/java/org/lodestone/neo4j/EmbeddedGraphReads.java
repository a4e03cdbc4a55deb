package org.lodestone.neo4j;

import java.lang.reflect.Array;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.lodestone.web.QueryTimeoutException;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.graphdb.DatabaseShutdownException;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.graphdb.Result;
import org.neo4j.graphdb.Transaction;
import org.neo4j.kernel.api.exceptions.Status;
import org.neo4j.kernel.impl.coreapi.InternalTransaction;

/**
 * Reads in-process on the embedded engine: the statement runs on the calling thread, with no Bolt encoding, socket
 * or driver threads between the application and the engine (docs/benchmarks.md measures what that saves).
 */
final class EmbeddedGraphReads implements GraphReads {

	private final GraphDatabaseService database;

	EmbeddedGraphReads(EmbeddedNeo4j engine) {
		this.database = engine.managementService().database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
	}

	@Override
	public Map<String, Object> single(String cypher, Map<String, Object> parameters, Duration timeout,
			String application) {
		try (Transaction tx = begin(timeout, application)) {
			Map<String, Object> row;
			try (Result result = tx.execute(cypher, parameters)) {
				if (!result.hasNext()) {
					throw new IllegalStateException("The statement returned no row: " + cypher);
				}
				row = plain(result.next());
				if (result.hasNext()) {
					throw new IllegalStateException("The statement returned more than one row: " + cypher);
				}
			}
			tx.commit();
			return row;
		}
		catch (RuntimeException ex) {
			throw translated(ex);
		}
	}

	@Override
	public ReadTransaction open(Duration timeout, String application) {
		try {
			return new EmbeddedReadTransaction(begin(timeout, application));
		}
		catch (RuntimeException ex) {
			throw translated(ex);
		}
	}

	private record EmbeddedReadTransaction(Transaction tx) implements ReadTransaction {

		@Override
		public void stream(String cypher, Map<String, Object> parameters, Consumer<Map<String, Object>> visitor) {
			try (Result result = this.tx.execute(cypher, parameters)) {
				while (result.hasNext()) {
					visitor.accept(plain(result.next()));
				}
			}
			catch (RuntimeException ex) {
				throw translated(ex);
			}
		}

		@Override
		public void close() {
			this.tx.close();
		}

	}

	private Transaction begin(Duration timeout, String application) {
		Transaction tx = this.database.beginTx(timeout.toMillis(), TimeUnit.MILLISECONDS);
		if (tx instanceof InternalTransaction internal) {
			internal.setMetaData(Map.of("app", application));
		}
		return tx;
	}

	private static RuntimeException translated(RuntimeException ex) {
		if (ex instanceof DatabaseShutdownException) {
			return new GraphUnavailableException(ex);
		}
		Status status = Status.statusCodeOf(ex);
		if (status != null && (status.code().classification() == Status.Classification.TransientError
				|| status == Status.Transaction.TransactionTimedOut
				|| status == Status.Transaction.TransactionTimedOutClientConfiguration
				|| status == Status.Transaction.Terminated)) {
			// Out of time, out of memory or terminated by an operator: the same answer the driver path gives.
			return new QueryTimeoutException();
		}
		return ex;
	}

	// The engine hands stored arrays (a relationship's sources) back as Java arrays; the driver gives lists.
	@SuppressWarnings("unchecked")
	private static <T> T plain(T value) {
		if (value instanceof Map<?, ?> map) {
			Map<String, Object> copy = new LinkedHashMap<>();
			map.forEach((key, item) -> copy.put((String) key, plain(item)));
			return (T) copy;
		}
		if (value instanceof List<?> list) {
			List<Object> copy = new ArrayList<>(list.size());
			list.forEach(item -> copy.add(plain(item)));
			return (T) copy;
		}
		if (value != null && value.getClass().isArray()) {
			int length = Array.getLength(value);
			List<Object> copy = new ArrayList<>(length);
			for (int i = 0; i < length; i++) {
				copy.add(Array.get(value, i));
			}
			return (T) copy;
		}
		return value;
	}

}
