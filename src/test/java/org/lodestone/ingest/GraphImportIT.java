package org.lodestone.ingest;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.lodestone.IntegrationTest;
import org.lodestone.support.BundledData;
import org.lodestone.support.StoredGraph;
import org.lodestone.support.TestCredentials;
import org.neo4j.driver.Driver;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.FileSystemResource;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;

class GraphImportIT extends IntegrationTest {

	@Autowired
	Driver driver;

	@Autowired
	GraphImporter importer;

	@Autowired
	RestTestClient rest;

	@Test
	void firstStartLoadedExactlyTheBundledDataset() {
		StoredGraph expected = StoredGraph.of(new DatasetGraph(BundledData.dataset()));
		StoredGraph stored = StoredGraph.read(this.driver);
		assertThat(stored.nodes()).containsAll(expected.nodes());
		assertThat(stored.edges()).containsAll(expected.edges());
		// The importer marks what MERGE created while it counts outcomes; the mark must never be stored.
		long marked = this.driver.executableQuery("""
				CALL () { MATCH (n) WHERE n.lodestone_import_created IS NOT NULL RETURN n.id AS id
				          UNION ALL MATCH ()-[r]->() WHERE r.lodestone_import_created IS NOT NULL RETURN type(r) AS id }
				RETURN count(*) AS marked""").execute().records().get(0).get("marked").asLong();
		assertThat(marked).isZero();
	}

	@Test
	void importingTheSameFilesAgainChangesNothing() {
		Dataset dataset = BundledData.dataset();
		StoredGraph before = StoredGraph.read(this.driver);
		ImportReport report = this.importer.importDataset(dataset, ImportProgress.NONE);
		assertThat(report.changedAnything()).isFalse();
		assertThat(report.entities().unchanged()).isEqualTo(dataset.entities().size());
		assertThat(report.relationships().unchanged()).isEqualTo(dataset.relationships().size());
		assertThat(report.sources().unchanged()).isEqualTo(dataset.sources().size());
		assertThat(StoredGraph.read(this.driver)).isEqualTo(before);
	}

	@Test
	void changingAValueAndImportingAgainUpdatesOnlyThatRow() {
		String sources = """
				id,publisher,title,date,url,type
				src:probe-2025-01-01-import-test,Probe,Import test,2025-01-01,https://example.org/probe,data
				""";
		String entities = """
				id,subtype,name,aliases,description,announced,effective,suspendedUntil,rescinded,sources
				company:import-probe-a,Company,Probe A,,,,,,,
				company:import-probe-b,Company,Probe B,,,,,,,
				""";
		String relationships = """
				from,to,type,validFrom,validTo,confidence,sources,quote,share,note
				company:import-probe-a,company:import-probe-b,MEMBER_OF,2025-01-01,,0.5,src:probe-2025-01-01-import-test,,,
				""";
		try {
			ImportReport first = this.importer.importDataset(
					DatasetReader.read(DatasetReaderTests.files(sources, entities, relationships)), ImportProgress.NONE);
			assertThat(first.entities()).isEqualTo(new ImportReport.Counts(2, 0, 0));
			assertThat(first.relationships()).isEqualTo(new ImportReport.Counts(1, 0, 0));

			ImportReport second = this.importer.importDataset(
					DatasetReader.read(DatasetReaderTests.files(sources, entities.replace("Probe B", "Probe Bee"),
							relationships.replace("0.5", "0.7"))),
					ImportProgress.NONE);
			assertThat(second.entities()).isEqualTo(new ImportReport.Counts(0, 1, 1));
			assertThat(second.relationships()).isEqualTo(new ImportReport.Counts(0, 1, 0));
			assertThat(second.sources()).isEqualTo(new ImportReport.Counts(0, 0, 1));
			var record = this.driver.executableQuery("""
					MATCH (a:Entity {id: 'company:import-probe-a'})-[r:MEMBER_OF]->(b:Company)
					RETURN b.name AS name, r.confidence AS confidence
					""").execute().records().get(0);
			assertThat(record.get("name").asString()).isEqualTo("Probe Bee");
			assertThat(record.get("confidence").asDouble()).isEqualTo(0.7);
		}
		finally {
			this.driver.executableQuery("""
					MATCH (n) WHERE n.id IN ['company:import-probe-a', 'company:import-probe-b',
					                         'src:probe-2025-01-01-import-test']
					DETACH DELETE n
					""").execute();
		}
	}

	@Test
	void invalidUploadIsRefusedWithEveryProblemAndWritesNothing() throws Exception {
		StoredGraph before = StoredGraph.read(this.driver);
		Path dir = Files.createTempDirectory("bad-upload");
		Path entities = Files.writeString(dir.resolve("entities-new.csv"), """
				id,subtype,name,aliases,description,announced,effective,suspendedUntil,rescinded,sources
				company:upload-probe,Company,Upload probe,,,,,,,
				""");
		Path relationships = Files.writeString(dir.resolve("relationships-new.csv"), """
				from,to,type,validFrom,validTo,confidence,sources,quote,share,note
				company:upload-probe,company:nobody,MEMBER_OF,2025-02-30,,2,src:missing,,,
				""");
		MultipartBodyBuilder body = new MultipartBodyBuilder();
		body.part("files", new FileSystemResource(entities));
		body.part("files", new FileSystemResource(relationships));
		this.rest.post().uri("/api/import").header("X-API-Key", TestCredentials.WRITE_KEY)
			.contentType(MediaType.MULTIPART_FORM_DATA).body(body.build())
			.exchange()
			.expectStatus().isEqualTo(422)
			.expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.type").isEqualTo("urn:lodestone:problem:invalid-dataset")
			.jsonPath("$.problems[?(@.file == 'relationships-new.csv' && @.line == 2)].reason").value(reasons ->
				assertThat(reasons.toString()).contains("unknown entity 'company:nobody'",
						"'validFrom' value '2025-02-30' is not a date", "'confidence' value 2 is not in [0, 1]",
						"cites unknown source 'src:missing'"));
		assertThat(StoredGraph.read(this.driver)).isEqualTo(before);
	}

	@Test
	void uploadingTheBundledFilesReportsThemUnchanged() {
		MultipartBodyBuilder body = new MultipartBodyBuilder();
		for (Path file : csvFiles()) {
			body.part("files", new FileSystemResource(file));
		}
		Dataset dataset = BundledData.dataset();
		this.rest.post().uri("/api/import").header("X-API-Key", TestCredentials.WRITE_KEY)
			.contentType(MediaType.MULTIPART_FORM_DATA).body(body.build())
			.exchange()
			.expectStatus().isOk()
			.expectBody()
			.jsonPath("$.entities.created").isEqualTo(0)
			.jsonPath("$.entities.updated").isEqualTo(0)
			.jsonPath("$.entities.unchanged").isEqualTo(dataset.entities().size())
			.jsonPath("$.relationships.unchanged").isEqualTo(dataset.relationships().size());
	}

	private static List<Path> csvFiles() {
		try (var files = Files.list(BundledData.DIRECTORY)) {
			return files.filter(file -> file.toString().endsWith(".csv")).sorted().toList();
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

}
