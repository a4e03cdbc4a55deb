package org.lodestone.ingest;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.lodestone.IntegrationTest;
import org.lodestone.request.InvalidRequestException;
import org.lodestone.support.StoredGraph;
import org.lodestone.support.TestCredentials;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.neo4j.driver.exceptions.TransientException;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.test.web.servlet.client.RestTestClient;
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The graph's recorded history: imports correct and retract without erasing, record who and why, record nothing when
 * nothing changed, and leave no trace when they fail.
 */
class RecordedHistoryIT extends IntegrationTest {

	static final String SOURCES = """
			id,publisher,title,date,url,type
			src:history-2025-01-01-probe,Lodestone test suite,History probe,2025-01-01,https://example.org/history,data
			""";

	static final String ENTITIES = """
			id,subtype,name,aliases,description,announced,effective,suspendedUntil,rescinded,sources
			company:history-a,Company,History A,,,,,,,
			company:history-b,Company,History B,,,,,,,
			company:history-c,Company,History C,,,,,,,
			""";

	static final String RELATIONSHIPS = """
			from,to,type,validFrom,validTo,confidence,sources,quote,share,note
			company:history-a,company:history-b,MEMBER_OF,2025-01-01,,0.5,src:history-2025-01-01-probe,,,
			company:history-b,company:history-c,MEMBER_OF,2025-01-01,,0.5,src:history-2025-01-01-probe,,,
			""";

	static final String AB = "company:history-a|MEMBER_OF|company:history-b";

	static final String BC = "company:history-b|MEMBER_OF|company:history-c";

	@Autowired
	Driver driver;

	@Autowired
	GraphImporter importer;

	@Autowired
	RestTestClient rest;

	@AfterEach
	void removeProbes() {
		this.driver.executableQuery("""
				MATCH (n) WHERE n.id STARTS WITH 'company:history-' OR n.id = 'src:history-2025-01-01-probe'
				DETACH DELETE n""").execute();
		// The probes' history too, so that every test starts without versions of them.
		this.driver.executableQuery("""
				MATCH (v:Version) WHERE v.element STARTS WITH 'company:history-'
				   OR v.element = 'src:history-2025-01-01-probe'
				DELETE v""").execute();
		this.driver.executableQuery("""
				MATCH (c:Change)
				WHERE NOT EXISTS { MATCH (v:Version {changeId: c.id}) }
				  AND NOT EXISTS { MATCH (v:Version {supersededBy: c.id}) }
				DELETE c""").execute();
	}

	@Test
	void correctingADateSupersedesTheOldVersionAndKeepsIt() {
		ImportReport first = importCsv(RELATIONSHIPS, ImportOptions.unattended("history-test"));
		assertThat(first.added()).isEqualTo(1 + 3 + 2);
		ImportReport second = importCsv(RELATIONSHIPS.replaceFirst("MEMBER_OF,2025-01-01", "MEMBER_OF,2025-02-01"),
				new ImportOptions("analyst", "the membership began in February (checked the filing)", false, List.of(),
						true));

		assertThat(second.corrected()).isEqualTo(1);
		assertThat(second.added()).isZero();
		assertThat(second.unchanged()).isEqualTo(1 + 3 + 1);
		assertThat(second.relationships()).isEqualTo(new ImportReport.Counts(0, 1, 1));
		List<Record> versions = versions(AB);
		assertThat(versions).hasSize(2);
		Record old = versions.get(0);
		Record current = versions.get(1);
		assertThat(old.get("validFrom").asLocalDate()).hasToString("2025-01-01");
		assertThat(old.get("changeId").asString()).isEqualTo(first.changeId());
		assertThat(old.get("supersededBy").asString()).isEqualTo(second.changeId());
		assertThat(old.get("endedBy").asString()).isEqualTo("corrected");
		assertThat(old.get("supersededAt").asOffsetDateTime()).isEqualTo(second.recordedAt());
		assertThat(current.get("validFrom").asLocalDate()).hasToString("2025-02-01");
		assertThat(current.get("recordedAt").asOffsetDateTime()).isEqualTo(second.recordedAt());
		assertThat(current.get("supersededAt").isNull()).isTrue();
		assertThat(current.get("recordedAs").asString()).isEqualTo("corrected");
		// The unchanged relationship keeps the one version it had.
		assertThat(versions(BC)).hasSize(1);

		Record change = change(second.changeId());
		assertThat(change.get("by").asString()).isEqualTo("analyst");
		assertThat(change.get("reason").asString()).isEqualTo("the membership began in February (checked the filing)");
		assertThat(change.get("corrected").asLong()).isEqualTo(1);
		// The current graph holds only the new word.
		assertThat(this.driver.executableQuery("""
				MATCH (:Entity {id: 'company:history-a'})-[r:MEMBER_OF]->(:Entity {id: 'company:history-b'})
				RETURN collect(toString(r.validFrom)) AS dates""").execute().records().get(0).get("dates")
			.asList()).containsExactly("2025-02-01");
	}

