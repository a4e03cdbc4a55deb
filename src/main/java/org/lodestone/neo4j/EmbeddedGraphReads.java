package org.lodestone.neo4j;

import java.lang.reflect.Array;
import java.time.Duration;
import java.time.temporal.TemporalAmount;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.graphdb.DatabaseShutdownException;
import org.neo4j.graphdb.ExecutionPlanDescription;
import org.neo4j.graphdb.Node;
import org.neo4j.graphdb.Relationship;
import org.neo4j.graphdb.spatial.Point;
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

	private final Duration timeout;

	EmbeddedGraphReads(EmbeddedNeo4j engine) {
		this(engine, DEFAULT_TIMEOUT);
	}

	EmbeddedGraphReads(EmbeddedNeo4j engine, Duration timeout) {
		this(engine.managementService().database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME), timeout);
	}

	// A replica of the graph as recorded at a change (ReplicaStore) is read through the same code as the live engine.
	EmbeddedGraphReads(GraphDatabaseService database, Duration timeout) {
		this.database = database;
		this.timeout = timeout;
	}

	@Override
	public Duration timeout() {
		return this.timeout;
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

	@Override
	public UserQuery userQuery(String cypher, Map<String, Object> parameters, Duration timeout, String application) {
		return new EmbeddedUserQuery(cypher, parameters, timeout, application);
	}

	/** The transaction begins lazily, on the thread that plans or runs, so a watchdog can stop that thread's work. */
	private final class EmbeddedUserQuery implements UserQuery {

		private final String cypher;

		private final Map<String, Object> parameters;

		private final Duration timeout;

		private final String application;

		private volatile Transaction tx;

		private volatile boolean terminated;

		EmbeddedUserQuery(String cypher, Map<String, Object> parameters, Duration timeout, String application) {
			this.cypher = cypher;
			this.parameters = parameters;
			this.timeout = timeout;
			this.application = application;
		}

		private Transaction tx() {
			if (this.tx == null) {
				this.tx = begin(this.timeout, this.application);
				if (this.terminated) {
					this.tx.terminate();
				}
			}
			return this.tx;
		}

		@Override
		public UserQueryPlan plan() {
			try (Result result = tx().execute("EXPLAIN " + this.cypher, this.parameters)) {
				return new UserQueryPlan(result.getQueryExecutionType().queryType().name(),
						hasOperator(result.getExecutionPlanDescription(), "LoadCSV"));
			}
			catch (RuntimeException ex) {
				throw translated(ex);
			}
		}

		@Override
		public UserQueryResult run(int maxRows) {
			try (Result result = tx().execute(this.cypher, this.parameters)) {
				List<String> columns = result.columns();
				List<List<Object>> rows = new ArrayList<>();
				while (result.hasNext()) {
					if (rows.size() == maxRows) {
						return new UserQueryResult(columns, rows, true);
					}
					Map<String, Object> record = result.next();
					List<Object> row = new ArrayList<>(columns.size());
					columns.forEach(column -> row.add(neutral(record.get(column))));
					rows.add(row);
				}
				return new UserQueryResult(columns, rows, false);
			}
			catch (RuntimeException ex) {
				throw translated(ex);
			}
		}

		@Override
		public void terminate() {
			this.terminated = true;
			Transaction current = this.tx;
			if (current != null) {
				current.terminate();
			}
		}

		@Override
		public void close() {
			if (this.tx != null) {
				this.tx.close();
			}
		}

	}

	private static boolean hasOperator(ExecutionPlanDescription plan, String prefix) {
		return plan.getName().startsWith(prefix)
				|| plan.getChildren().stream().anyMatch(child -> hasOperator(child, prefix));
	}

	/** The engine's own types become the neutral shapes {@link UserQuery} describes, inside the transaction. */
	private static Object neutral(Object value) {
		if (value instanceof Node node) {
			List<String> labels = new ArrayList<>();
			node.getLabels().forEach(label -> labels.add(label.name()));
			Map<String, Object> json = new LinkedHashMap<>();
			json.put("id", node.getProperty("id", null));
			json.put("labels", labels);
			json.put("properties", neutral(node.getAllProperties()));
			return json;
		}
		if (value instanceof Relationship relationship) {
			Map<String, Object> json = new LinkedHashMap<>();
			json.put("type", relationship.getType().name());
			json.put("from", relationship.getStartNode().getProperty("id", null));
			json.put("to", relationship.getEndNode().getProperty("id", null));
			json.put("properties", neutral(relationship.getAllProperties()));
			return json;
		}
		if (value instanceof org.neo4j.graphdb.Path path) {
			List<Object> nodes = new ArrayList<>();
			path.nodes().forEach(node -> nodes.add(neutral(node)));
			List<Object> relationships = new ArrayList<>();
			path.relationships().forEach(relationship -> relationships.add(neutral(relationship)));
			return Map.of("nodes", nodes, "relationships", relationships);
		}
		if (value instanceof Point point) {
			Map<String, Object> json = new LinkedHashMap<>();
			json.put("srid", point.getCRS().getCode());
			double[] coordinate = point.getCoordinate().getCoordinate();
			String[] axes = { "x", "y", "z" };
			for (int i = 0; i < coordinate.length && i < axes.length; i++) {
				json.put(axes[i], coordinate[i]);
			}
			return json;
		}
		if (value instanceof TemporalAmount duration) {
			return duration.toString();
		}
		if (value instanceof Map<?, ?> map) {
			Map<String, Object> copy = new LinkedHashMap<>();
			map.forEach((key, item) -> copy.put(String.valueOf(key), neutral(item)));
			return copy;
		}
		if (value instanceof Iterable<?> list) {
			List<Object> copy = new ArrayList<>();
			list.forEach(item -> copy.add(neutral(item)));
			return copy;
		}
		if (value != null && value.getClass().isArray()) {
			int length = Array.getLength(value);
			List<Object> copy = new ArrayList<>(length);
			for (int i = 0; i < length; i++) {
				copy.add(neutral(Array.get(value, i)));
			}
			return copy;
		}
		return value;
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
