package org.lodestone.web;

import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.lodestone.IntegrationTest;
import org.lodestone.ingest.GraphChangedEvent;
import org.lodestone.ingest.GraphVersion;
import org.lodestone.support.TestCredentials;
import org.neo4j.driver.Driver;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reads are answered from cache and revalidated with ETags until an import changes the graph; then both change.
 */
class AnswerCachesIT extends IntegrationTest {

	private static final String PROBE = "company:cache-probe";

	@Autowired
	RestTestClient rest;

	@Autowired
	GraphVersion version;

	@Autowired
	Driver driver;

	@Autowired
	ApplicationEventPublisher events;

	@AfterEach
	void removeTheProbe() {
		this.driver.executableQuery("MATCH (n) WHERE n.id IN [$id, 'src:cache-probe-2025-01-01-test'] DETACH DELETE n")
			.withParameters(Map.of("id", PROBE)).execute();
		// The probe was removed behind the importer's back: tell the caches, as an import would.
		this.events.publishEvent(new GraphChangedEvent(this.version.current()));
	}

	@Test
	void aReadRevalidatesForFreeUntilAnImportChangesTheGraph() {
		String path = "/api/paths?from=H20&to=NdPr&k=3";
		String first = this.rest.get().uri(path).exchange().expectStatus().isOk()
			.expectHeader().valueEquals("Cache-Control", "no-cache")
			.returnResult(String.class).getResponseHeaders().getETag();
		assertThat(first).startsWith("W/\"");
		this.rest.get().uri(path).header("If-None-Match", first).exchange().expectStatus().isNotModified()
			.expectBody().isEmpty();
		this.rest.get().uri("/api/entities/" + PROBE).exchange().expectStatus().isNotFound();

		long before = this.version.current();
		importProbe();
		assertThat(this.version.current()).isEqualTo(before + 1);

		// The cached 'not found' is gone with the import, and the old validator no longer matches.
		this.rest.get().uri("/api/entities/" + PROBE).exchange().expectStatus().isOk()
			.expectBody().jsonPath("$.name").isEqualTo("Cache probe");
		String second = this.rest.get().uri(path).header("If-None-Match", first).exchange().expectStatus().isOk()
			.returnResult(String.class).getResponseHeaders().getETag();
		assertThat(second).isNotEqualTo(first);
	}

	@Test
	void reImportingUnchangedDataKeepsTheVersionAndTheValidators() {
		importProbe();
		long version = this.version.current();
		importProbe();
		assertThat(this.version.current()).isEqualTo(version);
	}

	@Test
	void aCredentialedAnswerIsPrivate() {
		this.rest.get().uri("/api/info").header("X-API-Key", TestCredentials.READ_KEY).exchange()
			.expectStatus().isOk().expectHeader().valueEquals("Cache-Control", "private, no-cache");
	}

	private void importProbe() {
		MultipartBodyBuilder body = new MultipartBodyBuilder();
		body.part("files", file("sources-probe.csv", """
				id,publisher,title,date,url,type
				src:cache-probe-2025-01-01-test,Probe,Cache test,2025-01-01,https://example.org/probe,data
				"""));
		body.part("files", file("entities-probe.csv", """
				id,subtype,name,aliases,description,announced,effective,suspendedUntil,rescinded,sources
				company:cache-probe,Company,Cache probe,,,,,,,src:cache-probe-2025-01-01-test
				"""));
		this.rest.post().uri("/api/import").header("X-API-Key", TestCredentials.WRITE_KEY)
			.contentType(MediaType.MULTIPART_FORM_DATA).body(body.build()).exchange().expectStatus().isOk();
	}

	private static ByteArrayResource file(String name, String content) {
		return new ByteArrayResource(content.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
			@Override
			public String getFilename() {
				return name;
			}
		};
	}

}
