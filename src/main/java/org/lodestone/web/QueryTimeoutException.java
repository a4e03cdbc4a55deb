package org.lodestone.web;

/**
 * A query was stopped because it ran longer, or needed more memory, than one query may.
 */
public class QueryTimeoutException extends RuntimeException {

	/**
	 * Creates the exception with advice on narrowing the query.
	 */
	public QueryTimeoutException() {
		super("The query was stopped because it ran too long or needed too much memory; narrow it (a smaller "
				+ "maxDepth or k, a date, a type or confidence filter) and try again");
	}

}
