package org.lodestone.cypher;

import java.time.Duration;
import java.util.Map;
import java.util.Set;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.lodestone.neo4j.GraphReads;
import org.lodestone.neo4j.GraphReads.UserQueryPlan;
import org.lodestone.neo4j.QueryTimeoutException;
import org.neo4j.driver.exceptions.ClientException;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Service;

/**
 * Runs a power user's query after {@link CypherGuard} allowed it and found it within {@link QueryBounds}, and after
 * the engine's own plan of it confirms it is a read: a read-only transaction with a timeout and a row cap, never
 * retried, on {@link UserQueryRunner}'s bounded, watched pool. The plan check runs there too, under the same deadline:
 * planning a pathological query can take as long as running one.
 */
@Service
public class CypherQueryService implements DisposableBean, SmartLifecycle {

	// Stops before the web server's graceful shutdown (phase Integer.MAX_VALUE - 1024), which waits for requests in
	// flight: a runaway query's request would otherwise hold it for its whole timeout.
	private static final int PHASE = Integer.MAX_VALUE - 512;

	private static final Duration GRACE = Duration.ofSeconds(2);

	private volatile boolean running;

	private static final Log logger = LogFactory.getLog(CypherQueryService.class);

	// DBMS is what the engine calls a read-only procedure of the dbms namespace (dbms.components); the guard has
	// already refused every procedure that is not on its allow-list, all of which only read.
	private static final Set<String> READ_TYPES = Set.of("READ_ONLY", "DBMS");

	private final GraphReads reads;

	private final Duration timeout;

	private final int maxRows;

	private final QueryBounds bounds;

	private final int maxConcurrent;

	// Replaced on every start: a test context that Spring pauses (stops) and resumes (starts) gets a working pool again.
	private volatile UserQueryRunner runner;

	CypherQueryService(GraphReads reads, @Value("${lodestone.cypher.timeout:5s}") Duration timeout,
			@Value("${lodestone.cypher.max-rows:1000}") int maxRows,
			@Value("${lodestone.cypher.max-concurrent:2}") int maxConcurrent,
			@Value("${lodestone.cypher.max-list-size:100000}") long maxListSize) {
		this.reads = reads;
		this.timeout = timeout;
		this.maxRows = maxRows;
		this.bounds = new QueryBounds(maxListSize, QueryBounds.DEFAULT.maxDepth(), QueryBounds.DEFAULT.maxClauses(),
				QueryBounds.DEFAULT.maxPatternNodes());
		this.maxConcurrent = maxConcurrent;
		this.runner = new UserQueryRunner(maxConcurrent, GRACE);
	}

	public CypherResult run(String query, Map<String, Object> parameters) {
		Map<String, Object> params = cypherValues(parameters);
		CypherGuard.check(query, params, this.bounds);
		UserQueryRunner current = this.runner;
		if (current == null) {
			throw new QueryBusyException(this.maxConcurrent);
		}
		try {
			return current.run(this.reads.userQuery(query, params, this.timeout, "lodestone-cypher"), this.timeout,
					userQuery -> {
						UserQueryPlan plan = userQuery.plan();
						if (!READ_TYPES.contains(plan.type())) {
							throw new CypherForbiddenException("Only read queries are allowed; the engine classifies "
									+ "this one as " + plan.type().toLowerCase().replace('_', ' '));
						}
						if (plan.loadsFiles()) {
							throw new CypherForbiddenException(
									"Only read queries are allowed; this query loads files or URLs");
						}
						GraphReads.UserQueryResult result = userQuery.run(this.maxRows);
						return new CypherResult(result.columns(), result.rows(), result.truncated());
					});
		}
		catch (QueryTimeoutException ex) {
			throw new InvalidCypherException("The query was stopped: it ran longer than " + this.timeout.toSeconds()
					+ " s or needed more memory than a query may use");
		}
		catch (ClientException ex) {
			throw new InvalidCypherException(EngineMessages.firstLine(ex));
		}
		catch (RuntimeException ex) {
			// In-process the engine reports a query it refuses (a bad argument, a type error) as its own exceptions;
			// they carry a status code, and only their first line, which is about the query, is passed on.
			boolean ours = ex.getClass().getName().startsWith("org.lodestone.");
			if (!ours && EngineMessages.isQueryError(ex)) {
				logger.warn("A user query failed in the engine: " + EngineMessages.firstLine(ex));
				throw new InvalidCypherException(EngineMessages.firstLine(ex));
			}
			throw ex;
		}
	}

	/**
	 * JSON numbers become what Cypher holds: an integer beyond 64 bits is refused here, with its name, instead of
	 * reaching the engine as a Java type it cannot convert.
	 */
	static Map<String, Object> cypherValues(Map<String, Object> parameters) {
		if (parameters == null) {
			return Map.of();
		}
		Map<String, Object> values = new java.util.LinkedHashMap<>();
		parameters.forEach((name, value) -> values.put(name, cypherValue(name, value)));
		return values;
	}

	private static Object cypherValue(String name, Object value) {
		if (value instanceof java.math.BigInteger integer) {
			if (integer.bitLength() > 63) {
				throw new InvalidCypherException("Parameter '" + name + "' is an integer outside the 64-bit range "
						+ "Cypher holds");
			}
			return integer.longValue();
		}
		if (value instanceof java.math.BigDecimal decimal) {
			return decimal.doubleValue();
		}
		if (value instanceof Map<?, ?> map) {
			Map<String, Object> copy = new java.util.LinkedHashMap<>();
			map.forEach((key, item) -> copy.put(String.valueOf(key), cypherValue(name, item)));
			return copy;
		}
		if (value instanceof java.util.List<?> list) {
			return list.stream().map(item -> cypherValue(name, item)).toList();
		}
		return value;
	}

	@Override
	public synchronized void start() {
		if (this.runner == null) {
			this.runner = new UserQueryRunner(this.maxConcurrent, GRACE);
		}
		this.running = true;
	}

	/** When the application begins to stop: ends every user query, so none holds the graceful shutdown. */
	@Override
	public synchronized void stop() {
		this.running = false;
		if (this.runner != null) {
			this.runner.close();
			this.runner = null;
		}
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	@Override
	public int getPhase() {
		return PHASE;
	}

	/** Stops what is still running before the engine closes, so that no runaway query can hold its shutdown. */
	@Override
	public void destroy() {
		stop();
	}

}
