package org.lodestone.history;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lodestone.IntegrationTest;
import org.lodestone.ingest.DatasetFile;
import org.lodestone.ingest.GraphImporter;
import org.lodestone.ingest.ImportOptions;
import org.lodestone.ingest.ImportProgress;
import org.lodestone.ingest.ImportReport;
import org.neo4j.driver.Driver;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code knownAt} on every read: a date corrected and a relationship retracted through the importer, then paths,
 * neighbours, a timeline, the diff and exposure analyses and a JSON export give, at an instant before the change, the
 * graph's word then and, after it, the new word; without {@code knownAt} they answer from the live graph.
 */
class KnownAtReadsIT extends IntegrationTest {

	static final String SOURCES = """
			id,publisher,title,date,url,type
			src:kat-2025-01-01-probe,Lodestone test suite,knownAt probe,2025-01-01,https://example.org/known-at,data
			""";

	static final String ENTITIES = """
			id,subtype,name,aliases,description,announced,effective,suspendedUntil,rescinded,sources
			company:kat-a,Company,Kat A,,,,,,,
			company:kat-b,Company,Kat B,,,,,,,
			company:kat-c,Company,Kat C,,,,,,,
			company:kat-miner,Company,Kat Miner,,,,,,,
			mineral:kat-ore,Element,Kat ore,,,,,,,
			product:kat-widget,Component,Kat widget,,,,,,,
			""";

	static final String RELATIONSHIPS = """
			from,to,type,validFrom,validTo,confidence,sources,quote,share,note
			company:kat-a,company:kat-b,MEMBER_OF,2025-01-01,,0.9,src:kat-2025-01-01-probe,,,
			company:kat-b,company:kat-c,MEMBER_OF,2025-03-01,,0.9,src:kat-2025-01-01-probe,,,
			mineral:kat-ore,product:kat-widget,USED_IN,2025-01-01,,0.9,src:kat-2025-01-01-probe,,,
			company:kat-miner,mineral:kat-ore,SUPPLIES,2025-01-01,,0.9,src:kat-2025-01-01-probe,,0.7,
			""";

	// The correction: B joined C in April, not March, and the miner's share is 90 %; A-B is retracted.
	static final String CORRECTED = """
			from,to,type,validFrom,validTo,confidence,sources,quote,share,note
			company:kat-b,company:kat-c,MEMBER_OF,2025-04-01,,0.9,src:kat-2025-01-01-probe,,,
			mineral:kat-ore,product:kat-widget,USED_IN,2025-01-01,,0.9,src:kat-2025-01-01-probe,,,
			company:kat-miner,mineral:kat-ore,SUPPLIES,2025-01-01,,0.9,src:kat-2025-01-01-probe,,0.9,
			""";

	static final String AB = "company:kat-a|MEMBER_OF|company:kat-b";

	static final String BC = "company:kat-b|MEMBER_OF|company:kat-c";

	@Autowired
	Driver driver;

	@Autowired
	GraphImporter importer;

	@Autowired
	RestTestClient rest;

	Instant before;

	Instant after;

	@BeforeEach
	void recordThenCorrectAndRetract() {
		ImportReport added = importCsv(RELATIONSHIPS, ImportOptions.unattended("kat-test"));
		ImportReport corrected = importCsv(CORRECTED, new ImportOptions("kat-analyst",
				"the filing dates the membership to April; A never joined B", false, List.of(AB), true));
		assertThat(corrected.corrected()).isEqualTo(2);
		assertThat(corrected.retracted()).isEqualTo(1);
		this.before = added.recordedAt().toInstant();
		this.after = corrected.recordedAt().toInstant();
	}

	// Through the importer, so the probes' versions are closed and an earlier knownAt of the next test does not find
	// them; a delete around the importer would leave their versions open.
	@AfterEach
	void retractProbes() {
		this.importer.importDataset(this.importer.read(List.of(file("sources.csv", SOURCES))),
				new ImportOptions("kat-test", "test cleanup", false, List.of("company:kat-a", "company:kat-b",
						"company:kat-c", "company:kat-miner", "mineral:kat-ore", "product:kat-widget"), true),
				ImportProgress.NONE);
	}

