package org.lodestone.bench;

import org.neo4j.driver.Driver;

/**
 * How many nodes and relationships the current graph has, the correctness check every workload's result is held to.
 * The recorded history beside it (:Version, :Change and :ChangeLog nodes, written by every import since issue 20) is
 * not part of the graph an export or a path query reads, so it is not counted.
 *
 * @param nodes entities and sources
 * @param relationships relationships
 */
public record GraphCounts(long nodes, long relationships) {

	static GraphCounts of(Driver driver) {
		long nodes = driver.executableQuery("MATCH (n) WHERE n:Entity OR n:Source RETURN count(n) AS n").execute().records().get(0).get("n").asLong();
		long relationships = driver.executableQuery("MATCH ()-[r]->() RETURN count(r) AS n").execute().records().get(0)
			.get("n").asLong();
		return new GraphCounts(nodes, relationships);
	}

}
