package org.lodestone.neo4j;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.neo4j.driver.AccessMode;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Result;
import org.neo4j.driver.Session;
import org.neo4j.driver.SessionConfig;
import org.neo4j.driver.Transaction;
import org.neo4j.driver.TransactionConfig;
import org.neo4j.driver.exceptions.ClientException;
import org.neo4j.driver.exceptions.TransientException;
import org.neo4j.driver.summary.Plan;
import org.neo4j.driver.summary.ResultSummary;
import org.neo4j.driver.types.IsoDuration;
import org.neo4j.driver.types.Node;
import org.neo4j.driver.types.Path;
import org.neo4j.driver.types.Point;
import org.neo4j.driver.types.Relationship;

/**
 * Reads through the driver: one auto-commit statement in a read session, since an explicit transaction would cost two
 * more round trips for the same reads; streamed reads share an explicit read transaction. Timeouts become
 * {@link QueryTimeoutException}; an unreachable server stays the driver's exception, which the web layer maps.
 */
final class DriverGraphReads implements GraphReads {

	private final Driver driver;

	private final Duration timeout;

	DriverGraphReads(Driver driver) {
		this(driver, DEFAULT_TIMEOUT);
	}

	DriverGraphReads(Driver driver, Duration timeout) {
		this.driver = driver;
		this.timeout = timeout;
	}

	@Override
	public Duration timeout() {
		return this.timeout;
	}

	@Override
	public Map<String, Object> single(String cypher, Map<String, Object> parameters, Duration timeout,
			String application) {
		try (Session session = this.driver.session(SessionConfig.builder().withDefaultAccessMode(AccessMode.READ).build())) {
			return session.run(cypher, parameters, config(timeout, application)).single().asMap();
		}
		catch (RuntimeException ex) {
			throw translated(ex);
		}
	}

	@Override
	public ReadTransaction open(Duration timeout, String application) {
		Session session = this.driver.session(SessionConfig.builder().withDefaultAccessMode(AccessMode.READ).build());
		try {
			Transaction transaction = session.beginTransaction(config(timeout, application));
			return new DriverReadTransaction(session, transaction);
		}
		catch (RuntimeException ex) {
			session.close();
			throw translated(ex);
		}
	}

	@Override
	public UserQuery userQuery(String cypher, Map<String, Object> parameters, Duration timeout, String application) {
		return new DriverUserQuery(cypher, parameters, config(timeout, application));
	}

	/**
	 * The driver's session is not safe to close from another thread, so {@link #terminate} only marks the query: the
	 * server's own transaction timeout ends the work, and the caller's watchdog stops waiting for it.
	 */
	private final class DriverUserQuery implements UserQuery {

		private final String cypher;

		private final Map<String, Object> parameters;

		private final TransactionConfig config;

		private Session session;

		private volatile boolean terminated;

		DriverUserQuery(String cypher, Map<String, Object> parameters, TransactionConfig config) {
			this.cypher = cypher;
			this.parameters = parameters;
			this.config = config;
		}

		private Session session() {
			if (this.session == null) {
				this.session = DriverGraphReads.this.driver
					.session(SessionConfig.builder().withDefaultAccessMode(AccessMode.READ).build());
			}
			return this.session;
		}

		@Override
		public UserQueryPlan plan() {
			try {
				ResultSummary summary = session().run("EXPLAIN " + this.cypher, this.parameters, this.config).consume();
				return new UserQueryPlan(summary.queryType().name(),
						summary.hasPlan() && hasOperator(summary.plan(), "LoadCSV"));
			}
			catch (RuntimeException ex) {
				throw translated(ex);
			}
		}

