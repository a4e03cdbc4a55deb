package org.lodestone.neo4j;

import java.time.Duration;
import java.util.Map;
import java.util.function.Consumer;

import org.lodestone.web.QueryTimeoutException;
import org.neo4j.driver.AccessMode;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Result;
import org.neo4j.driver.Session;
import org.neo4j.driver.SessionConfig;
import org.neo4j.driver.Transaction;
import org.neo4j.driver.TransactionConfig;
import org.neo4j.driver.exceptions.ClientException;
import org.neo4j.driver.exceptions.TransientException;

/**
 * Reads through the driver: one auto-commit statement in a read session, since an explicit transaction would cost two
 * more round trips for the same reads; streamed reads share an explicit read transaction. Timeouts become
 * {@link QueryTimeoutException}; an unreachable server stays the driver's exception, which the web layer maps.
 */
final class DriverGraphReads implements GraphReads {

	private final Driver driver;

	DriverGraphReads(Driver driver) {
		this.driver = driver;
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
