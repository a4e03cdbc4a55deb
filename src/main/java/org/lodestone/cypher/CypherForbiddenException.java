package org.lodestone.cypher;

/**
 * The query is not a read the endpoint allows: it writes, changes the schema, administers the server, or calls a
 * procedure or function outside the allow-list.
 */
public class CypherForbiddenException extends RuntimeException {

	CypherForbiddenException(String message) {
		super(message);
	}

}