		@Override
		public UserQueryResult run(int maxRows) {
			if (this.terminated) {
				throw new QueryTimeoutException();
			}
			try (Transaction tx = session().beginTransaction(this.config)) {
				Result result = tx.run(this.cypher, this.parameters);
				List<String> columns = result.keys();
				List<List<Object>> rows = new ArrayList<>();
				while (result.hasNext()) {
					if (rows.size() == maxRows) {
						return new UserQueryResult(columns, rows, true);
					}
					List<Object> row = new ArrayList<>(columns.size());
					result.next().values().forEach(value -> row.add(neutral(value.asObject())));
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
		}

		@Override
		public void close() {
			if (this.session != null) {
				this.session.close();
			}
		}

	}

	private static boolean hasOperator(Plan plan, String prefix) {
		return plan.operatorType().startsWith(prefix)
				|| plan.children().stream().anyMatch(child -> hasOperator(child, prefix));
	}

	/** The driver's types become the neutral shapes {@link UserQuery} describes. */
	private static Object neutral(Object value) {
		if (value instanceof Node node) {
			List<String> labels = new ArrayList<>();
			node.labels().forEach(labels::add);
			Map<String, Object> json = new LinkedHashMap<>();
			json.put("id", node.get("id").asString(null));
			json.put("labels", labels);
			json.put("properties", neutral(node.asMap()));
			return json;
		}
		if (value instanceof Path path) {
			Map<String, String> ids = new HashMap<>();
			path.nodes().forEach(node -> ids.put(node.elementId(), node.get("id").asString(null)));
			List<Object> nodes = new ArrayList<>();
			path.nodes().forEach(node -> nodes.add(neutral(node)));
			List<Object> relationships = new ArrayList<>();
			path.relationships().forEach(relationship -> relationships.add(relationship(relationship,
					ids.get(relationship.startNodeElementId()), ids.get(relationship.endNodeElementId()))));
			return Map.of("nodes", nodes, "relationships", relationships);
		}
		if (value instanceof Relationship relationship) {
			// Outside a path the driver gives a relationship's ends only as element ids, which are not shown.
			return relationship(relationship, null, null);
		}
		if (value instanceof Point point) {
			Map<String, Object> json = new LinkedHashMap<>();
			json.put("srid", point.srid());
			json.put("x", point.x());
			json.put("y", point.y());
			if (!Double.isNaN(point.z())) {
				json.put("z", point.z());
			}
			return json;
		}
		if (value instanceof IsoDuration duration) {
			// The driver writes it in ISO 8601 (P14M16DT12.5S); as a bean it would become {"units": [...]}.
			return duration.toString();
		}
		if (value instanceof Map<?, ?> map) {
			Map<String, Object> copy = new LinkedHashMap<>();
			map.forEach((key, item) -> copy.put(String.valueOf(key), neutral(item)));
			return copy;
		}
		if (value instanceof List<?> list) {
			List<Object> copy = new ArrayList<>(list.size());
			list.forEach(item -> copy.add(neutral(item)));
			return copy;
		}
		return value;
	}

	private static Map<String, Object> relationship(Relationship relationship, String from, String to) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("type", relationship.type());
		json.put("from", from);
		json.put("to", to);
		json.put("properties", neutral(relationship.asMap()));
		return json;
	}

	private static TransactionConfig config(Duration timeout, String application) {
		return TransactionConfig.builder().withTimeout(timeout).withMetadata(Map.of("app", application)).build();
	}

	private static RuntimeException translated(RuntimeException ex) {
		if (ex instanceof TransientException) {
			// Out of memory for one query, or terminated: the same answer as a timeout.
			return new QueryTimeoutException();
		}
		return (ex instanceof ClientException client && QueryTimeoutException.timedOut(client))
				? new QueryTimeoutException() : ex;
	}

	private record DriverReadTransaction(Session session, Transaction transaction) implements ReadTransaction {

		@Override
		public void stream(String cypher, Map<String, Object> parameters, Consumer<Map<String, Object>> visitor) {
			try {
				Result result = this.transaction.run(cypher, parameters);
				while (result.hasNext()) {
					visitor.accept(result.next().asMap());
				}
			}
			catch (RuntimeException ex) {
				throw translated(ex);
			}
		}

		@Override
		public void close() {
			try {
				this.transaction.close();
			}
			finally {
				this.session.close();
			}
		}

	}

}