	@Test
	void aCorrectionThroughTheApiNeedsAReasonAndRecordsTheCredentialsName() {
		importCsv(RELATIONSHIPS, ImportOptions.unattended("history-test"));
		long changes = count("MATCH (c:Change) RETURN count(c) AS n");
		String corrected = RELATIONSHIPS.replaceFirst(",0\\.5,", ",0.9,");

		upload(corrected, null, null).expectStatus().isBadRequest()
			.expectBody().jsonPath("$.parameter").isEqualTo("reason");
		assertThat(count("MATCH (c:Change) RETURN count(c) AS n")).isEqualTo(changes);
		assertThat(versions(AB)).hasSize(1);

		upload(corrected, "confidence raised after a second source", null).expectStatus().isOk()
			.expectBody()
			.jsonPath("$.corrected").isEqualTo(1)
			.jsonPath("$.added").isEqualTo(0)
			.jsonPath("$.retracted").isEqualTo(0)
			.jsonPath("$.unchanged").isEqualTo(5)
			.jsonPath("$.changeId").value(String.class, id -> {
				Record change = change(id);
				assertThat(change.get("by").asString()).isEqualTo("ci-writer");
				assertThat(change.get("reason").asString()).isEqualTo("confidence raised after a second source");
			});
	}

	@Test
	void retractingARelationshipTakesItOutOfTheCurrentGraphAndKeepsItsHistory() {
		ImportReport first = importCsv(RELATIONSHIPS, ImportOptions.unattended("history-test"));

		upload(RELATIONSHIPS, "the second membership was misreported", BC).expectStatus().isBadRequest()
			.expectBody().jsonPath("$.parameter").isEqualTo("retract")
			.jsonPath("$.detail").value(String.class,
					detail -> assertThat(detail).contains("'" + BC + "' is both imported and retracted"));

		String withoutBc = RELATIONSHIPS.lines().filter(line -> !line.startsWith("company:history-b,")).reduce("",
				(all, line) -> all + line + "\n");
		upload(withoutBc, null, BC).expectStatus().isBadRequest().expectBody().jsonPath("$.parameter")
			.isEqualTo("reason");
		assertThat(relationshipsBetweenProbes()).isEqualTo(2);

		upload(withoutBc, "the second membership was misreported", BC).expectStatus().isOk()
			.expectBody()
			.jsonPath("$.retracted").isEqualTo(1)
			.jsonPath("$.relationships.retracted").isEqualTo(1)
			.jsonPath("$.unchanged").isEqualTo(5);
		assertThat(relationshipsBetweenProbes()).isEqualTo(1);
		List<Record> versions = versions(BC);
		assertThat(versions).hasSize(1);
		assertThat(versions.get(0).get("changeId").asString()).isEqualTo(first.changeId());
		assertThat(versions.get(0).get("endedBy").asString()).isEqualTo("retracted");
		assertThat(versions.get(0).get("supersededAt").isNull()).isFalse();
		assertThat(versions.get(0).get("confidence").asDouble()).isEqualTo(0.5);

		// Leaving a row out without saying so retracts nothing.
		String withoutAb = RELATIONSHIPS.lines().filter(line -> !line.startsWith("company:history-a,")).reduce("",
				(all, line) -> all + line + "\n");
		ImportReport silent = importCsv(withoutAb, ImportOptions.unattended("history-test"));
		assertThat(silent.retracted()).isZero();
		assertThat(relationshipsBetweenProbes()).isEqualTo(2);
	}

