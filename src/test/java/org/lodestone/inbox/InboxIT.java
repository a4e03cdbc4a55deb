package org.lodestone.inbox;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lodestone.IntegrationTest;
import org.lodestone.support.TestCredentials;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The review flow over HTTP on the shared application: an analyst proposes a claim from a document they read, a
 * reviewer accepts or rejects it, and only an accept changes the graph, through the importer.
 * <p>
 * The claims are the bundled dataset's own, from the Converge Digest report of 16 May 2019 (its stored text is the
 * test resource, see {@code src/test/resources/inbox/README.md}): the test takes Wilbur Ross's STATED edge out of the
 * graph, proposes it back from the document, and accepts it, so the graph ends as it began.
 */
class InboxIT extends IntegrationTest {

	static final String URL = "https://www.convergedigest.com/2019/05/us-dept-of-commerce-huawei-restriction.html";

	static final String SOURCE = "src:convergedigest-2019-05-16-huawei-restriction";

	static final String POLICY = "policy:us-bis-huawei-entity-list-2019-05";

	static final String QUOTE = "This will prevent American technology from being used by foreign owned entities in ways "
			+ "that potentially undermine U.S. national security or foreign policy interests";

	@Autowired
	RestTestClient rest;

	@Autowired
	Driver driver;

	String text;

	Map<String, Object> storedStatement;

	@BeforeEach
	void takeTheStatementOut() throws IOException {
		this.text = new ClassPathResource("inbox/documents/convergedigest-2019-05-16-huawei-restriction.txt")
			.getContentAsString(StandardCharsets.UTF_8);
		Record record = this.driver.executableQuery("""
				MATCH (:Entity {id: 'person:wilbur-ross'})-[r:STATED]->(:Entity {id: $policy})
				WITH r, properties(r) AS props DELETE r RETURN props
				""").withParameters(Map.of("policy", POLICY)).execute().records().get(0);
		this.storedStatement = record.get("props").asMap();
	}

	@AfterEach
	void putTheGraphBack() {
		this.driver.executableQuery("""
				MATCH (a:Entity {id: 'person:wilbur-ross'}), (b:Entity {id: $policy})
				MERGE (a)-[r:STATED]->(b) SET r = $props
				""").withParameters(Map.of("policy", POLICY, "props", this.storedStatement)).execute();
		this.driver.executableQuery("MATCH (p:Proposal) WHERE p.connector = 'document' DETACH DELETE p").execute();
	}

