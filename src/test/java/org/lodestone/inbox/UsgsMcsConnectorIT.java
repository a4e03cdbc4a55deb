package org.lodestone.inbox;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lodestone.IntegrationTest;
import org.lodestone.ingest.Dataset;
import org.lodestone.ingest.DatasetFile;
import org.lodestone.ingest.DatasetReader;
import org.lodestone.neo4j.GraphReads;
import org.lodestone.support.TestCredentials;
import org.neo4j.driver.Driver;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The USGS connector against a local HTTP server serving the real {@code World_Data.zip} of the Mineral Commodity
 * Summaries 2025 data release (see {@code src/test/resources/inbox/README.md}), on the shared application's graph.
 * <p>
 * The last test is the README's tour: run the connector, review the rare-earth proposal, accept it, and see the new
 * 2023 share in a path answer. The bundled data holds MCS 2026's shares for 2024 and 2025 but none of MCS 2025's for
 * 2023 for Burma (Myanmar), so the share it adds is a real fact the graph lacked; the test takes it out again
 * afterwards so the other tests see the bundled graph.
 */
class UsgsMcsConnectorIT extends IntegrationTest {

	@Autowired
	InboxService inbox;

	@Autowired
	GraphReads reads;

	@Autowired
	Driver driver;

	@Autowired
	RestTestClient rest;

	@Autowired
	DataExport export;

	@TempDir
	Path temp;

	RecordingServer server;

	byte[] fixture;

	@BeforeEach
	void serveTheRecording() throws IOException {
		this.fixture = new ClassPathResource("inbox/usgs/World_Data.zip").getContentAsByteArray();
		this.server = new RecordingServer("application/zip");
		this.server.serve("/mcs2025/World_Data.zip", 200, this.fixture);
		this.server.serve("/truncated.zip", 200, Arrays.copyOf(this.fixture, 10_000));
		this.server.start();
	}

	@AfterEach
	void stopAndPutTheGraphBack() {
		this.server.close();
		this.driver.executableQuery("""
				MATCH ()-[r:SUPPLIES]->() WHERE 'src:usgs-mcs2025-world-data' IN r.sources DELETE r
				""").execute();
		this.driver.executableQuery("MATCH (s:Source {id: 'src:usgs-mcs2025-world-data'}) DETACH DELETE s").execute();
		this.driver.executableQuery("MATCH (p:Proposal {connector: 'usgs-mcs'}) DETACH DELETE p").execute();
	}

	@Test
	void theReleaseProposesOneProposalPerMappedMineralAndRunningAgainProposesNothingNew() {
		RefreshService.RefreshReport first = refresh().refresh("usgs-mcs", url("/mcs2025/World_Data.zip"));
		assertThat(first.contentSha256()).isEqualTo(UsgsMcsConnectorTests.ZIP_SHA256);
		assertThat(first.created()).isPositive().isEqualTo(first.proposals().size());
		assertThat(first.proposals()).extracting(InboxService.Proposed::title)
			.anyMatch(title -> title.startsWith("MCS2025 Rare earths: "))
			.anyMatch(title -> title.startsWith("MCS2025 Gallium: "));
		assertThat(first.skipped()).anyMatch(line -> line.contains("commodities of the file are mapped to no mineral"));

		RefreshService.RefreshReport second = refresh().refresh("usgs-mcs", url("/mcs2025/World_Data.zip"));
		assertThat(second.created()).as("the same content proposes nothing new").isZero();
		assertThat(second.proposals()).extracting(InboxService.Proposed::id)
			.containsExactlyElementsOf(first.proposals().stream().map(InboxService.Proposed::id).toList());
		assertThat(proposals()).isEqualTo(first.proposals().size());
	}

	@Test
	void aTruncatedZipFailsWithTheReasonAndLeavesTheInboxAsItWas() {
		assertThatExceptionOfType(ConnectorException.class)
			.isThrownBy(() -> refresh().refresh("usgs-mcs", url("/truncated.zip")))
			.withMessageStartingWith("usgs-mcs: the zip is damaged or truncated");
		assertThatExceptionOfType(ConnectorException.class)
			.as("no URL is configured by default: USGS publishes each edition at a new address")
			.isThrownBy(() -> refresh().refresh("usgs-mcs", null))
			.withMessageContaining("no URL is configured for usgs-mcs");
		assertThat(proposals()).isZero();
	}

