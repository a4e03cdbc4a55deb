package org.lodestone.history;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import com.rometools.rome.feed.atom.Entry;
import com.rometools.rome.feed.atom.Feed;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.WireFeedInput;
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

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What changed, one entity's history, their Atom feeds, and {@code knownAt}: before and after a correction, the graph
 * gives the two answers it gave then.
 */
class HistoryIT extends IntegrationTest {

	static final String SOURCES = """
			id,publisher,title,date,url,type
			src:feed-2025-01-01-probe,Lodestone test suite,Feed probe,2025-01-01,https://example.org/feed,data
			""";

	static final String ENTITIES = """
			id,subtype,name,aliases,description,announced,effective,suspendedUntil,rescinded,sources
			company:feed-a,Company,Feed A,,,,,,,
			company:feed-b,Company,Feed B,,,,,,,
			""";

	static final String RELATIONSHIPS = """
			from,to,type,validFrom,validTo,confidence,sources,quote,share,note
			company:feed-a,company:feed-b,MEMBER_OF,2025-01-01,,0.5,src:feed-2025-01-01-probe,,,
			""";

	static final String AB = "company:feed-a|MEMBER_OF|company:feed-b";

	@Autowired
	Driver driver;

	@Autowired
	GraphImporter importer;

	@Autowired
	RestTestClient rest;

	ImportReport added;

	ImportReport corrected;

	@BeforeEach
	void addThenCorrect() {
		this.added = importCsv(RELATIONSHIPS, ImportOptions.unattended("feed-test"));
		this.corrected = importCsv(RELATIONSHIPS.replace("MEMBER_OF,2025-01-01", "MEMBER_OF,2025-02-01"),
				new ImportOptions("feed-analyst", "the filing dates the membership to February", false, List.of(),
						true));
	}

	@AfterEach
	void removeProbes() {
		this.driver.executableQuery("""
				MATCH (n) WHERE n.id STARTS WITH 'company:feed-' OR n.id = 'src:feed-2025-01-01-probe'
				DETACH DELETE n""").execute();
		this.driver.executableQuery("""
				MATCH (v:Version) WHERE v.element STARTS WITH 'company:feed-' OR v.element = 'src:feed-2025-01-01-probe'
				DELETE v""").execute();
		this.driver.executableQuery("MATCH (c:Change) WHERE c.by IN ['feed-test', 'feed-analyst'] DELETE c").execute();
	}

	@Test
	void changesSinceAnInstantListEachChangeNewestFirstWithBeforeAfterWhoAndWhy() {
		this.rest.get().uri("/api/changes?since={since}", this.added.recordedAt().toInstant()).exchange()
			.expectStatus().isOk()
			.expectBody()
			.jsonPath("$.changes.length()").isEqualTo(5)
			.jsonPath("$.more").isEqualTo(false)
			.jsonPath("$.changes[0].what").isEqualTo("corrected")
			.jsonPath("$.changes[0].element").isEqualTo(AB)
			.jsonPath("$.changes[0].changeId").isEqualTo(this.corrected.changeId())
			.jsonPath("$.changes[0].by").isEqualTo("feed-analyst")
			.jsonPath("$.changes[0].reason").isEqualTo("the filing dates the membership to February")
			.jsonPath("$.changes[0].before.validFrom").isEqualTo("2025-01-01")
			.jsonPath("$.changes[0].after.validFrom").isEqualTo("2025-02-01")
			.jsonPath("$.changes[0].after.from").isEqualTo("company:feed-a")
			.jsonPath("$.changes[0].sources[0].id").isEqualTo("src:feed-2025-01-01-probe")
			.jsonPath("$.changes[1].what").isEqualTo("added")
			.jsonPath("$.changes[1].before").doesNotExist()
			// A source's own type (news, official, data, ...) is one of its properties.
			.jsonPath("$.changes[?(@.element == 'src:feed-2025-01-01-probe')].after.type").isEqualTo(List.of("data"));

		// Paged: two at a time, the same changes in the same order.
		this.rest.get().uri("/api/changes?since={since}&limit=2", this.added.recordedAt().toInstant()).exchange()
			.expectBody()
			.jsonPath("$.changes.length()").isEqualTo(2)
			.jsonPath("$.more").isEqualTo(true)
			.jsonPath("$.changes[0].element").isEqualTo(AB);
		this.rest.get().uri("/api/changes?since={since}&limit=2&offset=4", this.added.recordedAt().toInstant())
			.exchange()
			.expectBody()
			.jsonPath("$.changes.length()").isEqualTo(1)
			.jsonPath("$.more").isEqualTo(false);

		// Since the correction only the correction.
		this.rest.get().uri("/api/changes?since={since}", this.corrected.recordedAt().toInstant()).exchange()
			.expectBody()
			.jsonPath("$.changes.length()").isEqualTo(1);
	}

