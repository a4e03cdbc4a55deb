package org.lodestone.neo4j;

import java.net.URI;

/**
 * Where the graph lives: the embedded engine or an external server.
 *
 * @param mode {@code embedded} or {@code external}
 * @param boltUri the URI the application's driver uses
 * @param browserUri where Neo4j Browser is served, or {@code null} when an external server decides that
 * @param browserLogin how to log in to that Browser, for people (never the password itself), or {@code null}
 */
public record Neo4jDeployment(String mode, URI boltUri, URI browserUri, String browserLogin) {

	/**
	 * @return whether the engine runs inside this JVM
	 */
	public boolean embedded() {
		return "embedded".equals(this.mode);
	}

}
