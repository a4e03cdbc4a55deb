package org.lodestone.neo4j;

import java.time.Duration;
import java.util.Map;

import org.lodestone.web.QueryTimeoutException;
import org.neo4j.driver.AccessMode;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;
import org.neo4j.driver.SessionConfig;
import org.neo4j.driver.TransactionConfig;
import org.neo4j.driver.exceptions.ClientException;
import org.neo4j.driver.exceptions.TransientException;

/**
 * Reads through the driver: one auto-commit statement in a read session, since an explicit transaction would cost two
 * more round trips for the same reads. Timeouts become {@link QueryTimeoutException}; an unreachable server stays the
 * driver's exception, which the web layer maps.
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
			return session.run(cypher, parameters, TransactionConfig.builder().withTimeout(timeout)
				.withMetadata(Map.of("app", application)).build()).single().asMap();
		}
		catch (ClientException ex) {
			if (QueryTimeoutException.timedOut(ex)) {
				throw new QueryTimeoutException();
			}
			throw ex;
		}
		catch (TransientException ex) {
			// Out of memory for one query, or terminated: the same answer as a timeout.
			throw new QueryTimeoutException();
		}
	}

}
