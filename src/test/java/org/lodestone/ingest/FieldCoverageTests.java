package org.lodestone.ingest;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.lodestone.graph.Kind;
import org.lodestone.support.BundledData;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The names people in the field use for the things the dataset is about, listed in {@code docs/field-coverage.csv}
 * ({@code name,expect}; {@code expect} is a note for people), each find one sourced entity in the bundled data: the
 * name or an alias matches it, ignoring case, and no other entity; it cites a source or takes part in a
 * relationship (which always does); a measure also has its {@code announced} or {@code effective} date. A name that
 * matches two entities is a duplicate or an alias too broad to look up.
 */
class FieldCoverageTests {

	static final Path FILE = Path.of("docs", "field-coverage.csv");

	@TestFactory
	Stream<DynamicTest> eachFieldNameFindsOneSourcedEntity() throws IOException {
		List<String> names = names(FILE);
		assertThat(names).as(FILE + " lists names").isNotEmpty();
		Dataset dataset = BundledData.dataset();
		return names.stream()
			.map(name -> DynamicTest.dynamicTest(name, () -> assertThat(problems(dataset, name)).isEmpty()));
	}

	@Test
	void aNameIsMissingAmbiguousUnsourcedOrUndatedOnlyWhenTheDataSaysSo() {
		String sources = """
				id,publisher,title,date,url,type
				src:a,MOFCOM,A,2025-01-01,https://example.org/a,official
				""";
		String entities = """
				id,subtype,name,aliases,description,announced,effective,suspendedUntil,rescinded,sources
				agency:mofcom,Agency,MOFCOM,商务部|Ministry of Commerce,,,,,,src:a
				company:mofcom-trading,Company,MOFCOM Trading,Ministry of Commerce,,,,,,src:a
				mineral:gallium,Element,Gallium,Ga,,,,,,
				mineral:indium,Element,Indium,,,,,,,
				policy:ban,Ban,Gallium ban,Announcement No. 46,,,,,,
				policy:dated,Ban,Dated ban,,,2024-12-03,,,,src:a
				""";
		String relationships = """
				from,to,type,validFrom,validTo,confidence,sources,quote,share,note
				agency:mofcom,policy:ban,ISSUED,2024-12-03,,0.95,src:a,,,
				policy:ban,mineral:gallium,RESTRICTS,2024-12-03,,0.95,src:a,,,
				""";
		Dataset dataset = DatasetReader.read(DatasetReaderTests.files(sources, entities, relationships));
		assertThat(problems(dataset, "商务部")).isEmpty();
		assertThat(problems(dataset, "GALLIUM")).isEmpty();
		assertThat(problems(dataset, "dated ban")).isEmpty();
		assertThat(problems(dataset, "Gallium ban policy")).containsExactly("matches no entity by name or alias");
		assertThat(problems(dataset, "ministry of commerce"))
			.containsExactly("matches 2 entities: agency:mofcom, company:mofcom-trading");
		assertThat(problems(dataset, "Indium"))
			.containsExactly("mineral:indium cites no source and is in no relationship");
		assertThat(problems(dataset, "announcement no. 46"))
			.containsExactly("policy:ban is a measure with neither an announced nor an effective date");
	}

	/**
	 * @return what keeps the name from finding one sourced entity, empty when nothing does
	 */
	static List<String> problems(Dataset dataset, String name) {
		String wanted = name.strip().toLowerCase(Locale.ROOT);
		List<Dataset.Entity> matches = dataset.entities()
			.stream()
			.filter(entity -> entity.name().toLowerCase(Locale.ROOT).equals(wanted) || entity.aliases()
				.stream()
				.anyMatch(alias -> alias.toLowerCase(Locale.ROOT).equals(wanted)))
			.toList();
		if (matches.isEmpty()) {
			return List.of("matches no entity by name or alias");
		}
		if (matches.size() > 1) {
			return List.of("matches " + matches.size() + " entities: "
					+ String.join(", ", matches.stream().map(Dataset.Entity::id).toList()));
		}
		Dataset.Entity entity = matches.get(0);
		List<String> problems = new ArrayList<>();
		boolean related = dataset.relationships()
			.stream()
			.anyMatch(relationship -> relationship.from().equals(entity.id()) || relationship.to().equals(entity.id()));
		if (entity.sources().isEmpty() && !related) {
			problems.add(entity.id() + " cites no source and is in no relationship");
		}
		if (entity.subtype().kind() == Kind.POLICY && entity.announced() == null && entity.effective() == null) {
			problems.add(entity.id() + " is a measure with neither an announced nor an effective date");
		}
		return problems;
	}

	private static List<String> names(Path file) throws IOException {
		CSVFormat format = CSVFormat.RFC4180.builder()
			.setHeader()
			.setSkipHeaderRecord(true)
			.setIgnoreEmptyLines(true)
			.get();
		try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
				CSVParser parser = format.parse(reader)) {
			assertThat(parser.getHeaderNames()).as(file + " columns").containsExactly("name", "expect");
			List<String> names = new ArrayList<>();
			for (CSVRecord record : parser) {
				assertThat(record.get("name")).as(file + ":" + parser.getCurrentLineNumber() + " name").isNotBlank();
				names.add(record.get("name").strip());
			}
			return names;
		}
	}

}