	@Test
	void theTourRunsTheConnectorReviewsAcceptsAndSeesTheNewShareInAPathAnswer() {
		RefreshService.RefreshReport report = refresh().refresh("usgs-mcs", url("/mcs2025/World_Data.zip"));
		String id = report.proposals().stream()
			.filter(proposed -> proposed.title().startsWith("MCS2025 Rare earths: "))
			.findFirst()
			.orElseThrow()
			.id();
		String burma2023 = "(state:mm)-[:SUPPLIES]->(mineral:rare-earths)";

		// Review: the proposal, its notes, and what the graph holds for the pairs it names (the 2024 and 2025 shares).
		this.rest.get().uri("/api/inbox/{id}", id).header("X-API-Key", TestCredentials.READ_KEY)
			.exchange()
			.expectStatus().isOk()
			.expectBody()
			.jsonPath("$.proposal.status").isEqualTo("pending")
			.jsonPath("$.proposal.provenance.connector").isEqualTo("usgs-mcs")
			.jsonPath("$.proposal.rows.relationships[?(@.from == 'state:mm' && @.validFrom == '2023-01-01')].share")
			.isEqualTo(List.of("0.114"))
			.jsonPath("$.held['" + burma2023 + "'].length()").isEqualTo(2);
		this.rest.get().uri("/api/paths?from=state:mm&to=mineral:rare-earths&types=SUPPLIES&maxDepth=1&asOf=2023-06-30")
			.exchange()
			.expectStatus().isOk()
			.expectBody().jsonPath("$.paths.length()").isEqualTo(0);

		this.rest.post().uri("/api/inbox/{id}/accept", id).header("X-API-Key", TestCredentials.WRITE_KEY)
			.contentType(MediaType.APPLICATION_JSON).body(Map.of())
			.exchange()
			.expectStatus().isOk()
			.expectBody()
			.jsonPath("$.status").isEqualTo("accepted")
			.jsonPath("$.decidedBy").isEqualTo("ci-writer")
			.jsonPath("$.change").value(change -> assertThat(change.toString()).matches("change:[0-9]+"));

		this.rest.get().uri("/api/paths?from=state:mm&to=mineral:rare-earths&types=SUPPLIES&maxDepth=1&asOf=2023-06-30")
			.exchange()
			.expectStatus().isOk()
			.expectBody()
			.jsonPath("$.paths[0].hops[0].type").isEqualTo("SUPPLIES")
			.jsonPath("$.paths[0].hops[0].share").isEqualTo(0.114)
			.jsonPath("$.paths[0].hops[0].validFrom").isEqualTo("2023-01-01")
			.jsonPath("$.paths[0].hops[0].sources[0].url").isEqualTo("https://doi.org/10.5066/P13XCP3R");
		assertThat(this.driver.executableQuery("""
				MATCH (s:Source {id: 'src:usgs-mcs2025-world-data'}) RETURN s.contentSha256 AS sha, s.retrievedAt AS at
				""").execute().records().get(0).get("sha").asString())
			.as("the source keeps the hash of what was retrieved").isEqualTo(UsgsMcsConnectorTests.ZIP_SHA256);
	}

	@Test
	void anAcceptedSharesRetrievalRecordGoesBackToTheDataFilesAndReadsBackTheSame() throws IOException {
		RefreshService.RefreshReport report = refresh().refresh("usgs-mcs", url("/mcs2025/World_Data.zip"));
		String id = report.proposals().stream()
			.filter(proposed -> proposed.title().startsWith("MCS2025 Rare earths: "))
			.findFirst()
			.orElseThrow()
			.id();
		this.inbox.accept(id, null, "usgs-test");

		Path data = Files.createDirectory(this.temp.resolve("data"));
		try (Stream<Path> files = Files.list(Path.of("data"))) {
			for (Path file : files.toList()) {
				Files.copy(file, data.resolve(file.getFileName()));
			}
		}
		this.export.export(data);
		Dataset restored = DatasetReader.read(DatasetFile.fromDirectory(data));
		Dataset.Source source = restored.sources().stream()
			.filter(each -> each.id().equals("src:usgs-mcs2025-world-data"))
			.findFirst()
			.orElseThrow();
		assertThat(source.contentSha256()).isEqualTo(UsgsMcsConnectorTests.ZIP_SHA256);
		assertThat(source.retrievedAt()).isEqualTo(this.driver.executableQuery(
				"MATCH (s:Source {id: 'src:usgs-mcs2025-world-data'}) RETURN s.retrievedAt AS at")
			.execute().records().get(0).get("at").asString());
		assertThat(restored.relationships()).filteredOn(rel -> rel.from().equals("state:mm")
				&& rel.to().equals("mineral:rare-earths") && rel.validFrom().toString().equals("2023-01-01"))
			.singleElement()
			.satisfies(rel -> assertThat(rel.share()).isEqualTo(0.114));
	}

