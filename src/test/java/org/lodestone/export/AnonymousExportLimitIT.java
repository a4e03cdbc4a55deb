package org.lodestone.export;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.lodestone.IntegrationTest;
import org.lodestone.support.FreePorts;
import org.lodestone.support.TestCredentials;
import org.lodestone.support.TestStores;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code lodestone.limits.max-export-elements-anonymous}: set to 200 here, below the bundled graph's size, so a whole
 * graph export without a credential is refused with 413 before the download starts, while a credential lifts the
 * limit and small scopes stay open to anyone.
 * <p>
 * The limit is a different setting from every other test's, so this class gets an application of its own; it runs on
 * its own store and ports, since the shared application keeps the others.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureRestTestClient
class AnonymousExportLimitIT {

	private static final int LIMIT = 200;

	@Autowired
	RestTestClient rest;

	private static final String OWN_STORE = TestStores.create("export-limit").toString();

	private static final int OWN_BOLT_PORT = FreePorts.next();

	private static final int OWN_HTTP_PORT = FreePorts.next();

	@DynamicPropertySource
	static void lowAnonymousExportLimit(DynamicPropertyRegistry registry) {
		IntegrationTest.testSettings(registry);
		registry.add("lodestone.neo4j.directory", () -> OWN_STORE);
		registry.add("lodestone.neo4j.bolt-port", () -> OWN_BOLT_PORT);
		registry.add("lodestone.neo4j.http-port", () -> OWN_HTTP_PORT);
		// This application stays in Spring's context cache beside the shared one for the rest of the suite.
		registry.add("lodestone.neo4j.page-cache", () -> "32m");
		registry.add("lodestone.limits.max-export-elements-anonymous", () -> LIMIT);
	}

	@Test
	void anAnonymousWholeGraphExportOverTheLimitIs413BeforeTheDownloadStarts() {
		this.rest.get().uri("/api/export?format=graphml").exchange()
			.expectStatus().isEqualTo(413)
			.expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectHeader().doesNotExist(HttpHeaders.CONTENT_DISPOSITION)
			.expectBody()
			.jsonPath("$.type").isEqualTo("urn:lodestone:problem:export-too-large")
			.jsonPath("$.limit").isEqualTo(LIMIT)
			.jsonPath("$.elements").value(elements -> assertThat(((Number) elements).longValue()).isGreaterThan(LIMIT))
			.jsonPath("$.detail").value(detail -> assertThat(detail.toString()).contains("credential"));
	}

	@Test
	void theCountMatchesWhatAnAuthenticatedExportHolds() {
		long refused = JsonMapper.shared()
			.readTree(this.rest.get().uri("/api/export?format=json").exchange()
				.expectStatus().isEqualTo(413)
				.expectBody(String.class).returnResult().getResponseBody())
			.get("elements").asLong();
		JsonNode graph = json(this.rest.get().uri("/api/export?format=json").header("X-API-Key", TestCredentials.READ_KEY));
		assertThat(refused).isEqualTo(graph.get("nodes").size() + graph.get("edges").size());
	}

	@Test
	void aReadOrWriteCredentialExportsTheWholeGraph() {
		JsonNode withReadKey = json(this.rest.get().uri("/api/export?format=json")
			.header("X-API-Key", TestCredentials.READ_KEY));
		assertThat(withReadKey.get("nodes").size() + withReadKey.get("edges").size()).isGreaterThan(LIMIT);
		String writer = Base64.getEncoder()
			.encodeToString((TestCredentials.WRITER + ":" + TestCredentials.WRITER_PASSWORD).getBytes(StandardCharsets.UTF_8));
		JsonNode withWriteUser = json(this.rest.get().uri("/api/export?format=json")
			.header(HttpHeaders.AUTHORIZATION, "Basic " + writer));
		assertThat(withWriteUser).isEqualTo(withReadKey);
	}

	@Test
	void anAnonymousExportWithinTheLimitDownloads() {
		JsonNode neighbourhood = json(this.rest.get().uri("/api/export?format=json&scope=neighborhood&id=product:nvidia-h20"));
		assertThat(neighbourhood.get("nodes").size() + neighbourhood.get("edges").size()).isBetween(2, LIMIT);
		this.rest.get().uri("/api/export?format=graphml&scope=path&from=H20&to=NdPr").exchange().expectStatus().isOk();
	}

	private static JsonNode json(RestTestClient.RequestHeadersSpec<?> request) {
		return JsonMapper.shared().readTree(request.exchange()
			.expectStatus().isOk()
			.expectBody(String.class).returnResult().getResponseBody());
	}

}
