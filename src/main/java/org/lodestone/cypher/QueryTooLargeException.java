package org.lodestone.cypher;

/**
 * A query that asks the engine for more work than one request may: too deep, too many clauses or pattern nodes, or a
 * list too long. Refused before it is planned.
 */
public class QueryTooLargeException extends RuntimeException {

	/**
	 * @param what what the query does that is over a limit, to follow "The query "
	 */
	public QueryTooLargeException(String what) {
		super("The query " + what);
	}

}
