package org.lodestone.info;

import org.lodestone.neo4j.Neo4jDeployment;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.info.BuildProperties;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads versions and graph size from the running engine.
 */
@Service
@Transactional(readOnly = true, timeout = 10)
class InfoService {

	private final Neo4jClient neo4j;

	private final Neo4jDeployment deployment;

	private final String version;

	InfoService(Neo4jClient neo4j, Neo4jDeployment deployment, ObjectProvider<BuildProperties> build) {
		this.neo4j = neo4j;
		this.deployment = deployment;
		BuildProperties properties = build.getIfAvailable();
		this.version = (properties != null) ? properties.getVersion() : "development";
	}

	ApplicationInfo info() {
		ApplicationInfo.Engine engine = this.neo4j.query("""
				CALL dbms.components() YIELD name, versions, edition
				WHERE name = 'Neo4j Kernel'
				RETURN versions[0] AS version, edition
				""")
			.fetchAs(ApplicationInfo.Engine.class)
			.mappedBy((types, row) -> new ApplicationInfo.Engine(row.get("version").asString(),
					row.get("edition").asString(), this.deployment.mode(), this.deployment.boltUri(),
					this.deployment.browserUri()))
			.one()
			.orElseThrow();
		// Both counts come from the count store, so they cost the same on any size of graph.
		ApplicationInfo.GraphSize size = this.neo4j.query("""
				CALL () { MATCH (n) RETURN count(n) AS nodes }
				CALL () { MATCH ()-[r]->() RETURN count(r) AS relationships }
				RETURN nodes, relationships
				""")
			.fetchAs(ApplicationInfo.GraphSize.class)
			.mappedBy((types, row) -> new ApplicationInfo.GraphSize(row.get("nodes").asLong(),
					row.get("relationships").asLong()))
			.one()
			.orElseThrow();
		return new ApplicationInfo("lodestone", this.version, engine, size);
	}

}