	@Test
	void anAcceptedClaimFromADocumentReachesTheGraphWithItsQuoteLocatedAndItsReviewerRecorded() {
		Map<String, Object> body = claim(statementRow());
		String id = this.rest.post().uri("/api/inbox/documents").header("X-API-Key", TestCredentials.WRITE_KEY)
			.contentType(MediaType.APPLICATION_JSON).body(body)
			.exchange()
			.expectStatus().isCreated()
			.expectBody(Map.class).returnResult().getResponseBody().get("id").toString();
		assertThat(id).matches("proposal:[0-9a-f]{16}");
		assertThat(statementHeld()).as("nothing reaches the graph before a person accepts").isFalse();

		// The same claim again proposes nothing new.
		this.rest.post().uri("/api/inbox/documents").header("X-API-Key", TestCredentials.WRITE_KEY)
			.contentType(MediaType.APPLICATION_JSON).body(body)
			.exchange()
			.expectStatus().isOk()
			.expectBody().jsonPath("$.id").isEqualTo(id).jsonPath("$.created").isEqualTo(false);

		Map<?, ?> review = this.rest.get().uri("/api/inbox/{id}", id).header("X-API-Key", TestCredentials.READ_KEY)
			.exchange()
			.expectStatus().isOk()
			.expectBody(Map.class).returnResult().getResponseBody();
		Map<?, ?> proposal = (Map<?, ?>) review.get("proposal");
		assertThat(proposal.get("status")).isEqualTo("pending");
		Map<?, ?> provenance = (Map<?, ?>) proposal.get("provenance");
		assertThat(provenance.get("connector")).isEqualTo("document");
		assertThat(provenance.get("documentUrl")).isEqualTo(URL);
		assertThat(provenance.get("contentSha256"))
			.isEqualTo(InboxService.sha256(this.text.getBytes(StandardCharsets.UTF_8)));
		Map<?, ?> quote = (Map<?, ?>) ((List<?>) proposal.get("quotes")).get(0);
		int start = ((Number) quote.get("start")).intValue();
		int end = ((Number) quote.get("end")).intValue();
		assertThat(this.text.substring(start, end)).isEqualTo(QUOTE);
		assertThat(this.text.substring(0, start)).as("the quote stands in Ross's paragraph, after its first sentence")
			.endsWith("on the Entity List. ");
		assertThat(((Map<?, ?>) review.get("held")).keySet().stream().map(Object::toString).toList()).as("the graph does not hold the statement")
			.doesNotContain("(person:wilbur-ross)-[:STATED]->(" + POLICY + ")");

		this.rest.get().uri("/api/inbox?status=pending").header("X-API-Key", TestCredentials.READ_KEY)
			.exchange()
			.expectStatus().isOk()
			.expectHeader().doesNotExist("ETag")
			.expectBody().jsonPath("$[?(@.id == '" + id + "')].rows").isEqualTo(List.of(1));

		this.rest.post().uri("/api/inbox/{id}/accept", id).header("X-API-Key", TestCredentials.READ_KEY)
			.contentType(MediaType.APPLICATION_JSON).body(Map.of())
			.exchange()
			.expectStatus().isForbidden();
		this.rest.post().uri("/api/inbox/{id}/accept", id).header("X-API-Key", TestCredentials.WRITE_KEY)
			.contentType(MediaType.APPLICATION_JSON).body(Map.of())
			.exchange()
			.expectStatus().isOk()
			.expectBody()
			.jsonPath("$.status").isEqualTo("accepted")
			.jsonPath("$.decidedBy").isEqualTo("ci-writer")
			.jsonPath("$.reason").value(reason -> assertThat(reason.toString()).contains("relationships 1 created"))
			.jsonPath("$.change").value(change -> assertThat(change.toString()).matches("change:[0-9]+"));
		assertThat(statementHeld()).isTrue();

		// The accept is a recorded version: its change is the reviewer's, and its reason names the proposal.
		Map<?, ?> accepted = (Map<?, ?>) this.rest.get().uri("/api/inbox/{id}", id)
			.header("X-API-Key", TestCredentials.READ_KEY)
			.exchange()
			.expectBody(Map.class).returnResult().getResponseBody().get("proposal");
		String change = (String) accepted.get("change");
		this.rest.get().uri("/api/changes?limit=200").header("X-API-Key", TestCredentials.READ_KEY).exchange()
			.expectStatus().isOk()
			.expectBody()
			.jsonPath("$.changes[?(@.changeId == '" + change + "')].by").isEqualTo(List.of("ci-writer"))
			.jsonPath("$.changes[?(@.changeId == '" + change + "')].reason")
			.isEqualTo(List.of("accepts inbox " + id + " (document: Ross on the Huawei listing (Converge Digest))"));

		// The README's tour ends here: the accepted fact answers a path question, with its quote and source.
		this.rest.get().uri("/api/paths?from=person:wilbur-ross&to={policy}&types=STATED&maxDepth=1", POLICY)
			.exchange()
			.expectStatus().isOk()
			.expectBody()
			.jsonPath("$.paths[0].hops[0].type").isEqualTo("STATED")
			.jsonPath("$.paths[0].hops[0].quote").isEqualTo(QUOTE)
			.jsonPath("$.paths[0].hops[0].sources[0].url").isEqualTo(URL);
		assertThat(this.driver.executableQuery("""
				MATCH (:Entity {id: 'person:wilbur-ross'})-[r:STATED]->(:Entity {id: $policy}) RETURN properties(r) AS p
				""").withParameters(Map.of("policy", POLICY)).execute().records().get(0).get("p").asMap())
			.as("the accepted row is the bundled dataset's row").isEqualTo(this.storedStatement);

		this.rest.post().uri("/api/inbox/{id}/accept", id).header("X-API-Key", TestCredentials.WRITE_KEY)
			.contentType(MediaType.APPLICATION_JSON).body(Map.of())
			.exchange()
			.expectStatus().isEqualTo(409)
			.expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody().jsonPath("$.type").isEqualTo("urn:lodestone:problem:proposal-decided");
	}

