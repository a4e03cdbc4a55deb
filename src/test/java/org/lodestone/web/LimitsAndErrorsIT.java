package org.lodestone.web;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.Supplier;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lodestone.IntegrationTest;
import org.lodestone.support.TestCredentials;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Oversized and malformed requests are refused quickly (413 or 400, in under 2 s), and every error the application
 * or the servlet container produces is problem+json with a stable type.
 */
class LimitsAndErrorsIT extends IntegrationTest {

	@Autowired
	RestTestClient rest;

	// The time limits are about refusing large input, not about a cold JVM: one ordinary request of each kind first.
	@BeforeEach
	void warmUp() {
		this.rest.post().uri("/api/cypher").contentType(MediaType.APPLICATION_JSON).body("{\"query\": \"RETURN 1\"}")
			.exchange().expectStatus().isOk();
		this.rest.get().uri("/api/entities?limit=1").exchange().expectStatus().isOk();
	}

	@Test
	void aJsonBodyOverTheLimitIs413BeforeItIsRead() {
		String big = "{\"query\": \"RETURN 1\", \"parameters\": {\"x\": \"" + "a".repeat(1_100_000) + "\"}}";
		quickly(() -> this.rest.post().uri("/api/cypher").contentType(MediaType.APPLICATION_JSON).body(big).exchange())
			.expectStatus().isEqualTo(413)
			.expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody().jsonPath("$.type").isEqualTo("urn:lodestone:problem:payload-too-large")
			.jsonPath("$.detail").value(detail -> assertThat(detail.toString()).contains("lodestone.limits.max-json-body"));
	}

	@Test
	void deepOrHugeJsonIs400() {
		String deep = "{\"query\": \"RETURN 1\", \"parameters\": {\"x\": " + "[".repeat(5_000) + "]".repeat(5_000) + "}}";
		expectInvalid(deep);
		String longString = "{\"query\": \"RETURN 1\", \"parameters\": {\"x\": \"" + "a".repeat(200_000) + "\"}}";
		expectInvalid(longString);
		String manyTokens = "{\"query\": \"RETURN 1\", \"parameters\": {\"x\": [" + "1,".repeat(120_000) + "1]}}";
		expectInvalid(manyTokens);
		expectInvalid("{\"query\": \"RETURN 1\", \"parameters\": {\"x\": 1" + "0".repeat(500) + "}}");
		expectInvalid("{\"query\": ");
		// A type tag is just a map key: nothing is instantiated, and the query sees it as data.
		this.rest.post().uri("/api/cypher").contentType(MediaType.APPLICATION_JSON)
			.body("{\"query\": \"RETURN $p.`@class` AS c\", \"parameters\": {\"p\": {\"@class\": \"java.lang.ProcessBuilder\"}}}")
			.exchange()
			.expectStatus().isOk()
			.expectBody().jsonPath("$.rows[0][0]").isEqualTo("java.lang.ProcessBuilder");
	}

	@Test
	void anUploadOverTheLimitIs413() {
		MultipartBodyBuilder body = new MultipartBodyBuilder();
		body.part("files", new ByteArrayResource(new byte[1_500_000]) {
			@Override
			public String getFilename() {
				return "entities-huge.csv";
			}
		});
		quickly(() -> this.rest.post().uri("/api/import").header("X-API-Key", TestCredentials.WRITE_KEY)
			.contentType(MediaType.MULTIPART_FORM_DATA).body(body.build()).exchange())
			.expectStatus().isEqualTo(413)
			.expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody().jsonPath("$.type").isEqualTo("urn:lodestone:problem:payload-too-large");
	}

	@Test
	void pageDepthAndLimitCapsAre400() {
		for (String uri : new String[] { "/api/entities?limit=101", "/api/entities?limit=-1",
				"/api/entities/mineral:ndpr/neighbors?depth=4", "/api/paths?from=H20&to=NdPr&maxDepth=9",
				"/api/paths?from=H20&to=NdPr&k=51" }) {
			quickly(() -> this.rest.get().uri(uri).exchange()).expectStatus().isBadRequest()
				.expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
				.expectBody().jsonPath("$.type").isEqualTo("urn:lodestone:problem:invalid-request");
		}
	}

	@Test
	void unknownPathsAndTheErrorPageAreProblemJson() {
		for (String accept : new String[] { "application/json", "text/html", "*/*" }) {
			this.rest.get().uri("/no/such/page").header("Accept", accept).exchange()
				.expectStatus().isNotFound()
				.expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
				.expectBody().jsonPath("$.type").isEqualTo("urn:lodestone:problem:not-found")
				.jsonPath("$.status").isEqualTo(404);
		}
		this.rest.get().uri("/error").exchange().expectStatus().isNotFound()
			.expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody().jsonPath("$.type").isEqualTo("urn:lodestone:problem:not-found");
		this.rest.get().uri("/api/no-such-endpoint").exchange().expectStatus().isNotFound()
			.expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
	}

	@Test
	void wrongMethodMediaTypeAndRejectedUrlsAreProblemJson() {
		this.rest.delete().uri("/api/info").header("X-API-Key", TestCredentials.WRITE_KEY).exchange()
			.expectStatus().isEqualTo(405)
			.expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody().jsonPath("$.type").isEqualTo("urn:lodestone:problem:method-not-allowed");
		this.rest.post().uri("/api/cypher").contentType(MediaType.TEXT_PLAIN).body("RETURN 1").exchange()
			.expectStatus().isEqualTo(415)
			.expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody().jsonPath("$.type").isEqualTo("urn:lodestone:problem:unsupported-media-type");
		// The firewall refuses path tricks; the answer is a 400 problem, not a 500.
		for (String uri : new String[] { "/api/entities/a%2F..%2F..%2Fetc", "/api/entities/%2e%2e/info",
				"/api/entities/a;jsessionid=x", "/api//info" }) {
			int status = this.rest.get().uri(java.net.URI.create(uri)).exchange().returnResult(String.class)
				.getStatus().value();
			assertThat(status).as(uri).isBetween(400, 499);
			this.rest.get().uri(java.net.URI.create(uri)).exchange()
				.expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
		}
	}

	private void expectInvalid(String body) {
		quickly(() -> this.rest.post().uri("/api/cypher").contentType(MediaType.APPLICATION_JSON)
			.body(body.getBytes(StandardCharsets.UTF_8)).exchange())
			.expectStatus().isBadRequest()
			.expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody().jsonPath("$.type").isEqualTo("urn:lodestone:problem:invalid-request");
	}

	private static RestTestClient.ResponseSpec quickly(Supplier<RestTestClient.ResponseSpec> call) {
		long started = System.nanoTime();
		RestTestClient.ResponseSpec response = call.get();
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
		return response;
	}

}