	@Test
	void aPathThroughARetractedRelationshipIsFoundOnlyAtAnEarlierKnownAtWithTheHopsChangedSince() {
		this.rest.get().uri("/api/paths?from=company:kat-a&to=company:kat-c&knownAt={at}", this.before).exchange()
			.expectStatus().isOk()
			.expectBody()
			.jsonPath("$.answer.paths[0].hops[*].id").isEqualTo(List.of(AB, BC))
			.jsonPath("$.answer.paths[0].hops[1].validFrom").isEqualTo("2025-03-01")
			.jsonPath("$.changedSince").isEqualTo(true)
			.jsonPath("$.paths[0].unchangedSince").isEqualTo(false)
			.jsonPath("$.paths[0].hops[0].status").isEqualTo("retracted")
			.jsonPath("$.paths[0].hops[1].status").isEqualTo("corrected")
			.jsonPath("$.paths[0].hops[1].then.properties.validFrom").isEqualTo("2025-03-01");
		this.rest.get().uri("/api/paths?from=company:kat-a&to=company:kat-c&knownAt={at}", this.after).exchange()
			.expectStatus().isOk()
			.expectBody()
			.jsonPath("$.answer.paths").isEmpty()
			.jsonPath("$.changedSince").isEqualTo(false);
		this.rest.get().uri("/api/paths?from=company:kat-b&to=company:kat-c&knownAt={at}", this.after).exchange()
			.expectStatus().isOk()
			.expectBody()
			.jsonPath("$.answer.paths[0].hops[0].validFrom").isEqualTo("2025-04-01")
			.jsonPath("$.paths[0].hops[0].status").isEqualTo("unchanged");
		// A hop added later is not found before it was recorded: then the graph did not even hold A.
		this.rest.get().uri("/api/paths?from=company:kat-a&to=company:kat-c&knownAt={at}", this.before.minusMillis(1))
			.exchange()
			.expectStatus().isNotFound()
			.expectBody().jsonPath("$.type").isEqualTo("urn:lodestone:problem:entity-not-found");
		// Without knownAt: the live graph, in the plain PathAnswer it always was.
		this.rest.get().uri("/api/paths?from=company:kat-a&to=company:kat-c").exchange()
			.expectStatus().isOk()
			.expectBody()
			.jsonPath("$.paths").isEmpty()
			.jsonPath("$.answer").doesNotExist();
	}

	@Test
	void neighboursAndTimelineAnswerAsTheGraphSaidAtKnownAtAndAnswerCachesKeepTheGraphsApart() {
		// Live first, so a cached live answer would show if the cache ignored knownAt.
		this.rest.get().uri("/api/entities/company:kat-a/neighbors").exchange()
			.expectStatus().isOk()
			.expectBody().jsonPath("$.nodes[?(@.id == 'company:kat-b')]").isEmpty();
		this.rest.get().uri("/api/entities/company:kat-a/neighbors?knownAt={at}", this.before).exchange()
			.expectStatus().isOk()
			.expectBody().jsonPath("$.nodes[?(@.id == 'company:kat-b')].name").isEqualTo(List.of("Kat B"));
		this.rest.get().uri("/api/entities/company:kat-a/neighbors?knownAt={at}", this.after).exchange()
			.expectStatus().isOk()
			.expectBody().jsonPath("$.nodes[?(@.id == 'company:kat-b')]").isEmpty();
		this.rest.get().uri("/api/entities/company:kat-b/timeline?knownAt={at}", this.before).exchange()
			.expectStatus().isOk()
			.expectBody().jsonPath("$[*].date").value(dates -> assertThat(strings(dates)).contains("2025-03-01")
				.doesNotContain("2025-04-01"));
		this.rest.get().uri("/api/entities/company:kat-b/timeline").exchange()
			.expectStatus().isOk()
			.expectBody().jsonPath("$[*].date").value(dates -> assertThat(strings(dates)).contains("2025-04-01")
				.doesNotContain("2025-03-01"));
	}

	@Test
	void theDiffAndExposureAnalysesGiveTheOldAnswerBeforeTheCorrectionAndTheNewAfter() {
		String diff = "/api/diff?from=2025-02-15&to=2025-03-15";
		this.rest.get().uri(diff + "&knownAt={at}", this.before).exchange()
			.expectStatus().isOk()
			.expectBody().jsonPath("$.changes[?(@.change == 'relationship-started')].subject")
			.value(ids -> assertThat(strings(ids)).contains(BC));
		this.rest.get().uri(diff + "&knownAt={at}", this.after).exchange()
			.expectStatus().isOk()
			.expectBody().jsonPath("$.changes[?(@.change == 'relationship-started')].subject")
			.value(ids -> assertThat(strings(ids)).doesNotContain(BC));
		String exposure = "/api/exposure/product:kat-widget?asOf=2025-06-01";
		this.rest.get().uri(exposure + "&knownAt={at}", this.before).exchange()
			.expectStatus().isOk()
			.expectBody().jsonPath("$.chokepoints[0].dominantSupplier.share").isEqualTo(0.7);
		this.rest.get().uri(exposure + "&knownAt={at}", this.after).exchange()
			.expectStatus().isOk()
			.expectBody().jsonPath("$.chokepoints[0].dominantSupplier.share").isEqualTo(0.9);
		this.rest.get().uri(exposure).exchange()
			.expectStatus().isOk()
			.expectBody().jsonPath("$.chokepoints[0].dominantSupplier.share").isEqualTo(0.9);
	}

