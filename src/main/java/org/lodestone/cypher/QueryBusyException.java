package org.lodestone.cypher;

/**
 * Every thread that serves user queries is busy: the request is refused at once rather than queued behind queries
 * that may run to their timeout.
 */
public class QueryBusyException extends RuntimeException {

	/**
	 * @param limit how many user queries may run at once
	 */
	QueryBusyException(int limit) {
		super("The server is already running " + limit + " Cypher queries, the most it runs at once; try again in a "
				+ "few seconds");
	}

}
