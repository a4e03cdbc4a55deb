package org.lodestone.inbox;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
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
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The Federal Register connector against a local HTTP server that serves a real documents API answer, recorded from
 * {@code https://www.federalregister.gov/api/v1/documents/2024-31396.json} (see
 * {@code src/test/resources/inbox/README.md}; its SHA-256 matches the recording's receipt).
 * <p>
 * The only full recorded document found is an EPA rule, not a BIS one. The connector proposes documents of mapped
 * agencies only (by default the BIS), so these tests map the EPA's slug to an agency id of their own to read the
 * document through the whole path; that mapping is test configuration, and the proposal it makes is rejected here,
 * never accepted: an air-plan approval is no export control.
 */
class FederalRegisterConnectorIT extends IntegrationTest {

	static final String SHA256 = "7e99845523f0153740bd626006091c115fdbf44f55d6e9cc5e6a265735a56eab";

	static final String FIRST_SENTENCE = "The Environmental Protection Agency (EPA) is taking final action to approve a "
			+ "revision to the Feather River Air Quality Management District (FRAQMD) portion of the California State "
			+ "Implementation Plan (SIP).";

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
		this.fixture = new ClassPathResource("inbox/federal-register/regulatory-document.json").getContentAsByteArray();
		this.server = new RecordingServer("application/json; charset=utf-8");
		this.server.serve("/api/v1/documents/2024-31396.json", 200, this.fixture);
		this.server.serve("/truncated.json", 200, Arrays.copyOf(this.fixture, 2_000));
		this.server.serve("/no-publication-date.json", 200, new String(this.fixture, StandardCharsets.UTF_8)
			.replace("\"publication_date\":\"2024-12-31\",", "")
			.getBytes(StandardCharsets.UTF_8));
		this.server.serve("/unavailable.json", 503, "{\"status\":503}".getBytes(StandardCharsets.UTF_8));
		this.server.start();
	}

	@AfterEach
	void stopAndClean() {
		this.server.close();
		this.driver.executableQuery("MATCH (p:Proposal {connector: 'federal-register'}) DETACH DELETE p").execute();
	}

	@Test
	void theRecordedDocumentProposesItsSourcePolicyIssuerAndIssuedEdgeWithTheQuoteLocated() {
		RefreshService.RefreshReport report = mapped().refresh("federal-register", url("/api/v1/documents/2024-31396.json"));
		assertThat(report.contentSha256()).as("the hash of the bytes served").isEqualTo(SHA256);
		assertThat(report.created()).isEqualTo(1);
		assertThat(report.skipped()).isEmpty();

		Proposal proposal = this.inbox.review(report.proposals().get(0).id()).proposal();
		assertThat(proposal.title())
			.isEqualTo("2024-31396: Air Plan Revisions; California; Feather River Air Quality Management District");
		assertThat(proposal.provenance().connector()).isEqualTo("federal-register");
		assertThat(proposal.provenance().documentUrl()).isEqualTo(url("/api/v1/documents/2024-31396.json"));
		assertThat(proposal.provenance().contentSha256()).isEqualTo(SHA256);
		assertThat(proposal.status()).isEqualTo("pending");

		assertThat(proposal.rows().sources()).containsExactly(Map.of("id", "src:federalregister-2024-12-31-2024-31396",
				"publisher", "Federal Register", "title",
				"Air Plan Revisions; California; Feather River Air Quality Management District", "date", "2024-12-31",
				"url", "https://www.federalregister.gov/documents/2024/12/31/2024-31396/air-plan-revisions-california-"
						+ "feather-river-air-quality-management-district",
				"type", "official", "retrievedAt", proposal.provenance().retrievedAt().toString(), "contentSha256",
				SHA256));
		assertThat(proposal.rows().entities()).hasSize(2);
		assertThat(proposal.rows().entities().get(0)).containsEntry("id", "agency:us-epa")
			.containsEntry("subtype", "Agency")
			.containsEntry("name", "Environmental Protection Agency");
		Map<String, String> policy = proposal.rows().entities().get(1);
		assertThat(policy).containsEntry("id", "policy:us-fr-2024-31396")
			.containsEntry("aliases", "89 FR 107012|FR Doc. 2024-31396")
			.containsEntry("announced", "2024-12-31")
			.containsEntry("effective", "2025-01-30")
			.containsEntry("sources", "src:federalregister-2024-12-31-2024-31396");
		assertThat(policy.get("description")).isEqualTo("Final rule. Rule published in the Federal Register on "
				+ "2024-12-31 (89 FR 107012, document 2024-31396); amends 40 CFR 52; effective 2025-01-30.");

		assertThat(proposal.rows().relationships()).as("no State or Company of the graph is named in the abstract")
			.hasSize(1);
		Map<String, String> issued = proposal.rows().relationships().get(0);
		assertThat(issued).containsEntry("from", "agency:us-epa")
			.containsEntry("to", "policy:us-fr-2024-31396")
			.containsEntry("type", "ISSUED")
			.containsEntry("validFrom", "2024-12-31")
			.containsEntry("quote", FIRST_SENTENCE);
		assertThat(proposal.text()).startsWith(FIRST_SENTENCE).endsWith("(CAA or \"Act\").");
		assertThat(proposal.quotes()).containsExactly(new QuoteSpan(0, FIRST_SENTENCE, 0, FIRST_SENTENCE.length()));
		assertThat(proposal.notes()).contains("CFR parts: 40 CFR 52");
		assertThat(this.driver.executableQuery("MATCH (n:Entity {id: 'policy:us-fr-2024-31396'}) RETURN count(n) AS n")
			.execute().records().get(0).get("n").asLong()).as("nothing reaches the graph without an accept").isZero();

		this.rest.post().uri("/api/inbox/{id}/reject", proposal.id()).header("X-API-Key", TestCredentials.WRITE_KEY)
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("reason", "an air-plan approval is not an export control"))
			.exchange()
			.expectStatus().isOk()
			.expectBody().jsonPath("$.status").isEqualTo("rejected");
	}

	@Test
	void runningAgainOnTheSameDocumentProposesNothingNew() {
		RefreshService refresh = mapped();
		RefreshService.RefreshReport first = refresh.refresh("federal-register", url("/api/v1/documents/2024-31396.json"));
		RefreshService.RefreshReport second = refresh.refresh("federal-register", url("/api/v1/documents/2024-31396.json"));
		assertThat(first.created()).isEqualTo(1);
		assertThat(second.created()).isZero();
		assertThat(second.proposals()).extracting(InboxService.Proposed::id)
			.containsExactly(first.proposals().get(0).id());
		assertThat(proposals()).isEqualTo(1);
	}

	@Test
	void aTruncatedOrMalformedDocumentOrAnErrorStatusFailsWithTheReasonAndProposesNothing() {
		RefreshService refresh = mapped();
		assertThatExceptionOfType(ConnectorException.class)
			.isThrownBy(() -> refresh.refresh("federal-register", url("/truncated.json")))
			.withMessageContaining("federal-register: the document is not valid JSON (malformed or truncated)");
		assertThatExceptionOfType(ConnectorException.class)
			.isThrownBy(() -> refresh.refresh("federal-register", url("/no-publication-date.json")))
			.withMessage("federal-register: the document (document 2024-31396) lacks 'publication_date'");
		assertThatExceptionOfType(ConnectorException.class)
			.isThrownBy(() -> refresh.refresh("federal-register", url("/unavailable.json")))
			.withMessageContaining("answered HTTP 503 instead of 200");
		assertThat(proposals()).isZero();
	}

	@Test
	void byDefaultOnlyTheBureauOfIndustryAndSecurityIsReadAndOtherAgenciesAreSkippedWithTheReason() {
		RefreshService refresh = refresh(new FederalRegisterConnector(InboxProperties.FederalRegister.DEFAULT_AGENCIES));
		RefreshService.RefreshReport report = refresh.refresh("federal-register", url("/api/v1/documents/2024-31396.json"));
		assertThat(report.proposals()).isEmpty();
		assertThat(report.skipped()).containsExactly(
				"2024-31396: no agency of the document is mapped to an actor (it names environmental-protection-agency)");
		assertThat(proposals()).isZero();
	}

	private RefreshService mapped() {
		return refresh(new FederalRegisterConnector(Map.of("environmental-protection-agency",
				new InboxProperties.Issuer("agency:us-epa", "ExportControl", "state:us"))));
	}

	private RefreshService refresh(FederalRegisterConnector connector) {
		return new RefreshService(new DocumentFetcher(1_000_000, Duration.ofSeconds(10), Clock.systemUTC()), connector,
				this.inbox, this.reads, url("/api/v1/documents/2024-31396.json"));
	}

	private long proposals() {
		return this.driver.executableQuery("MATCH (p:Proposal {connector: 'federal-register'}) RETURN count(p) AS n")
			.execute().records().get(0).get("n").asLong();
	}

	private String url(String path) {
		return this.server.url(path);
	}


}
