package org.lodestone.neo4j;

import org.neo4j.driver.exceptions.Neo4jException;

/**
 * A query was stopped because it ran longer, or needed more memory, than one query may. The read port's
 * ({@link GraphReads}) neutral exception: it names no HTTP status; the web edge answers it with 503.
 */
public class QueryTimeoutException extends RuntimeException {

	/**
	 * Creates the exception with advice on narrowing the query.
	 */
	public QueryTimeoutException() {
		super("The query was stopped because it ran too long or needed too much memory; narrow it (a smaller "
				+ "maxDepth or k, a date, a type or confidence filter) and try again");
	}

	/**
	 * @param ex what the driver reported
	 * @return whether the server stopped the query for running past its transaction timeout
	 */
	public static boolean timedOut(Neo4jException ex) {
		return ex.code() != null && ex.code().contains("TransactionTimedOut");
	}

}
