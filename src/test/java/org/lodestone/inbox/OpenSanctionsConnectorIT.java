package org.lodestone.inbox;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lodestone.IntegrationTest;
import org.lodestone.neo4j.GraphReads;
import org.lodestone.support.TestCredentials;
import org.neo4j.driver.Driver;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.test.web.servlet.client.RestTestClient;
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The OpenSanctions connector against a local HTTP server serving a real FtM file (seven entities of OpenSanctions'
 * {@code eu_fsf} dataset, recorded in OpenSanctions' yente repository; see {@code src/test/resources/inbox/README.md})
 * and the bundled graph. The bundled graph holds none of those seven, so the run proposes nothing and says so; the
 * proposals a match makes are shown in {@link OpenSanctionsConnectorTests}.
 */
class OpenSanctionsConnectorIT extends IntegrationTest {

	@Autowired
	InboxService inbox;

	@Autowired
	GraphReads reads;

	@Autowired
	Driver driver;

	@Autowired
	RestTestClient rest;

	RecordingServer server;

	byte[] fixture;

	@BeforeEach
	void serveTheRecording() throws IOException {
		this.fixture = new ClassPathResource("inbox/opensanctions/t1-entities.ftm.json").getContentAsByteArray();
		this.server = new RecordingServer("application/json; charset=utf-8");
		this.server.serve("/datasets/t1/entities.ftm.json", 200, this.fixture);
		this.server.serve("/truncated.ftm.json", 200, Arrays.copyOf(this.fixture, 3_000));
		this.server.serve("/unavailable.ftm.json", 503, new byte[0]);
		this.server.start();
	}

	@AfterEach
	void stopAndClean() {
		this.server.close();
		this.driver.executableQuery("MATCH (p:Proposal {connector: 'opensanctions'}) DETACH DELETE p").execute();
	}

	@Test
	void theRecordedFileIsReadWholeAgainstTheBundledGraphWhichHoldsNoneOfItsEntities() {
		RefreshService.RefreshReport report = refresh().refresh("opensanctions", url("/datasets/t1/entities.ftm.json"));
		assertThat(report.connector()).isEqualTo("opensanctions");
		assertThat(report.contentSha256()).as("the hash of the bytes served")
			.isEqualTo(OpenSanctionsConnectorTests.SHA256);
		assertThat(report.proposals()).isEmpty();
		assertThat(report.skipped())
			.containsExactly("no entity of the file (7 lines) matches an actor the graph holds");
		assertThat(refresh().refresh("opensanctions", url("/datasets/t1/entities.ftm.json")).proposals())
			.as("a second run on the same file proposes nothing either").isEmpty();
		assertThat(proposals()).isZero();
	}

	@Test
	void aTruncatedFileOrAnErrorStatusFailsWithTheReasonAndLeavesTheInboxAsItWas() {
		RefreshService refresh = refresh();
		assertThatExceptionOfType(ConnectorException.class)
			.isThrownBy(() -> refresh.refresh("opensanctions", url("/truncated.ftm.json")))
			.withMessageContaining("opensanctions: the file is not FollowTheMoney JSON lines (malformed or truncated)")
			.withMessageContaining("truncated.ftm.json:3: is not JSON");
		assertThatExceptionOfType(ConnectorException.class)
			.isThrownBy(() -> refresh.refresh("opensanctions", url("/unavailable.ftm.json")))
			.withMessageContaining("answered HTTP 503 instead of 200");
		assertThat(proposals()).isZero();
	}

	@Test
	void theRefreshEndpointNeedsAWriteCredentialAndNamesBothConnectors() {
		this.rest.post().uri("/api/inbox/connectors/opensanctions/refresh").header("X-API-Key", TestCredentials.READ_KEY)
			.exchange()
			.expectStatus().isForbidden();
		this.rest.post().uri("/api/inbox/connectors/usgs/refresh").header("X-API-Key", TestCredentials.WRITE_KEY)
			.exchange()
			.expectStatus().isBadRequest()
			.expectBody()
			.jsonPath("$.detail")
			.isEqualTo("no such connector; the connectors are federal-register, opensanctions, usgs-mcs");
	}

	@Test
	void aScheduledRunRefreshesEachConnectorAndOneFailingLeavesTheOthersAndTheInboxAlone() {
		RefreshService refresh = new RefreshService(
				new DocumentFetcher(1_000_000, Duration.ofSeconds(10), Clock.systemUTC()),
				new FederalRegisterConnector(InboxProperties.FederalRegister.DEFAULT_AGENCIES),
				new OpenSanctionsConnector(OpenSanctionsConnectorTests.EU_FSF), this.inbox, this.reads,
				url("/unavailable.ftm.json"), url("/datasets/t1/entities.ftm.json"));
		InboxProperties properties = new InboxProperties(DataSize.ofMegabytes(1), Duration.ofSeconds(10),
				new InboxProperties.FederalRegister(url("/unavailable.ftm.json"), Map.of()),
				new InboxProperties.OpenSanctions(url("/datasets/t1/entities.ftm.json"), OpenSanctionsConnectorTests.EU_FSF),
				new InboxProperties.Usgs("", List.of(), Map.of(), Map.of()),
				new InboxProperties.Schedule(true, "0 0 6 * * *", List.of("federal-register", "opensanctions")));
		assertThat(new InboxSchedule(refresh, properties).runAll()).containsExactly(
				"scheduled federal-register failed, the inbox is as it was: federal-register: "
						+ url("/unavailable.ftm.json") + " answered HTTP 503 instead of 200",
				"scheduled opensanctions: 0 new proposals of 0, 1 skipped");
		assertThat(proposals()).isZero();
		assertThatExceptionOfType(IllegalArgumentException.class).isThrownBy(() -> new InboxSchedule(refresh,
				new InboxProperties(DataSize.ofMegabytes(1), Duration.ofSeconds(10), properties.federalRegister(),
						properties.opensanctions(), properties.usgs(), new InboxProperties.Schedule(true, "0 0 6 * * *", List.of("usgs")))))
			.withMessage("lodestone.inbox.schedule.connectors: no connector 'usgs'; the connectors are "
					+ "federal-register, opensanctions, usgs-mcs");
	}

	private RefreshService refresh() {
		return new RefreshService(new DocumentFetcher(1_000_000, Duration.ofSeconds(10), Clock.systemUTC()),
				new FederalRegisterConnector(InboxProperties.FederalRegister.DEFAULT_AGENCIES),
				new OpenSanctionsConnector(OpenSanctionsConnectorTests.EU_FSF), this.inbox, this.reads,
				url("/unused.json"), url("/datasets/t1/entities.ftm.json"));
	}

	private long proposals() {
		return this.driver.executableQuery("MATCH (p:Proposal {connector: 'opensanctions'}) RETURN count(p) AS n")
			.execute().records().get(0).get("n").asLong();
	}

	private String url(String path) {
		return this.server.url(path);
	}

}
