package org.lodestone.neo4j;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.lodestone.IntegrationTest;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

class EmbeddedNeo4jRuntimeIT extends IntegrationTest {

	@Autowired
	EmbeddedNeo4j engine;

	private final HttpClient http = HttpClient.newHttpClient();

	@Test
	void boltAnswersCypherFromAnyDriver() {
		// The application's engine always has a password (EngineOriginIT shows the 'none' scheme refused).
		try (Driver driver = GraphDatabase.driver(this.engine.boltUri(), AuthTokens.basic("neo4j",
				this.engine.password()))) {
			long answer = driver.executableQuery("RETURN 40 + 2 AS answer").execute().records().get(0)
				.get("answer").asLong();
			assertThat(answer).isEqualTo(42);
		}
	}

	@Test
	void listensOnLoopbackOnly() {
		assertThat(this.engine.boltUri().getHost()).isEqualTo("127.0.0.1");
		assertThat(this.engine.httpUri()).isEqualTo(URI.create("http://127.0.0.1:" + HTTP_PORT));
	}

	@Test
	void servesNeo4jBrowser() throws Exception {
		HttpResponse<String> page = get(this.engine.httpUri().resolve("/browser/"));
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("<title>Neo4j Browser</title>");
	}

	@Test
	void servesNeo4jsOwnHttpApiBesideSpring() throws Exception {
		HttpRequest request = HttpRequest.newBuilder(this.engine.httpUri().resolve("/db/neo4j/tx/commit"))
			.header("Content-Type", "application/json")
			.header("Accept", "application/json")
			.header("Authorization", "Basic " + java.util.Base64.getEncoder()
				.encodeToString(("neo4j:" + this.engine.password()).getBytes(java.nio.charset.StandardCharsets.UTF_8)))
			.POST(HttpRequest.BodyPublishers.ofString("{\"statements\":[{\"statement\":\"RETURN 1 AS one\"}]}"))
			.build();
		HttpResponse<String> response = this.http.send(request, HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("\"one\"").contains("\"errors\":[]");
	}

	private HttpResponse<String> get(URI uri) throws Exception {
		return this.http.send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofString());
	}

}
