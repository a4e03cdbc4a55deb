package org.lodestone.cypher;

/**
 * The query is not valid Cypher, or failed while running for a reason in the query itself (such as a timeout).
 */
public class InvalidCypherException extends RuntimeException {

	InvalidCypherException(String message) {
		super(message);
	}

}