	@Test
	void aFullSnapshotRetractsWhatItNoLongerHoldsAndNothingElse(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
			throws Exception {
		importCsv(RELATIONSHIPS, ImportOptions.unattended("history-test"));
		// The whole graph as it stands, exported and read back, without one relationship.
		byte[] json = this.rest.get().uri("/api/export?format=json").exchange()
			.expectStatus().isOk()
			.expectBody(byte[].class).returnResult().getResponseBody();
		java.nio.file.Path file = java.nio.file.Files.write(dir.resolve("lodestone-graph.json"), json);
		Dataset whole = this.importer.read(DatasetFile.fromPath(file));
		Dataset withoutBc = new Dataset(whole.sources(), whole.entities(), whole.relationships().stream()
			.filter(rel -> !rel.type().edgeId(rel.from(), rel.to(), rel.validFrom()).equals(BC))
			.toList());
		StoredGraph before = StoredGraph.read(this.driver);

		ImportReport report = this.importer.importDataset(withoutBc,
				new ImportOptions("analyst", "snapshot without the second membership", true, List.of(), true),
				ImportProgress.NONE);

		assertThat(report.retracted()).isEqualTo(1);
		assertThat(report.added() + report.corrected()).isZero();
		assertThat(relationshipsBetweenProbes()).isEqualTo(1);
		assertThat(StoredGraph.read(this.driver).nodes()).isEqualTo(before.nodes());
		assertThat(StoredGraph.read(this.driver).edges()).hasSize(before.edges().size() - 1);
		assertThat(versions(BC)).singleElement()
			.satisfies(version -> assertThat(version.get("endedBy").asString()).isEqualTo("retracted"));
	}

	@Test
	void retractingAnUnknownIdIsRefusedAndWritesNothing() {
		importCsv(RELATIONSHIPS, ImportOptions.unattended("history-test"));
		long versions = count("MATCH (v:Version) RETURN count(v) AS n");
		assertThatThrownBy(() -> importCsv(RELATIONSHIPS.replace("0.5", "0.6"), new ImportOptions("analyst", "probe",
				false, List.of("company:history-a|MEMBER_OF|company:history-c", "company:history-nobody"), true)))
			.isInstanceOf(InvalidRequestException.class)
			.hasMessageContaining("relationship 'company:history-a|MEMBER_OF|company:history-c' is not in the graph")
			.hasMessageContaining("entity 'company:history-nobody' is not in the graph");
		assertThat(count("MATCH (v:Version) RETURN count(v) AS n")).isEqualTo(versions);
		assertThat(versions(AB).get(0).get("confidence").asDouble()).isEqualTo(0.5);
	}

	@Test
	void retractingAnEntityRetractsItsRelationshipsToo() {
		importCsv(RELATIONSHIPS, ImportOptions.unattended("history-test"));
		String withoutC = ENTITIES.replace("company:history-c,Company,History C,,,,,,,\n", "");
		ImportReport report = this.importer.importDataset(
				DatasetReader.read(DatasetReaderTests.files(SOURCES, withoutC, RELATIONSHIPS.lines().limit(2)
					.reduce("", (all, line) -> all + line + "\n"))),
				new ImportOptions("analyst", "History C never existed", false, List.of("company:history-c"), true),
				ImportProgress.NONE);
		assertThat(report.entities().retracted()).isEqualTo(1);
		assertThat(report.relationships().retracted()).isEqualTo(1);
		assertThat(count("MATCH (n:Entity {id: 'company:history-c'}) RETURN count(n) AS n")).isZero();
		assertThat(versions("company:history-c")).singleElement()
			.satisfies(version -> assertThat(version.get("endedBy").asString()).isEqualTo("retracted"))
			.satisfies(version -> assertThat(version.get("name").asString()).isEqualTo("History C"));
		assertThat(versions(BC)).singleElement()
			.satisfies(version -> assertThat(version.get("endedBy").asString()).isEqualTo("retracted"));
	}

	@Test
	void reimportingUnchangedDataRecordsNothing() {
		importCsv(RELATIONSHIPS, ImportOptions.unattended("history-test"));
		long versions = count("MATCH (v:Version) RETURN count(v) AS n");
		long changes = count("MATCH (c:Change) RETURN count(c) AS n");
		long last = count("MATCH (l:ChangeLog) RETURN l.last AS n");

		ImportReport again = importCsv(RELATIONSHIPS, new ImportOptions("analyst", null, false, List.of(), true));

		assertThat(again.changedAnything()).isFalse();
		assertThat(again.changeId()).isNull();
		assertThat(again.unchanged()).isEqualTo(6);
		assertThat(count("MATCH (v:Version) RETURN count(v) AS n")).isEqualTo(versions);
		assertThat(count("MATCH (c:Change) RETURN count(c) AS n")).isEqualTo(changes);
		assertThat(count("MATCH (l:ChangeLog) RETURN l.last AS n")).isEqualTo(last);
	}

	@Test
	void anImportFailingMidwayLeavesTheGraphAndItsHistoryUntouched() {
		importCsv(RELATIONSHIPS, ImportOptions.unattended("history-test"));
		StoredGraph graph = StoredGraph.read(this.driver);
		long versions = count("MATCH (v:Version) RETURN count(v) AS n");
		long changes = count("MATCH (c:Change) RETURN count(c) AS n");
		long last = count("MATCH (l:ChangeLog) RETURN l.last AS n");
		Dataset corrected = DatasetReader.read(DatasetReaderTests.files(SOURCES, ENTITIES.replace("History A", "A"),
				RELATIONSHIPS.replace("0.5", "0.8")));

		// Sources and entities are written (the correction of History A among them) when the failure comes.
		int[] batches = { 0 };
		assertThatThrownBy(() -> this.importer.importDataset(corrected,
				new ImportOptions("analyst", "probe", false, List.of(), true), (done, total) -> {
					if (++batches[0] == 2) {
						throw new IllegalStateException("failure in the middle of the import");
					}
				}))
			.hasMessage("failure in the middle of the import");

		assertThat(StoredGraph.read(this.driver)).isEqualTo(graph);
		assertThat(count("MATCH (v:Version) RETURN count(v) AS n")).isEqualTo(versions);
		assertThat(count("MATCH (c:Change) RETURN count(c) AS n")).isEqualTo(changes);
		assertThat(count("MATCH (l:ChangeLog) RETURN l.last AS n")).isEqualTo(last);
	}

	@Test
	void concurrentImportsRecordTheirVersionsOneAfterAnother() throws Exception {
		importCsv(RELATIONSHIPS, ImportOptions.unattended("history-test"));
		int rounds = 6;
		ExecutorService threads = Executors.newFixedThreadPool(2);
		CountDownLatch start = new CountDownLatch(1);
		List<Future<?>> results = new ArrayList<>();
		try {
			for (int t = 0; t < 2; t++) {
				// One importer per thread, as two applications sharing one database: no lock in common but the graph's.
				GraphImporter importer = new GraphImporter(this.driver, Duration.ofSeconds(60), DataSize.ofMegabytes(1));
				String name = "writer-" + t;
				results.add(threads.submit(() -> {
					start.await();
					for (int round = 0; round < rounds; round++) {
						String confidence = "0." + name.charAt(name.length() - 1) + round + "1";
						Dataset dataset = DatasetReader.read(DatasetReaderTests.files(SOURCES,
								ENTITIES.replace("History A", "History A by " + name + " " + round),
								RELATIONSHIPS.replace("0.5", confidence)));
						for (int attempt = 1;; attempt++) {
							try {
								importer.importDataset(dataset,
										new ImportOptions(name, "round " + round, false, List.of(), true),
										ImportProgress.NONE);
								break;
							}
							catch (TransientException ex) {
								assertThat(attempt).isLessThan(20);
								Thread.sleep(20L * attempt);
							}
						}
					}
					return null;
				}));
			}
			start.countDown();
			for (Future<?> result : results) {
				result.get(120, TimeUnit.SECONDS);
			}
		}
		finally {
			threads.shutdownNow();
		}

		for (String element : List.of("company:history-a", AB, BC)) {
			List<Record> versions = versions(element);
			assertThat(versions).as(element).hasSize(1 + 2 * rounds);
			for (int i = 0; i + 1 < versions.size(); i++) {
				Record version = versions.get(i);
				Record next = versions.get(i + 1);
				// Each version ends exactly where the next begins, by the next one's change.
				assertThat(version.get("supersededBy").asString()).isEqualTo(next.get("changeId").asString());
				assertThat(version.get("supersededAt").asOffsetDateTime())
					.isEqualTo(next.get("recordedAt").asOffsetDateTime());
			}
			assertThat(versions.get(versions.size() - 1).get("supersededAt").isNull()).isTrue();
		}
		// Each change's versions were recorded at the change's own time, and change numbers follow time.
		List<Record> changes = this.driver.executableQuery("""
				MATCH (c:Change) WHERE c.by STARTS WITH 'writer-'
				RETURN c.id AS id, c.seq AS seq, c.at AS at,
				       COLLECT { MATCH (v:Version {changeId: c.id}) RETURN DISTINCT v.recordedAt } AS recorded
				ORDER BY c.seq""").execute().records();
		assertThat(changes).hasSize(2 * rounds);
		OffsetDateTime previous = null;
		for (Record change : changes) {
			OffsetDateTime at = change.get("at").asOffsetDateTime();
			assertThat(change.get("recorded").asList(value -> value.asOffsetDateTime())).containsExactly(at);
			if (previous != null) {
				assertThat(at).isAfterOrEqualTo(previous);
			}
			previous = at;
		}
	}

	private ImportReport importCsv(String relationships, ImportOptions options) {
		return this.importer.importDataset(DatasetReader.read(DatasetReaderTests.files(SOURCES, ENTITIES,
				relationships)), options, ImportProgress.NONE);
	}

	private RestTestClient.ResponseSpec upload(String relationships, String reason, String retract) {
		MultipartBodyBuilder body = new MultipartBodyBuilder();
		body.part("files", resource("sources-history.csv", SOURCES));
		body.part("files", resource("entities-history.csv", ENTITIES));
		body.part("files", resource("relationships-history.csv", relationships));
		if (reason != null) {
			body.part("reason", reason);
		}
		if (retract != null) {
			body.part("retract", retract);
		}
		return this.rest.post().uri("/api/import").header("X-API-Key", TestCredentials.WRITE_KEY)
			.contentType(MediaType.MULTIPART_FORM_DATA).body(body.build())
			.exchange();
	}

	private static ByteArrayResource resource(String name, String content) {
		return new ByteArrayResource(content.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
			@Override
			public String getFilename() {
				return name;
			}
		};
	}

	private List<Record> versions(String element) {
		return this.driver.executableQuery("""
				MATCH (v:Version {element: $element})
				RETURN v.changeId AS changeId, v.recordedAt AS recordedAt, v.recordedAs AS recordedAs,
				       v.supersededAt AS supersededAt, v.supersededBy AS supersededBy, v.endedBy AS endedBy,
				       v.validFrom AS validFrom, v.confidence AS confidence, v.name AS name
				ORDER BY v.recordedAt""").withParameters(Map.of("element", element)).execute().records();
	}

	private Record change(String id) {
		return this.driver.executableQuery("MATCH (c:Change {id: $id}) RETURN c.by AS by, c.reason AS reason, "
				+ "c.corrected AS corrected").withParameters(Map.of("id", id)).execute().records().get(0);
	}

	private long relationshipsBetweenProbes() {
		return count("""
				MATCH (a:Entity)-[r]->(b:Entity) WHERE a.id STARTS WITH 'company:history-'
				RETURN count(r) AS n""");
	}

	private long count(String query) {
		List<Record> records = this.driver.executableQuery(query).execute().records();
		return records.isEmpty() || records.get(0).get("n").isNull() ? 0 : records.get(0).get("n").asLong();
	}

}
