package org.lodestone.neo4j;

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
 * The same smoke checks against the official {@code neo4j:5.26} image. Reported as skipped where no Docker engine
 * runs.
 */
@Testcontainers(disabledWithoutDocker = true)
class Neo4jContainerIT {

	@Container
	static final Neo4jContainer neo4j = new Neo4jContainer("neo4j:5.26").withAdminPassword("container-secret");

	@Test
	void runsAgainstTheOfficialImage() throws Exception {
		try (ConfigurableApplicationContext app = new SpringApplicationBuilder(LodestoneApplication.class).run(
				"--server.port=0", "--spring.neo4j.uri=" + neo4j.getBoltUrl(),
				"--spring.neo4j.authentication.username=neo4j",
				"--spring.neo4j.authentication.password=container-secret",
				"--lodestone.neo4j.directory=" + TestStores.create("container-unused"))) {
			assertThat(app.getBeansOfType(EmbeddedNeo4j.class)).isEmpty();
			int port = ((WebServerApplicationContext) app).getWebServer().getPort();
			HttpClient http = HttpClient.newHttpClient();
			HttpResponse<String> info = http.send(
					HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/info")).build(),
					HttpResponse.BodyHandlers.ofString());
			assertThat(info.statusCode()).isEqualTo(200);
			assertThat(info.body()).contains("\"mode\":\"external\"").contains("\"version\":\"5.26");
			HttpResponse<String> health = http.send(
					HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health")).build(),
					HttpResponse.BodyHandlers.ofString());
			assertThat(health.body()).contains("\"status\":\"UP\"");
		}
	}

}
