package org.lodestone.neo4j;

import java.time.Duration;
import java.util.Map;

/**
 * Runs one read-only statement with a timeout and hands back its only row as plain Java values: strings, numbers,
 * booleans, {@code java.time} values, lists and maps, the same whichever engine answers. Statements project what they
 * need instead of returning nodes, relationships or paths, whose Java types differ between the driver and the engine.
 * <p>
 * With the embedded engine the statement runs in-process, without a Bolt round trip; with an external server it goes
 * through the driver.
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

}
