package org.lodestone.inbox;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
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
import org.neo4j.driver.Driver;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code export-data}: an accepted proposal's rows go back into the dataset's directory as {@code *-inbox.csv}. The
 * round trip takes Wilbur Ross's statement out of a copy of {@code data/} and out of the graph, proposes and accepts
 * it from the Converge Digest text (see {@link InboxIT}), and exports: the row comes back byte for byte.
 */
class DataExportIT extends IntegrationTest {

	static final String STATEMENT_LINE_START = "person:wilbur-ross," + InboxIT.POLICY + ",STATED,";

	@Autowired
	InboxService inbox;

	@Autowired
	DataExport export;

	@Autowired
	Driver driver;

	@TempDir
	Path temp;

	Map<String, Object> storedStatement;

	@BeforeEach
	void takeTheStatementOut() {
		this.storedStatement = this.driver.executableQuery("""
				MATCH (:Entity {id: 'person:wilbur-ross'})-[r:STATED]->(:Entity {id: $policy})
				WITH r, properties(r) AS props DELETE r RETURN props
				""").withParameters(Map.of("policy", InboxIT.POLICY)).execute().records().get(0).get("props").asMap();
	}

	@AfterEach
	void putTheGraphBack() {
		this.driver.executableQuery("""
				MATCH (a:Entity {id: 'person:wilbur-ross'}), (b:Entity {id: $policy})
				MERGE (a)-[r:STATED]->(b) SET r = $props
				""").withParameters(Map.of("policy", InboxIT.POLICY, "props", this.storedStatement)).execute();
		this.driver.executableQuery("MATCH (p:Proposal) WHERE p.connector = 'document' DETACH DELETE p").execute();
	}

	@Test
	void anAcceptedRowIsWrittenBackExactlyAsTheDatasetHadItAndTheDirectoryStillValidates() throws IOException {
		Path data = copyOfData();
		Path file = data.resolve("relationships-us-bis.csv");
		List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
		String statementLine = lines.stream().filter(line -> line.startsWith(STATEMENT_LINE_START)).findFirst()
			.orElseThrow();
		lines.remove(statementLine);
		Files.write(file, lines, StandardCharsets.UTF_8);

		acceptTheStatement();
		DataExport.Report report = this.export.export(data);
		assertThat(report.relationships()).isEqualTo(1);
		assertThat(report.sources()).isZero();
		assertThat(report.entities()).isZero();
		assertThat(report.elsewhere()).isEmpty();
		String written = Files.readString(data.resolve("relationships-inbox.csv"), StandardCharsets.UTF_8);
		assertThat(written).isEqualTo(String.join(",", DatasetReader.RELATIONSHIP_COLUMNS) + "\n" + statementLine + "\n");
		Dataset restored = DatasetReader.read(DatasetFile.fromDirectory(data));
		assertThat(restored.relationships()).filteredOn(r -> r.from().equals("person:wilbur-ross")
				&& r.to().equals(InboxIT.POLICY)).hasSize(1);

		this.export.export(data);
		assertThat(Files.readString(data.resolve("relationships-inbox.csv"), StandardCharsets.UTF_8))
			.as("the same accepted proposals give the same files").isEqualTo(written);
	}

	@Test
	void aRowAnotherFileAlreadyHoldsIsListedNotWrittenTwice() throws IOException {
		Path data = copyOfData();
		acceptTheStatement();
		DataExport.Report report = this.export.export(data);
		assertThat(report.relationships()).isZero();
		assertThat(report.elsewhere()).singleElement().asString()
			.startsWith("(person:wilbur-ross)-[:STATED]->(" + InboxIT.POLICY + ") (from proposal:");
		assertThat(Files.readString(data.resolve("relationships-inbox.csv"), StandardCharsets.UTF_8))
			.isEqualTo(String.join(",", DatasetReader.RELATIONSHIP_COLUMNS) + "\n");
		DatasetReader.read(DatasetFile.fromDirectory(data));
	}

	private void acceptTheStatement() throws IOException {
		String text = new ClassPathResource("inbox/documents/convergedigest-2019-05-16-huawei-restriction.txt")
			.getContentAsString(StandardCharsets.UTF_8);
		Map<String, String> row = new LinkedHashMap<>();
		row.put("from", "person:wilbur-ross");
		row.put("to", InboxIT.POLICY);
		row.put("type", "STATED");
		row.put("validFrom", "2019-05-16");
		row.put("confidence", "0.85");
		row.put("sources", InboxIT.SOURCE);
		row.put("quote", InboxIT.QUOTE);
		row.put("note", "statement in the Commerce announcement quoted by Converge Digest; dated to the 16 May 2019 "
				+ "report (the announcement date itself is not given in the excerpt)");
		String id = this.inbox.proposeFromDocument(InboxIT.URL, null, text,
				new ProposedRows(List.of(), List.of(), List.of(row))).id();
		this.inbox.accept(id, null, "data-export-test");
	}

	private Path copyOfData() throws IOException {
		Path data = Files.createDirectory(this.temp.resolve("data"));
		try (Stream<Path> files = Files.list(Path.of("data"))) {
			for (Path file : files.toList()) {
				Files.copy(file, data.resolve(file.getFileName()));
			}
		}
		return data;
	}

}
