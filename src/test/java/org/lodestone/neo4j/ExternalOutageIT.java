package org.lodestone.neo4j;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.lodestone.LodestoneApplication;
import org.lodestone.support.FreePorts;
import org.lodestone.support.TestStores;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The external database goes away under a running application and comes back: meanwhile every endpoint answers 503
 * problem+json (never 500), and the application recovers by itself within 10 s of the database being back.
 */
// An outage of the database under the application: a durability test, left out of -Pfast (README).
@Tag("durability")
class ExternalOutageIT {

	final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	@Test
	void anOutageIs503AndTheApplicationRecoversByItself() throws Exception {
		EmbeddedNeo4jProperties serverSettings = new EmbeddedNeo4jProperties(true, TestStores.create("outage"),
				"127.0.0.1", FreePorts.next(), FreePorts.next(), "outage-secret", "32m", Duration.ofSeconds(30),
				"256m");
		EmbeddedNeo4j server = new EmbeddedNeo4j(serverSettings).start();
		try (ConfigurableApplicationContext app = new SpringApplicationBuilder(LodestoneApplication.class).run(
				// Without the answer caches, which would keep serving answers read before the outage: this is about
				// what a read that needs the server does while it is gone.
				"--server.port=0", "--spring.cache.type=none", "--spring.neo4j.uri=" + server.boltUri(),
				"--spring.neo4j.authentication.username=neo4j", "--spring.neo4j.authentication.password=outage-secret",
				"--lodestone.neo4j.directory=" + TestStores.create("outage-unused"))) {
			int port = ((WebServerApplicationContext) app).getWebServer().getPort();
			List<String> reads = List.of("/api/info", "/api/entities?q=magnet", "/api/entities/mineral:ndpr",
					"/api/entities/mineral:ndpr/neighbors", "/api/paths?from=H20&to=NdPr");
			for (String read : reads) {
				assertThat(get(port, read).statusCode()).as(read).isEqualTo(200);
			}

			server.close();
			for (String read : reads) {
				long started = System.nanoTime();
				HttpResponse<String> down = get(port, read);
				assertThat(down.statusCode()).as(read + " while the database is down").isEqualTo(503);
				assertThat(down.headers().firstValue("Content-Type")).hasValueSatisfying(
						type -> assertThat(type).startsWith("application/problem+json"));
				assertThat(down.body()).contains("urn:lodestone:problem:graph-unavailable").doesNotContain("org.neo4j");
				assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
			}
			HttpResponse<String> cypher = this.http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
					+ "/api/cypher")).header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString("{\"query\": \"RETURN 1\"}")).build(),
					HttpResponse.BodyHandlers.ofString());
			assertThat(cypher.statusCode()).isEqualTo(503);

			server = new EmbeddedNeo4j(serverSettings).start();
			long back = System.nanoTime();
			Duration recovery = null;
			while (recovery == null && Duration.ofNanos(System.nanoTime() - back).compareTo(Duration.ofSeconds(30)) < 0) {
				if (get(port, "/api/paths?from=H20&to=NdPr").statusCode() == 200
						&& get(port, "/api/info").statusCode() == 200) {
					recovery = Duration.ofNanos(System.nanoTime() - back);
				}
				else {
					Thread.sleep(200);
				}
			}
			System.out.println("Recovered " + recovery + " after the database came back");
			assertThat(recovery).as("time to recover after the database is back").isNotNull()
				.isLessThan(Duration.ofSeconds(10));
			for (String read : reads) {
				assertThat(get(port, read).statusCode()).as(read + " after recovery").isEqualTo(200);
			}
		}
		finally {
			server.close();
		}
	}

	private HttpResponse<String> get(int port, String path) throws Exception {
		return this.http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
			.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
	}

}
