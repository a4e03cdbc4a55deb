package org.lodestone.bench;

import org.neo4j.driver.Driver;

/**
 * How many nodes and relationships a graph has, the correctness check every workload's result is held to.
 *
 * @param nodes nodes, sources included
 * @param relationships relationships
 */
public record GraphCounts(long nodes, long relationships) {

	static GraphCounts of(Driver driver) {
		long nodes = driver.executableQuery("MATCH (n) RETURN count(n) AS n").execute().records().get(0).get("n").asLong();
		long relationships = driver.executableQuery("MATCH ()-[r]->() RETURN count(r) AS n").execute().records().get(0)
			.get("n").asLong();
		return new GraphCounts(nodes, relationships);
	}

}