	@Test
	void anAcceptThatWouldBreakTheOntologyIsRefusedWithTheImportersProblemAndTheProposalCanBeRejected() {
		// A true claim the graph already holds from another source: the review shows what it would change.
		Map<String, String> targets = new LinkedHashMap<>();
		targets.put("from", POLICY);
		targets.put("to", "company:huawei");
		targets.put("type", "TARGETS");
		targets.put("validFrom", "2019-05-16");
		targets.put("confidence", "0.8");
		targets.put("sources", SOURCE);
		targets.put("quote", "Huawei and its affiliates have been added to the Bureau’s Entity List");
		String id = this.rest.post().uri("/api/inbox/documents").header("X-API-Key", TestCredentials.WRITE_KEY)
			.contentType(MediaType.APPLICATION_JSON).body(claim(targets))
			.exchange()
			.expectStatus().isCreated()
			.expectBody(Map.class).returnResult().getResponseBody().get("id").toString();
		this.rest.get().uri("/api/inbox/{id}", id).header("X-API-Key", TestCredentials.READ_KEY)
			.exchange()
			.expectStatus().isOk()
			.expectBody()
			.jsonPath("$.held['(" + POLICY + ")-[:TARGETS]->(company:huawei)'][0].confidence").isEqualTo(0.97)
			.jsonPath("$.proposal.notes[0]")
			.isEqualTo("changes what the graph holds: (" + POLICY + ")-[:TARGETS]->(company:huawei)");

		// The reviewer's edit turns the edge around: a company cannot target a measure.
		Map<String, String> reversed = new LinkedHashMap<>(targets);
		reversed.put("from", "company:huawei");
		reversed.put("to", POLICY);
		Map<String, Object> edits = Map.of("rows", Map.of("relationships", List.of(reversed)));
		this.rest.post().uri("/api/inbox/{id}/accept", id).header("X-API-Key", TestCredentials.WRITE_KEY)
			.contentType(MediaType.APPLICATION_JSON).body(edits)
			.exchange()
			.expectStatus().isEqualTo(422)
			.expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.type").isEqualTo("urn:lodestone:problem:invalid-dataset")
			.jsonPath("$.problems[0].file").isEqualTo("inbox/" + id + "/relationships.csv")
			.jsonPath("$.problems[0].line").isEqualTo(2)
			.jsonPath("$.problems[0].reason").value(reason -> assertThat(reason.toString()).contains("TARGETS"));
		assertThat(this.driver.executableQuery("""
				MATCH (:Entity {id: 'company:huawei'})-[r:TARGETS]->(:Entity {id: $policy}) RETURN count(r) AS n
				""").withParameters(Map.of("policy", POLICY)).execute().records().get(0).get("n").asLong()).isZero();

		this.rest.post().uri("/api/inbox/{id}/reject", id).header("X-API-Key", TestCredentials.WRITE_KEY)
			.contentType(MediaType.APPLICATION_JSON).body(Map.of("reason", " "))
			.exchange()
			.expectStatus().isBadRequest();
		this.rest.post().uri("/api/inbox/{id}/reject", id).header("X-API-Key", TestCredentials.WRITE_KEY)
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("reason", "the stored TARGETS edge already cites the Federal Register, a better source"))
			.exchange()
			.expectStatus().isOk()
			.expectBody()
			.jsonPath("$.status").isEqualTo("rejected")
			.jsonPath("$.decidedBy").isEqualTo("ci-writer")
			.jsonPath("$.reason").isEqualTo("the stored TARGETS edge already cites the Federal Register, a better source");
		assertThat(this.driver.executableQuery("""
				MATCH (:Entity {id: $policy})-[r:TARGETS]->(:Entity {id: 'company:huawei'}) RETURN r.confidence AS c
				""").withParameters(Map.of("policy", POLICY)).execute().records().get(0).get("c").asDouble())
			.as("a rejected proposal changes nothing").isEqualTo(0.97);
	}

	@Test
	void aQuoteThatIsNotInTheTextIsRefusedAndNothingIsProposed() {
		Map<String, String> row = statementRow();
		row.put("quote", QUOTE.replace("American", "US"));
		this.rest.post().uri("/api/inbox/documents").header("X-API-Key", TestCredentials.WRITE_KEY)
			.contentType(MediaType.APPLICATION_JSON).body(claim(row))
			.exchange()
			.expectStatus().isBadRequest()
			.expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.type").isEqualTo("urn:lodestone:problem:invalid-request")
			.jsonPath("$.parameter").isEqualTo("claim.relationships[0].quote");
		assertThat(proposalsFromDocuments()).isZero();
	}

	@Test
	void proposalsAreBoundedAndTheirColumnsChecked() {
		Map<String, String> typo = statementRow();
		typo.put("valid_from", "2019-05-16");
		this.rest.post().uri("/api/inbox/documents").header("X-API-Key", TestCredentials.WRITE_KEY)
			.contentType(MediaType.APPLICATION_JSON).body(claim(typo))
			.exchange()
			.expectStatus().isBadRequest()
			.expectBody().jsonPath("$.parameter").isEqualTo("claim.relationships[0]");
		List<Map<String, String>> many = new ArrayList<>();
		for (int i = 0; i <= InboxService.MAX_ROWS; i++) {
			many.add(statementRow());
		}
		Map<String, Object> tooMany = Map.of("url", URL, "text", this.text, "claim", Map.of("relationships", many));
		this.rest.post().uri("/api/inbox/documents").header("X-API-Key", TestCredentials.WRITE_KEY)
			.contentType(MediaType.APPLICATION_JSON).body(tooMany)
			.exchange()
			.expectStatus().isBadRequest()
			.expectBody().jsonPath("$.detail").isEqualTo("a proposal holds at most " + InboxService.MAX_ROWS + " rows");
		assertThat(proposalsFromDocuments()).isZero();
	}

	@Test
	void theInboxNeedsACredentialToReadAndAWriteCredentialToPropose() {
		this.rest.get().uri("/api/inbox").exchange().expectStatus().isUnauthorized();
		this.rest.get().uri("/api/inbox/proposal:0000000000000000").exchange().expectStatus().isUnauthorized();
		this.rest.get().uri("/api/inbox/proposal:0000000000000000").header("X-API-Key", TestCredentials.READ_KEY)
			.exchange()
			.expectStatus().isNotFound()
			.expectBody().jsonPath("$.type").isEqualTo("urn:lodestone:problem:proposal-not-found");
		this.rest.post().uri("/api/inbox/documents").header("X-API-Key", TestCredentials.READ_KEY)
			.contentType(MediaType.APPLICATION_JSON).body(claim(statementRow()))
			.exchange()
			.expectStatus().isForbidden();
		this.rest.post().uri("/api/inbox/connectors/federal-register/refresh").header("X-API-Key", TestCredentials.READ_KEY)
			.exchange()
			.expectStatus().isForbidden();
		this.rest.post().uri("/api/inbox/connectors/usgs/refresh").header("X-API-Key", TestCredentials.WRITE_KEY)
			.exchange()
			.expectStatus().isBadRequest()
			.expectBody().jsonPath("$.parameter").isEqualTo("connector");
		this.rest.get().uri("/api/inbox?status=maybe").header("X-API-Key", TestCredentials.READ_KEY)
			.exchange()
			.expectStatus().isBadRequest()
			.expectBody().jsonPath("$.parameter").isEqualTo("status");
		assertThat(proposalsFromDocuments()).isZero();
	}

	private Map<String, Object> claim(Map<String, String> relationship) {
		return Map.of("url", URL, "title", "Ross on the Huawei listing (Converge Digest)", "text", this.text, "claim",
				Map.of("relationships", List.of(relationship)));
	}

	// The bundled row of data/relationships-us-bis.csv, column for column.
	private static Map<String, String> statementRow() {
		Map<String, String> row = new LinkedHashMap<>();
		row.put("from", "person:wilbur-ross");
		row.put("to", POLICY);
		row.put("type", "STATED");
		row.put("validFrom", "2019-05-16");
		row.put("confidence", "0.85");
		row.put("sources", SOURCE);
		row.put("quote", QUOTE);
		row.put("note", "statement in the Commerce announcement quoted by Converge Digest; dated to the 16 May 2019 "
				+ "report (the announcement date itself is not given in the excerpt)");
		return row;
	}

	private boolean statementHeld() {
		return this.driver.executableQuery("""
				MATCH (:Entity {id: 'person:wilbur-ross'})-[r:STATED]->(:Entity {id: $policy}) RETURN count(r) AS n
				""").withParameters(Map.of("policy", POLICY)).execute().records().get(0).get("n").asLong() > 0;
	}

	private long proposalsFromDocuments() {
		return this.driver.executableQuery("MATCH (p:Proposal {connector: 'document'}) RETURN count(p) AS n")
			.execute().records().get(0).get("n").asLong();
	}

}