	@Test
	void aCypherQueryWithKnownAtReadsTheGraphAsRecordedThen() {
		String query = "MATCH (:Entity {id: 'company:kat-a'})-[r]->(b) RETURN b.id AS to";
		this.rest.post().uri("/api/cypher").contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("query", query, "knownAt", this.before.toString())).exchange()
			.expectStatus().isOk()
			.expectBody().jsonPath("$.rows[*][0]").value(ids -> assertThat(strings(ids)).containsExactly("company:kat-b"));
		// After the retraction, and on the live graph, company:kat-a has no outgoing relationship.
		this.rest.post().uri("/api/cypher").contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("query", query, "knownAt", this.after.toString())).exchange()
			.expectStatus().isOk()
			.expectBody().jsonPath("$.rows.length()").isEqualTo(0);
		this.rest.post().uri("/api/cypher").contentType(MediaType.APPLICATION_JSON).body(Map.of("query", query))
			.exchange()
			.expectStatus().isOk()
			.expectBody().jsonPath("$.rows.length()").isEqualTo(0);
		// The guard still refuses writes on a recorded graph.
		this.rest.post().uri("/api/cypher").contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("query", "CREATE (:Entity {id: 'x'})", "knownAt", this.before.toString())).exchange()
			.expectStatus().isForbidden();
	}

	@Test
	void aJsonExportAtKnownAtStreamsTheGraphAsRecordedThen() {
		assertThat(edges(export("/api/export?format=json&knownAt=" + this.before))).contains(AB, BC);
		assertThat(edges(export("/api/export?format=json&knownAt=" + this.after))).contains(BC).doesNotContain(AB);
		assertThat(edges(export("/api/export?format=json&scope=neighborhood&id=company:kat-a&knownAt="
				+ this.before))).containsExactly(AB);
		assertThat(edges(export("/api/export?format=json"))).contains(BC).doesNotContain(AB);
	}

	@Test
	void theFirstStartRecordedItsVersionsSoKnownAtJustAfterItIsTheGraphItLoaded() {
		var change = this.driver.executableQuery("""
				MATCH (c:Change {id: 'change:1'})
				RETURN c.by AS by, c.at AS at, c.added AS added,
				       COUNT { MATCH (v:Version {changeId: 'change:1'}) } AS versions""").execute().records().get(0);
		assertThat(change.get("by").asString()).isEqualTo("first-start");
		assertThat(change.get("versions").asLong()).isEqualTo(change.get("added").asLong()).isGreaterThan(100);
		Instant started = change.get("at").asZonedDateTime().toInstant();
		Set<String> loaded = new HashSet<>(this.driver.executableQuery("""
				MATCH (v:Version {changeId: 'change:1'}) WHERE v.of IN ['entity', 'source'] RETURN v.element AS id""")
			.execute().records().stream().map(record -> record.get("id").asString()).toList());
		JsonNode graph = export("/api/export?format=json&knownAt=" + started.plusMillis(1));
		Set<String> nodes = new HashSet<>();
		graph.get("nodes").forEach(node -> nodes.add(node.get("id").asString()));
		// What the first start loaded; elements other tests wrote around the importer have no version and join every
		// recorded graph, but nothing imported later does.
		assertThat(nodes).containsAll(loaded).contains("mineral:ndpr").doesNotContain("company:kat-a", "company:feed-a");
		this.rest.get().uri("/api/entities/mineral:ndpr/history").exchange()
			.expectStatus().isOk()
			.expectBody()
			.jsonPath("$.versions[?(@.element == 'mineral:ndpr')].recorded.by").isEqualTo(List.of("first-start"));
	}

	@Test
	void aKnownAtInTheFutureOrBeforeTheFirstChangeIsRefusedNamingKnownAt() {
		this.rest.get().uri("/api/entities/company:kat-a/neighbors?knownAt={at}",
				ZonedDateTime.now().plusDays(1).toInstant()).exchange()
			.expectStatus().isBadRequest()
			.expectBody().jsonPath("$.parameter").isEqualTo("knownAt");
		this.rest.get().uri("/api/linkages?knownAt=2001-01-01").exchange()
			.expectStatus().isBadRequest()
			.expectBody()
			.jsonPath("$.parameter").isEqualTo("knownAt")
			.jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("before the graph's first"));
		this.rest.get().uri("/api/linkages?knownAt=yesterday").exchange()
			.expectStatus().isBadRequest()
			.expectBody().jsonPath("$.parameter").isEqualTo("knownAt");
	}

	private JsonNode export(String uri) {
		byte[] body = this.rest.get().uri(uri).exchange().expectStatus().isOk().expectBody().returnResult()
			.getResponseBody();
		return JsonMapper.builder().build().readTree(body);
	}

	private static List<String> edges(JsonNode graph) {
		List<String> ids = new java.util.ArrayList<>();
		graph.get("edges").forEach(edge -> ids.add(edge.get("from").asString() + "|" + edge.get("type").asString()
				+ "|" + edge.get("to").asString()));
		return ids;
	}

	@SuppressWarnings("unchecked")
	private static List<String> strings(Object values) {
		return (List<String>) values;
	}

	private ImportReport importCsv(String relationships, ImportOptions options) {
		return this.importer.importDataset(this.importer.read(List.of(file("sources.csv", SOURCES),
				file("entities.csv", ENTITIES), file("relationships.csv", relationships))), options,
				ImportProgress.NONE);
	}

	private static DatasetFile file(String name, String content) {
		return new DatasetFile("data/" + name, () -> new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8)));
	}

}
