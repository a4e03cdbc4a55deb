package org.lodestone.neo4j;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.lodestone.LodestoneApplication;
import org.lodestone.ingest.DatasetFile;
import org.lodestone.ingest.DatasetGraph;
import org.lodestone.ingest.GraphImporter;
import org.lodestone.ingest.ImportOptions;
import org.lodestone.ingest.ImportProgress;
import org.lodestone.ingest.ImportReport;
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
 * separately started engine plays the external server. {@code knownAt} reads work there too.
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
				knownAtReadsTheExternalServersHistoryIntoALocalReplica(app, port);
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

	// The versions are read through the driver, like every read of an external server; the graph at knownAt is rebuilt
	// in this JVM.
	private static void knownAtReadsTheExternalServersHistoryIntoALocalReplica(ConfigurableApplicationContext app,
			int port) throws Exception {
		GraphImporter importer = app.getBean(GraphImporter.class);
		String sources = "id,publisher,title,date,url,type\n"
				+ "src:ext-2025-01-01-probe,Lodestone test suite,External probe,2025-01-01,https://example.org/ext,data\n";
		String entities = "id,subtype,name,aliases,description,announced,effective,suspendedUntil,rescinded,sources\n"
				+ "company:ext-a,Company,Ext A,,,,,,,\ncompany:ext-b,Company,Ext B,,,,,,,\n";
		String relationships = "from,to,type,validFrom,validTo,confidence,sources,quote,share,note\n"
				+ "company:ext-a,company:ext-b,MEMBER_OF,2025-01-01,,0.5,src:ext-2025-01-01-probe,,,\n";
		ImportReport added = importer.importDataset(importer.read(List.of(file("sources.csv", sources),
				file("entities.csv", entities), file("relationships.csv", relationships))),
				ImportOptions.unattended("ext-test"), ImportProgress.NONE);
		importer.importDataset(importer.read(List.of(file("sources.csv", sources))), new ImportOptions("ext-test",
				"the membership was never true", false, List.of("company:ext-a|MEMBER_OF|company:ext-b"), true),
				ImportProgress.NONE);
		String neighbours = "http://localhost:" + port + "/api/entities/company:ext-a/neighbors";
		HttpResponse<String> then = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(neighbours + "?knownAt=" + added.recordedAt().toInstant())).build(),
					HttpResponse.BodyHandlers.ofString());
		assertThat(then.statusCode()).isEqualTo(200);
		assertThat(then.body()).contains("\"id\":\"company:ext-b\"");
		HttpResponse<String> now = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(neighbours)).build(), HttpResponse.BodyHandlers.ofString());
		assertThat(now.statusCode()).isEqualTo(200);
		assertThat(now.body()).doesNotContain("company:ext-b");
	}

	private static DatasetFile file(String name, String content) {
		return new DatasetFile("data/" + name,
				() -> new java.io.ByteArrayInputStream(content.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
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