	@Test
	void anUploadedReleaseIsReadByTheConfiguredConnectorAndABadUploadIsTheClientsError() {
		this.rest.post().uri("/api/inbox/connectors/usgs-mcs/documents")
			.contentType(MediaType.MULTIPART_FORM_DATA).body(upload("World_Data.zip", this.fixture))
			.exchange()
			.expectStatus().isUnauthorized();
		this.rest.post().uri("/api/inbox/connectors/usgs-mcs/documents").header("X-API-Key", TestCredentials.READ_KEY)
			.contentType(MediaType.MULTIPART_FORM_DATA).body(upload("World_Data.zip", this.fixture))
			.exchange()
			.expectStatus().isForbidden();
		this.rest.post().uri("/api/inbox/connectors/usgs-mcs/documents").header("X-API-Key", TestCredentials.WRITE_KEY)
			.contentType(MediaType.MULTIPART_FORM_DATA).body(upload("World_Data.zip", this.fixture))
			.exchange()
			.expectStatus().isOk()
			.expectBody()
			.jsonPath("$.connector").isEqualTo("usgs-mcs")
			.jsonPath("$.location").isEqualTo("upload:World_Data.zip")
			.jsonPath("$.contentSha256").isEqualTo(UsgsMcsConnectorTests.ZIP_SHA256)
			.jsonPath("$.proposals[?(@.title =~ /MCS2025 Rare earths: .*/)].created").isEqualTo(List.of(true));
		long proposed = proposals();
		assertThat(proposed).isPositive();

		this.rest.post().uri("/api/inbox/connectors/usgs-mcs/documents").header("X-API-Key", TestCredentials.WRITE_KEY)
			.contentType(MediaType.MULTIPART_FORM_DATA)
			.body(upload("World_Data.zip", Arrays.copyOf(this.fixture, 10_000)))
			.exchange()
			.expectStatus().isBadRequest()
			.expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.parameter").isEqualTo("file")
			.jsonPath("$.detail").value(detail -> assertThat(detail.toString())
				.startsWith("usgs-mcs: the zip is damaged or truncated").endsWith("; nothing was proposed"));
		assertThat(proposals()).as("the bad upload changed nothing").isEqualTo(proposed);
	}

	private static org.springframework.util.MultiValueMap<String, org.springframework.http.HttpEntity<?>> upload(
			String name, byte[] bytes) {
		org.springframework.http.client.MultipartBodyBuilder body = new org.springframework.http.client.MultipartBodyBuilder();
		body.part("file", new org.springframework.core.io.ByteArrayResource(bytes) {
			@Override
			public String getFilename() {
				return name;
			}
		});
		return body.build();
	}

	private RefreshService refresh() {
		return new RefreshService(new DocumentFetcher(1_000_000, Duration.ofSeconds(10), Clock.systemUTC()),
				new FederalRegisterConnector(InboxProperties.FederalRegister.DEFAULT_AGENCIES),
				new OpenSanctionsConnector(InboxProperties.OpenSanctions.DEFAULT_DATASETS),
				UsgsMcsConnectorTests.connector(), this.inbox, this.reads,
				Map.of("federal-register", url("/unused.json"), "opensanctions", url("/unused.json"), "usgs-mcs", ""));
	}

	private long proposals() {
		return this.driver.executableQuery("MATCH (p:Proposal {connector: 'usgs-mcs'}) RETURN count(p) AS n")
			.execute().records().get(0).get("n").asLong();
	}

	private String url(String path) {
		return this.server.url(path);
	}

}
