package org.lodestone.analysis;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.lodestone.LodestoneApplication;
import org.lodestone.support.TestStores;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.neo4j.Neo4jContainer;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * On a server with Graph Data Science, centrality runs PageRank through GDS. Needs Docker (and the image's plugin
 * download), so it is skipped where no Docker engine runs.
 */
@Testcontainers(disabledWithoutDocker = true)
class CentralityGdsIT {

	@Container
	static final Neo4jContainer neo4j = new Neo4jContainer("neo4j:5.26").withAdminPassword("gds-secret")
		.withEnv("NEO4J_PLUGINS", "[\"graph-data-science\"]");

	@Test
	void usesGraphDataSciencePageRankWhereTheServerHasIt() throws Exception {
		try (ConfigurableApplicationContext app = new SpringApplicationBuilder(LodestoneApplication.class).run(
				"--server.port=0", "--spring.neo4j.uri=" + neo4j.getBoltUrl(),
				"--spring.neo4j.authentication.username=neo4j", "--spring.neo4j.authentication.password=gds-secret",
				"--lodestone.neo4j.directory=" + TestStores.create("gds-unused"))) {
			int port = ((WebServerApplicationContext) app).getWebServer().getPort();
			HttpResponse<String> ranking = HttpClient.newHttpClient().send(
					HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/analytics/central?kind=Policy"))
						.build(),
					HttpResponse.BodyHandlers.ofString());
			assertThat(ranking.statusCode()).isEqualTo(200);
			assertThat(ranking.body()).contains("PageRank, Graph Data Science").contains("\"sources\"");
		}
	}

}
