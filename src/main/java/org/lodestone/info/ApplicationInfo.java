package org.lodestone.info;

import java.net.URI;

/**
 * What {@code GET /api/info} reports.
 *
 * @param application the application's name
 * @param version the application's version
 * @param neo4j the engine behind the graph
 * @param graph the graph's size
 */
record ApplicationInfo(String application, String version, Engine neo4j, GraphSize graph) {

	/**
	 * @param version the Neo4j version
	 * @param edition {@code community} or {@code enterprise}
	 * @param mode {@code embedded} or {@code external}
	 * @param boltUri the URI the application connects to
	 * @param browserUri where Neo4j Browser is served, when the application knows
	 */
	record Engine(String version, String edition, String mode, URI boltUri, URI browserUri) {
	}

	/**
	 * @param nodes the number of nodes
	 * @param relationships the number of relationships
	 */
	record GraphSize(long nodes, long relationships) {
	}

}
