package org.lodestone.neo4j;

/**
 * The graph database cannot answer right now: it is stopping, starting or gone.
 */
public class GraphUnavailableException extends RuntimeException {

	/**
	 * @param cause what the engine reported
	 */
	public GraphUnavailableException(Throwable cause) {
		super("The graph database is not available: " + cause.getMessage(), cause);
	}

}
