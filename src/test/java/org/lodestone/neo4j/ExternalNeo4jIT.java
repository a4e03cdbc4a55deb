package org.lodestone.neo4j;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.lodestone.LodestoneApplication;
import org.lodestone.ingest.DatasetGraph;
import org.lodestone.support.BundledData;
import org.lodestone.support.FreePorts;
import org.lodestone.support.StoredGraph;
import org.lodestone.support.TestStores;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With {@code spring.neo4j.uri} set, the application uses that server and starts no engine of its own. A
 * separately started engine plays the external server.
 */
class ExternalNeo4jIT {

	@Test
	void usesTheConfiguredServerAndStartsNoEmbeddedEngine() throws Exception {
		EmbeddedNeo4jProperties serverSettings = new EmbeddedNeo4jProperties(true, TestStores.create("external"),
				"127.0.0.1", FreePorts.next(), FreePorts.next(), "external-secret", "32m", Duration.ofSeconds(30),
				"256m");
		int unusedEmbeddedBoltPort = FreePorts.next();
		try (EmbeddedNeo4j server = new EmbeddedNeo4j(serverSettings).start()) {
			try (Driver driver = GraphDatabase.driver(server.boltUri(), AuthTokens.basic("neo4j", "external-secret"))) {
				driver.executableQuery("CREATE (:Marker {id: 'external'})").execute();
			}
			try (ConfigurableApplicationContext app = new SpringApplicationBuilder(LodestoneApplication.class).run(
					"--server.port=0", "--spring.neo4j.uri=" + server.boltUri(),
					"--spring.neo4j.authentication.username=neo4j",
					"--spring.neo4j.authentication.password=external-secret",
					"--lodestone.neo4j.bolt-port=" + unusedEmbeddedBoltPort,
					"--lodestone.neo4j.directory=" + TestStores.create("never-used"))) {
				assertThat(app.getBeansOfType(EmbeddedNeo4j.class)).isEmpty();
				assertThat(app.getBean(Neo4jDeployment.class).mode()).isEqualTo("external");
				int port = ((WebServerApplicationContext) app).getWebServer().getPort();
				HttpResponse<String> info = HttpClient.newHttpClient()
					.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/info")).build(),
							HttpResponse.BodyHandlers.ofString());
				assertThat(info.statusCode()).isEqualTo(200);
				assertThat(info.body()).contains("\"mode\":\"external\"")
					.contains("\"boltUri\":\"" + server.boltUri() + "\"");
				assertThat(canConnect(unusedEmbeddedBoltPort)).isFalse();
			}
			// No store of its own to load offline: the first start imported the bundled dataset into the server
			// through the transactional importer.
			try (Driver driver = GraphDatabase.driver(server.boltUri(), AuthTokens.basic("neo4j", "external-secret"))) {
				StoredGraph expected = StoredGraph.of(new DatasetGraph(BundledData.dataset()));
				StoredGraph stored = StoredGraph.read(driver);
				assertThat(stored.nodes()).containsAll(expected.nodes());
				assertThat(stored.edges()).containsExactlyInAnyOrderElementsOf(expected.edges());
			}
		}
	}

	private static boolean canConnect(int port) {
		try (var socket = new java.net.Socket("127.0.0.1", port)) {
			return true;
		}
		catch (java.io.IOException ex) {
			return false;
		}
	}

}
