package org.lodestone.info;

import java.util.Map;

import org.lodestone.neo4j.CypherResources;
import org.lodestone.neo4j.GraphReads;
import org.lodestone.neo4j.Neo4jDeployment;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.info.BuildProperties;
import org.springframework.stereotype.Service;

/**
 * Reads versions and graph size from the running engine.
 */
@Service
class InfoService {

	private static final String ENGINE = CypherResources.load(InfoService.class, "engine.cypher");

	// Both counts come from the count store, so they cost the same on any size of graph. Nodes are the current graph's
	// (entities and sources), not the recorded history's :Version and :Change nodes beside it.
	private static final String SIZE = CypherResources.load(InfoService.class, "size.cypher");

	private final GraphReads reads;

	private final Neo4jDeployment deployment;

	private final String version;

	InfoService(GraphReads reads, Neo4jDeployment deployment, ObjectProvider<BuildProperties> build) {
		this.reads = reads;
		this.deployment = deployment;
		BuildProperties properties = build.getIfAvailable();
		this.version = (properties != null) ? properties.getVersion() : "development";
	}

	ApplicationInfo info() {
		Map<String, Object> engine = this.reads.single(ENGINE, Map.of(), "lodestone-info");
		Map<String, Object> size = this.reads.single(SIZE, Map.of(), "lodestone-info");
		return new ApplicationInfo("lodestone", this.version, new ApplicationInfo.Engine((String) engine.get("version"),
				(String) engine.get("edition"), this.deployment.mode(), this.deployment.boltUri(),
				this.deployment.browserUri()), new ApplicationInfo.GraphSize(((Number) size.get("nodes")).longValue(),
						((Number) size.get("relationships")).longValue()));
	}

}