	@Test
	void theChangesFeedParsesWithRomeAsAtom() throws Exception {
		String xml = this.rest.get().uri("/api/changes.atom?since={since}", this.added.recordedAt().toInstant())
			.exchange()
			.expectStatus().isOk()
			.expectHeader().contentTypeCompatibleWith(MediaType.parseMediaType("application/atom+xml"))
			.expectBody(String.class).returnResult().getResponseBody();

		SyndFeed feed = new SyndFeedInput().build(new StringReader(xml));
		assertThat(feed.getFeedType()).isEqualTo("atom_1.0");
		assertThat(feed.getEntries()).hasSize(5);
		SyndEntry first = feed.getEntries().get(0);
		assertThat(first.getTitle()).isEqualTo("corrected relationship " + AB);
		assertThat(first.getAuthor()).isEqualTo("feed-analyst");
		assertThat(first.getDescription().getValue()).contains("Reason: the filing dates the membership to February",
				"validFrom: 2025-01-01 -> 2025-02-01", "Source: Lodestone test suite, \"Feed probe\"");
		// Atom dates are written to the second (RFC 3339 as ROME writes them).
		assertThat(first.getUpdatedDate().toInstant())
			.isEqualTo(this.corrected.recordedAt().toInstant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
		assertThat(first.getLink()).endsWith("/api/entities/company%3Afeed-a/history");
		assertAtom(xml);
	}

	@Test
	void anEntitysFeedHoldsOnlyItsOwnChanges() throws Exception {
		String xml = this.rest.get().uri("/api/entities/company:feed-b/history.atom").exchange()
			.expectStatus().isOk()
			.expectBody(String.class).returnResult().getResponseBody();
		SyndFeed feed = new SyndFeedInput().build(new StringReader(xml));
		assertThat(feed.getEntries()).extracting(SyndEntry::getTitle).containsExactly(
				"corrected relationship " + AB, "added relationship " + AB, "added entity company:feed-b");
		assertAtom(xml);

		this.rest.get().uri("/api/entities/company:feed-nobody/history.atom").exchange()
			.expectStatus().isNotFound();
	}

	@Test
	void aWatchListFeedAndAPathQuestionFeedHoldTheChangesOfWhatTheyName() throws Exception {
		String watched = this.rest.get().uri("/api/changes.atom?ids=company:feed-b,company:feed-nobody&since={since}",
				this.added.recordedAt().toInstant())
			.exchange()
			.expectStatus().isOk()
			.expectBody(String.class).returnResult().getResponseBody();
		assertThat(new SyndFeedInput().build(new StringReader(watched)).getEntries()).extracting(SyndEntry::getTitle)
			.containsExactly("corrected relationship " + AB, "added relationship " + AB, "added entity company:feed-b");
		assertAtom(watched);

		String path = this.rest.get().uri("/api/paths.atom?from=company:feed-a&to=company:feed-b").exchange()
			.expectStatus().isOk()
			.expectBody(String.class).returnResult().getResponseBody();
		SyndFeed feed = new SyndFeedInput().build(new StringReader(path));
		assertThat(feed.getTitle()).isEqualTo("Lodestone: changes on the paths from Feed A to Feed B");
		// Newest first; within one change by element id, where an entity's id sorts before its relationships'.
		assertThat(feed.getEntries()).extracting(SyndEntry::getTitle).containsExactly("corrected relationship " + AB,
				"added entity company:feed-a", "added relationship " + AB, "added entity company:feed-b");
		assertAtom(path);
	}

	@Test
	void anEntitysHistoryListsEveryVersionOldestFirst() {
		this.rest.get().uri("/api/entities/company:feed-a/history").exchange()
			.expectStatus().isOk()
			.expectBody()
			.jsonPath("$.versions.length()").isEqualTo(3)
			.jsonPath("$.versions[?(@.element == '" + AB + "')].properties.validFrom")
			.isEqualTo(List.of("2025-01-01", "2025-02-01"))
			.jsonPath("$.versions[?(@.element == '" + AB + "' && @.current == false)].endedBy")
			.isEqualTo(List.of("corrected"))
			.jsonPath("$.versions[?(@.element == '" + AB + "' && @.current == false)].superseded.reason")
			.isEqualTo(List.of("the filing dates the membership to February"))
			.jsonPath("$.versions[?(@.element == 'company:feed-a')].recordedAs").isEqualTo(List.of("added"));
	}

	@Test
	void anEntityStoredBeforeHistoryWasKeptShowsItsCurrentWordWithoutARecordingTime() {
		// Written around the importer, as a store made before history was kept holds its elements: no version.
		this.driver.executableQuery("""
				CREATE (:Entity:Actor:Company {id: 'company:feed-legacy', name: 'Feed Legacy', kind: 'Actor',
				        subtype: 'Company'})""").execute();
		this.rest.get().uri("/api/entities/company:feed-legacy/history").exchange()
			.expectStatus().isOk()
			.expectBody()
			.jsonPath("$.versions[?(@.element == 'company:feed-legacy')].properties.name")
			.isEqualTo(List.of("Feed Legacy"))
			.jsonPath("$.versions[?(@.element == 'company:feed-legacy')].recordedAt")
			.isEqualTo(java.util.Collections.singletonList(null));
		// The bundled data, loaded offline on the first start, was recorded then.
		this.rest.get().uri("/api/entities/mineral:ndpr/history").exchange()
			.expectStatus().isOk()
			.expectBody()
			.jsonPath("$.versions[?(@.element == 'mineral:ndpr')].properties.name")
			.isEqualTo(List.of("NdPr (neodymium-praseodymium)"))
			.jsonPath("$.versions[?(@.element == 'mineral:ndpr')].recordedAs").isEqualTo(List.of("added"));
		this.rest.get().uri("/api/entities/company:feed-nobody/history").exchange()
			.expectStatus().isNotFound()
			.expectBody().jsonPath("$.type").isEqualTo("urn:lodestone:problem:entity-not-found");
	}

	@Test
	void anElementStoredBeforeHistoryWasKeptIsInTheGraphAtEveryEarlierKnownAt() {
		this.driver.executableQuery("""
				CREATE (:Entity:Actor:Company {id: 'company:feed-legacy', name: 'Feed Legacy', kind: 'Actor',
				        subtype: 'Company'})""").execute();
		// At an instant before the last change, the graph is rebuilt from versions, plus what has none.
		this.rest.get().uri("/api/entities?q=Feed Legacy&knownAt={at}", this.added.recordedAt().toInstant())
			.exchange()
			.expectStatus().isOk()
			.expectBody().jsonPath("$[*].id").value(ids -> assertThat((List<Object>) ids).contains("company:feed-legacy"));
	}

	@Test
	void knownAtBeforeAndAfterACorrectionGivesTheTwoAnswers() {
		Instant before = this.added.recordedAt().toInstant();
		Instant after = this.corrected.recordedAt().toInstant();
		// The versions that were the graph's word then, with their recording.
		this.rest.get().uri("/api/entities/company:feed-a/history?knownAt={at}", before).exchange()
			.expectStatus().isOk()
			.expectBody()
			.jsonPath("$.entity.properties.name").isEqualTo("Feed A")
			.jsonPath("$.relationships[0].properties.validFrom").isEqualTo("2025-01-01");
		this.rest.get().uri("/api/entities/company:feed-a/history?knownAt={at}", after).exchange()
			.expectStatus().isOk()
			.expectBody()
			.jsonPath("$.relationships[0].properties.validFrom").isEqualTo("2025-02-01")
			.jsonPath("$.relationships[0].recorded.by").isEqualTo("feed-analyst");
		// The entity's details in their usual shape, read from the graph as recorded then.
		this.rest.get().uri("/api/entities/company:feed-a?knownAt={at}", before).exchange()
			.expectStatus().isOk()
			.expectBody()
			.jsonPath("$.name").isEqualTo("Feed A")
			.jsonPath("$.relationships").isEqualTo(1)
			.jsonPath("$.entity").doesNotExist();
		// Before it was first recorded the graph did not know it.
		this.rest.get().uri("/api/entities/company:feed-a/history?knownAt={at}", before.minusMillis(1)).exchange()
			.expectStatus().isNotFound();
		this.rest.get().uri("/api/entities/company:feed-a?knownAt={at}", before.minusMillis(1)).exchange()
			.expectStatus().isNotFound();
		// Without knownAt the entity endpoint answers as it always did.
		this.rest.get().uri("/api/entities/company:feed-a").exchange()
			.expectStatus().isOk()
			.expectBody().jsonPath("$.name").isEqualTo("Feed A").jsonPath("$.entity").doesNotExist();
	}

	@Test
	void aPathReadWithKnownAtSaysWhichHopsTheGraphSaidOtherwiseThen() {
		Instant before = this.added.recordedAt().toInstant();
		Instant after = this.corrected.recordedAt().toInstant();
		this.rest.get().uri("/api/paths?from=company:feed-a&to=company:feed-b&knownAt={at}", before).exchange()
			.expectStatus().isOk()
			.expectBody()
			.jsonPath("$.answer.paths[0].hops[0].id").isEqualTo(AB)
			.jsonPath("$.answer.paths[0].hops[0].validFrom").isEqualTo("2025-01-01")
			.jsonPath("$.changedSince").isEqualTo(true)
			.jsonPath("$.paths[0].unchangedSince").isEqualTo(false)
			.jsonPath("$.paths[0].hops[0].status").isEqualTo("corrected")
			.jsonPath("$.paths[0].hops[0].then.properties.validFrom").isEqualTo("2025-01-01");
		this.rest.get().uri("/api/paths?from=company:feed-a&to=company:feed-b&knownAt={at}", after).exchange()
			.expectStatus().isOk()
			.expectBody()
			.jsonPath("$.answer.paths[0].hops[0].validFrom").isEqualTo("2025-02-01")
			.jsonPath("$.changedSince").isEqualTo(false)
			.jsonPath("$.paths[0].hops[0].status").isEqualTo("unchanged")
			.jsonPath("$.paths[0].hops[0].then.properties.validFrom").isEqualTo("2025-02-01");
		// Before the entities were recorded, the graph did not know them.
		this.rest.get().uri("/api/paths?from=company:feed-a&to=company:feed-b&knownAt={at}", before.minusMillis(1))
			.exchange()
			.expectStatus().isNotFound();
		// Without knownAt, the path endpoint's answer is the plain PathAnswer it always was.
		this.rest.get().uri("/api/paths?from=company:feed-a&to=company:feed-b").exchange()
			.expectStatus().isOk()
			.expectBody()
			.jsonPath("$.paths[0].hops[0].validFrom").isEqualTo("2025-02-01")
			.jsonPath("$.answer").doesNotExist();
	}

	@Test
	void badInstantsAndPagesAreRefusedNamingTheParameter() {
		this.rest.get().uri("/api/changes?since=yesterday").exchange()
			.expectStatus().isBadRequest().expectBody().jsonPath("$.parameter").isEqualTo("since");
		this.rest.get().uri("/api/changes?limit=100000").exchange()
			.expectStatus().isBadRequest().expectBody().jsonPath("$.parameter").isEqualTo("limit");
		this.rest.get().uri("/api/entities/company:feed-a?knownAt=2026-13-01").exchange()
			.expectStatus().isBadRequest().expectBody().jsonPath("$.parameter").isEqualTo("knownAt");
	}

	// Atom's required elements (RFC 4287 4.1.1, 4.1.2): a feed and each entry have an id, a title and an updated
	// time, and each entry an author where the feed names none.
	private static void assertAtom(String xml) throws Exception {
		Feed atom = (Feed) new WireFeedInput().build(new StringReader(xml));
		assertThat(atom.getId()).startsWith("urn:lodestone:");
		assertThat(atom.getTitle()).isNotBlank();
		assertThat(atom.getUpdated()).isNotNull();
		assertThat(atom.getOtherLinks().isEmpty() && atom.getAlternateLinks().isEmpty()).isFalse();
		for (Entry entry : atom.getEntries()) {
			assertThat(entry.getId()).startsWith("urn:lodestone:change:");
			assertThat(entry.getTitle()).isNotBlank();
			assertThat(entry.getUpdated()).isNotNull();
			assertThat(entry.getAuthors()).isNotEmpty();
		}
		assertThat(xml.getBytes(StandardCharsets.UTF_8)).isNotEmpty();
	}

	private ImportReport importCsv(String relationships, ImportOptions options) {
		return this.importer.importDataset(this.importer.read(List.of(file("sources.csv", SOURCES),
				file("entities.csv", ENTITIES), file("relationships.csv", relationships))), options,
				ImportProgress.NONE);
	}

	private static DatasetFile file(String name, String content) {
		return new DatasetFile("data/" + name,
				() -> new java.io.ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8)));
	}

}
