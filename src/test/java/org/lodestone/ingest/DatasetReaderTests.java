package org.lodestone.ingest;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.lodestone.graph.ExternalId;
import org.lodestone.graph.RelationshipType;
import org.lodestone.graph.Subtype;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class DatasetReaderTests {

	static final String SOURCES = """
			id,publisher,title,date,url,type
			src:reuters-2025-07-15-lutnick,Reuters,Lutnick ties H20 to magnets,2025-07-15,https://example.org/a,news
			""";

	static final String ENTITIES = """
			id,subtype,name,aliases,description,announced,effective,suspendedUntil,rescinded,sources
			product:nvidia-h20,Chip,Nvidia H20,H20|Nvidia H20,,,,,,
			mineral:ndpr,Material,NdPr,"NdPr|neodymium-praseodymium",,,,,,
			policy:deal,TradeDeal,Magnet deal,,,2025-06-10,,,,src:reuters-2025-07-15-lutnick
			""";

	static final String RELATIONSHIPS = """
			from,to,type,validFrom,validTo,confidence,sources,quote,share,note
			policy:deal,mineral:ndpr,COVERS,2025-06-10,,0.8,src:reuters-2025-07-15-lutnick,,,
			""";

	@Test
	void readsAValidDataset() {
		Dataset dataset = DatasetReader.read(files(SOURCES, ENTITIES, RELATIONSHIPS));
		assertThat(dataset.sources()).singleElement().extracting(Dataset.Source::publisher).isEqualTo("Reuters");
		assertThat(dataset.entities()).extracting(Dataset.Entity::subtype)
			.containsExactly(Subtype.CHIP, Subtype.MATERIAL, Subtype.TRADE_DEAL);
		assertThat(dataset.entities().get(1).aliases()).containsExactly("NdPr", "neodymium-praseodymium");
		assertThat(dataset.relationships()).singleElement()
			.satisfies(r -> assertThat(r.type()).isEqualTo(RelationshipType.COVERS))
			.satisfies(r -> assertThat(r.validTo()).isNull());
	}

	@Test
	void acceptsColumnsInAnyOrderAndQuotedLineBreaks() {
		String entities = """
				name,id,subtype,description
				"Nvidia H20",product:nvidia-h20,Chip,"A cut-down chip,
				sold in China"
				NdPr,mineral:ndpr,Material,
				""";
		Dataset dataset = DatasetReader.read(List.of(file("sources.csv", SOURCES), file("entities.csv", entities)));
		assertThat(dataset.entities().get(0).description()).isEqualTo("A cut-down chip,\nsold in China");
	}

	@Test
	void reportsEveryProblemWithFileAndLine() {
		String entities = """
				id,subtype,name,aliases,description,announced,effective,suspendedUntil,rescinded,sources
				product:nvidia-h20,Chip,Nvidia H20,,,,,,,
				product:nvidia-h20,Chip,Duplicate,,,,,,,
				mineral:ndpr,Spaceship,NdPr,,,,,,,
				state:cn,Company,China,,,,,,,
				company:nvidia,Company,,,,,,,,
				company:mp,Company,MP Materials,,,2025-07-10,,,,
				policy:deal,TradeDeal,Deal,,,2025-13-01,,,,src:nowhere
				""";
		String relationships = """
				from,to,type,validFrom,validTo,confidence,sources,quote,share,note
				policy:deal,product:nvidia-h20,LICENSED_FOR,2025-08-01,2025-07-01,0.9,src:reuters-2025-07-15-lutnick,,,
				policy:deal,product:nvidia-h20,SMUGGLES,2025-08-01,,0.9,src:reuters-2025-07-15-lutnick,,,
				product:nvidia-h20,policy:deal,ISSUED,2025-08-01,,0.9,src:reuters-2025-07-15-lutnick,,,
				policy:deal,product:ghost,COVERS,2025-08-01,,0.9,src:reuters-2025-07-15-lutnick,,,
				policy:deal,product:nvidia-h20,COVERS,yesterday,,1.3,,,,
				company:mp,policy:deal,STATED,2025-08-01,,0.9,src:reuters-2025-07-15-lutnick,,,
				company:mp,product:nvidia-h20,PRODUCES,2025-08-01,,0.9,src:reuters-2025-07-15-lutnick,,0.5,
				policy:deal,product:nvidia-h20,LICENSED_FOR,2025-08-02,,0.9,src:reuters-2025-07-15-lutnick,,,
				""";
		InvalidDatasetException ex = catchThrowableOfType(InvalidDatasetException.class,
				() -> DatasetReader.read(files(SOURCES, entities, relationships)));
		assertThat(ex.problems()).extracting(DatasetProblem::toString).contains(
				"data/entities.csv:3: duplicate entity id 'product:nvidia-h20', first defined at data/entities.csv:2",
				"data/entities.csv:5: id 'state:cn' of subtype Company must start with 'company:'",
				"data/entities.csv:6: 'name' is required",
				"data/entities.csv:7: lifecycle dates (announced, effective, suspendedUntil, rescinded) apply only to Policy subtypes, not Company",
				"data/entities.csv:8: 'announced' value '2025-13-01' is not a date (YYYY-MM-DD)",
				"data/entities.csv:8: cites unknown source 'src:nowhere'",
				"data/relationships.csv:2: validTo 2025-07-01 is before validFrom 2025-08-01",
				"data/relationships.csv:4: ISSUED cannot start at product:nvidia-h20 (Product); it starts at Actor",
				"data/relationships.csv:5: 'to' refers to unknown entity 'product:ghost'",
				"data/relationships.csv:6: 'validFrom' value 'yesterday' is not a date (YYYY-MM-DD)",
				"data/relationships.csv:6: 'confidence' value 1.3 is not in [0, 1]",
				"data/relationships.csv:6: 'sources' is required",
				"data/relationships.csv:7: STATED needs the exact quote in 'quote'",
				"data/relationships.csv:8: 'share' applies only to SUPPLIES, not PRODUCES",
				"data/relationships.csv:9: duplicate relationship (policy:deal)-[:LICENSED_FOR]->(product:nvidia-h20), first defined at data/relationships.csv:2");
		assertThat(ex.problems()).anySatisfy(problem -> assertThat(problem.toString())
			.startsWith("data/entities.csv:4: unknown subtype 'Spaceship'"));
		assertThat(ex.problems()).anySatisfy(problem -> assertThat(problem.toString())
			.startsWith("data/relationships.csv:3: unknown relationship type 'SMUGGLES'"));
		assertThat(ex.getMessage()).contains("nothing was imported");
	}

	@Test
	void reportsHeaderProblemsAndUnknownFiles() {
		String sources = """
				id,publisher,headline,date,url,type
				src:a,Reuters,x,2025-01-01,https://example.org,news
				""";
		InvalidDatasetException ex = catchThrowableOfType(InvalidDatasetException.class,
				() -> DatasetReader.read(List.of(file("sources.csv", sources), file("notes.csv", "a,b\n1,2\n"))));
		assertThat(ex.problems()).extracting(DatasetProblem::toString)
			.contains("data/sources.csv:1: missing required column 'title'; the columns are id,publisher,title,date,url,type,checkedOn,checkedWhere,retrievedAt,contentSha256",
					"data/sources.csv:1: unknown column 'headline'; the columns are id,publisher,title,date,url,type,checkedOn,checkedWhere,retrievedAt,contentSha256",
					"data/notes.csv: unknown file: names start with sources, entities, identifiers or relationships, or end with .json");
	}

	@Test
	void reportsRowsWithTheWrongNumberOfFieldsAndBrokenQuoting() {
		String sources = SOURCES + "src:b,AP,too,few\n";
		String entities = "id,subtype,name\nproduct:x,Chip,\"never closed\n";
		InvalidDatasetException ex = catchThrowableOfType(InvalidDatasetException.class,
				() -> DatasetReader.read(List.of(file("sources.csv", sources), file("entities.csv", entities))));
		assertThat(ex.problems()).extracting(DatasetProblem::toString)
			.contains("data/sources.csv:3: has 4 fields but the header has 6");
		assertThat(ex.problems()).anySatisfy(problem -> {
			assertThat(problem.file()).isEqualTo("data/entities.csv");
			assertThat(problem.reason()).startsWith("is not valid CSV");
		});
	}

	@Test
	void rejectsSourcesWithoutAWebUrlOrAKnownType() {
		String sources = """
				id,publisher,title,date,url,type
				src:a,Reuters,x,2025-01-01,ftp://example.org/x,rumour
				""";
		InvalidDatasetException ex = catchThrowableOfType(InvalidDatasetException.class,
				() -> DatasetReader.read(List.of(file("sources.csv", sources))));
		assertThat(ex.problems()).extracting(DatasetProblem::reason)
			.contains("url 'ftp://example.org/x' is not an http(s) URL",
					"type 'rumour' is not one of analysis, data, filing, news, official, statement");
	}

	@Test
	void readsDatePrecisionBasisAndTheCheckRecord() {
		String sources = """
				id,publisher,title,date,url,type,checkedOn,checkedWhere
				src:reuters-2025-07-15-lutnick,Reuters,Lutnick ties H20 to magnets,2025-07-15,https://example.org/a,news,2026-12-04,paragraph 3
				""";
		String relationships = """
				from,to,type,validFrom,validTo,confidence,sources,quote,share,note,precision,basis
				policy:deal,mineral:ndpr,COVERS,2025-06-01,,0.8,src:reuters-2025-07-15-lutnick,,,,month,reported
				""";
		Dataset dataset = DatasetReader.read(files(sources, ENTITIES, relationships));
		assertThat(dataset.sources().get(0).checkedOn()).isEqualTo(java.time.LocalDate.of(2026, 12, 4));
		assertThat(dataset.sources().get(0).checkedWhere()).isEqualTo("paragraph 3");
		assertThat(dataset.relationships().get(0).precision()).isEqualTo(org.lodestone.graph.DatePrecision.MONTH);
		assertThat(dataset.relationships().get(0).basis()).isEqualTo(org.lodestone.graph.DateBasis.REPORTED);
		assertThat(DatasetGraph.edge(dataset.relationships().get(0)).properties()).containsEntry("precision", "month")
			.containsEntry("basis", "reported");
		// The defaults (day, start) are not stored: an edge without them reads the same as before the columns.
		assertThat(DatasetGraph.edge(DatasetReader.read(files(SOURCES, ENTITIES, RELATIONSHIPS)).relationships().get(0))
			.properties()).doesNotContainKeys("precision", "basis");
	}

	@Test
	void aConnectorsSourceCarriesItsRetrievalTimeAndContentHashIntoTheGraph() {
		String sources = """
				id,publisher,title,date,url,type,retrievedAt,contentSha256
				src:federalregister-2024-12-31-2024-31396,Federal Register,Air Plan Revisions,2024-12-31,https://www.federalregister.gov/d/2024-31396,official,2026-12-04T22:03:37.120Z,7e99845523f0153740bd626006091c115fdbf44f55d6e9cc5e6a265735a56eab
				""";
		Dataset dataset = DatasetReader.read(List.of(file("sources.csv", sources)));
		assertThat(dataset.sources().get(0).retrievedAt()).isEqualTo("2026-12-04T22:03:37.120Z");
		assertThat(DatasetGraph.node(dataset.sources().get(0)).properties())
			.containsEntry("retrievedAt", "2026-12-04T22:03:37.120Z")
			.containsEntry("contentSha256", "7e99845523f0153740bd626006091c115fdbf44f55d6e9cc5e6a265735a56eab");
		// A source entered by hand has neither, and stores neither.
		assertThat(DatasetGraph.node(DatasetReader.read(files(SOURCES, ENTITIES, RELATIONSHIPS)).sources().get(0))
			.properties()).doesNotContainKeys("retrievedAt", "contentSha256");
	}

	@Test
	void refusesARetrievalRecordThatIsHalfThereOrMalformed() {
		String sources = """
				id,publisher,title,date,url,type,retrievedAt,contentSha256
				src:a,Federal Register,A,2024-12-31,https://www.federalregister.gov/d/a,official,2026-12-04T22:03:37Z,
				src:b,Federal Register,B,2024-12-31,https://www.federalregister.gov/d/b,official,2026-12-04 22:03,7e99845523f0153740bd626006091c115fdbf44f55d6e9cc5e6a265735a56eab
				src:c,Federal Register,C,2024-12-31,https://www.federalregister.gov/d/c,official,2026-12-04T23:03:37+01:00,7E99845523F0153740BD626006091C115FDBF44F55D6E9CC5E6A265735A56EAB
				""";
		InvalidDatasetException ex = catchThrowableOfType(InvalidDatasetException.class,
				() -> DatasetReader.read(List.of(file("sources.csv", sources))));
		assertThat(ex.problems()).extracting(DatasetProblem::toString)
			.anySatisfy(p -> assertThat(p).contains("sources.csv:2")
				.contains("'retrievedAt' and 'contentSha256' go together"))
			.anySatisfy(p -> assertThat(p).contains("sources.csv:3")
				.contains("retrievedAt '2026-12-04 22:03' is not an ISO-8601 UTC instant"))
			.anySatisfy(p -> assertThat(p).contains("sources.csv:4").contains("is not an ISO-8601 UTC instant"))
			.anySatisfy(p -> assertThat(p).contains("sources.csv:4")
				.contains("is not a SHA-256 in 64 lowercase hex digits"));
	}

	@Test
	void refusesBadPrecisionBasisAndHalfACheckRecord() {
		String sources = """
				id,publisher,title,date,url,type,checkedOn,checkedWhere
				src:reuters-2025-07-15-lutnick,Reuters,Lutnick ties H20 to magnets,2025-07-15,https://example.org/a,news,2026-12-04,
				""";
		String relationships = """
				from,to,type,validFrom,validTo,confidence,sources,quote,share,note,precision,basis
				policy:deal,mineral:ndpr,COVERS,2025-06-10,,0.8,src:reuters-2025-07-15-lutnick,,,,month,
				policy:deal,product:nvidia-h20,COVERS,2025-06-10,,0.8,src:reuters-2025-07-15-lutnick,,,,week,guessed
				""";
		InvalidDatasetException ex = catchThrowableOfType(InvalidDatasetException.class,
				() -> DatasetReader.read(files(sources, ENTITIES, relationships)));
		assertThat(ex.problems()).extracting(DatasetProblem::toString).anySatisfy(p -> assertThat(p)
			.contains("sources.csv:2").contains("'checkedWhere' is required with 'checkedOn'"))
			.anySatisfy(p -> assertThat(p).contains("relationships.csv:2")
				.contains("validFrom 2025-06-10 with precision month must be the first day of its month"))
			.anySatisfy(p -> assertThat(p).contains("relationships.csv:3").contains("'precision' value 'week'"))
			.anySatisfy(p -> assertThat(p).contains("relationships.csv:3").contains("'basis' value 'guessed'"));
	}

	@Test
	void supplySharesRepeatOncePerPeriodButNoOtherTypeRepeats() {
		String entities = ENTITIES + "state:cn,State,China,,,,,,,\n";
		String relationships = """
				from,to,type,validFrom,validTo,confidence,sources,quote,share,note,precision,basis
				state:cn,mineral:ndpr,SUPPLIES,2024-01-01,2024-12-31,0.9,src:reuters-2025-07-15-lutnick,,0.69,,year,
				state:cn,mineral:ndpr,SUPPLIES,2025-01-01,2025-12-31,0.9,src:reuters-2025-07-15-lutnick,,0.7,,year,
				policy:deal,mineral:ndpr,COVERS,2025-06-10,,0.8,src:reuters-2025-07-15-lutnick,,,,,
				""";
		assertThat(DatasetReader.read(files(SOURCES, entities, relationships)).relationships()).hasSize(3);
		InvalidDatasetException ex = catchThrowableOfType(InvalidDatasetException.class,
				() -> DatasetReader.read(files(SOURCES, entities, relationships
						+ "state:cn,mineral:ndpr,SUPPLIES,2025-01-01,,0.9,src:reuters-2025-07-15-lutnick,,0.7,,,\n"
						+ "policy:deal,mineral:ndpr,COVERS,2025-07-01,,0.8,src:reuters-2025-07-15-lutnick,,,,,\n")));
		assertThat(ex.problems()).extracting(DatasetProblem::toString)
			.anySatisfy(p -> assertThat(p).contains("relationships.csv:5").contains("SUPPLIES]->(mineral:ndpr) from 2025-01-01"))
			.anySatisfy(p -> assertThat(p).contains("relationships.csv:6").contains("duplicate relationship"));
	}

	static List<DatasetFile> files(String sources, String entities, String relationships) {
		List<DatasetFile> files = new ArrayList<>();
		files.add(file("sources.csv", sources));
		files.add(file("entities.csv", entities));
		files.add(file("relationships.csv", relationships));
		return files;
	}

	static DatasetFile file(String name, String content) {
		return new DatasetFile("data/" + name,
				() -> new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8)));
	}


	@Test
	void identifiersAreReadFromTheCuratedFileAndFromEntityColumns() {
		String entities = """
				id,subtype,name,wikidata
				company:nvidia,Company,Nvidia,
				person:xi-jinping,Person,Xi Jinping,Q15031
				""";
		String identifiers = """
				entity,scheme,value,url,checkedOn,checkedWhere
				company:nvidia,wikidata,Q182477,https://www.wikidata.org/wiki/Q182477,2026-12-04,item page
				company:nvidia,lei,549300S4KLFTLO7GSQ80,https://search.gleif.org/#/record/549300S4KLFTLO7GSQ80,2026-12-04,record
				""";
		Dataset dataset = DatasetReader.read(List.of(file("sources.csv", SOURCES), file("entities.csv", entities),
				file("identifiers.csv", identifiers)));
		assertThat(dataset.entities().get(0).identifiers()).containsExactly(
				Map.entry(ExternalId.WIKIDATA, "Q182477"), Map.entry(ExternalId.LEI, "549300S4KLFTLO7GSQ80"));
		assertThat(dataset.entities().get(1).identifiers()).containsExactly(Map.entry(ExternalId.WIKIDATA, "Q15031"));
		assertThat(DatasetGraph.node(dataset.entities().get(0)).properties())
			.containsEntry("wikidata", "Q182477").containsEntry("lei", "549300S4KLFTLO7GSQ80");
	}

	@Test
	void badIdentifiersAreRefusedWithFileLineAndReason() {
		String entities = """
				id,subtype,name,wikidata,lei
				company:nvidia,Company,Nvidia,,
				company:asml,Company,ASML,Q297879,
				state:cn,State,China,Q0148,549300S4KLFTLO7GSQ80
				company:twin,Company,Twin,Q297879,
				""";
		String identifiers = """
				entity,scheme,value,url,checkedOn,checkedWhere
				company:nvidia,lei,549300S4KLFTLO7GSQ81,https://search.gleif.org/,2026-12-04,record
				company:nvidia,wikidata,182477,https://www.wikidata.org/,2026-12-04,item page
				company:nvidia,uscc,91350100M000100Y4Z,https://example.org/,2026-12-04,register
				company:nvidia,isin,US67066G1040,https://example.org/,2026-12-04,prospectus
				company:ghost,wikidata,Q1,https://www.wikidata.org/,2026-12-04,item page
				state:cn,uscc,91350100M000100Y43,https://example.org/,2026-12-04,register
				company:asml,wikidata,Q297879,https://www.wikidata.org/,2026-12-04,item page
				company:nvidia,opensanctions,NK-abc,https://www.opensanctions.org/,,
				""";
		InvalidDatasetException ex = catchThrowableOfType(InvalidDatasetException.class,
				() -> DatasetReader.read(List.of(file("sources.csv", SOURCES), file("entities.csv", entities),
						file("identifiers.csv", identifiers))));
		assertThat(ex.problems()).extracting(DatasetProblem::toString).contains(
				"data/identifiers.csv:2: '549300S4KLFTLO7GSQ81' is not an LEI (ISO 17442): 20 capital letters or digits "
						+ "whose check digits pass MOD 97-10",
				"data/identifiers.csv:3: '182477' is not a Wikidata QID: Q and digits, such as Q182477",
				"data/identifiers.csv:4: '91350100M000100Y4Z' is not a unified social credit code (GB 32100-2015): 18 "
						+ "characters of 0-9 and A-Y without I, O, S, V and Z, the last the check character",
				"data/identifiers.csv:5: unknown scheme 'isin'; one of wikidata, lei, uscc, opensanctions",
				"data/identifiers.csv:6: names entity 'company:ghost', which no entities file of this import defines; "
						+ "identifiers are imported with their entities",
				"data/identifiers.csv:7: uscc does not identify a State ('state:cn'); it identifies companies only",
				"data/identifiers.csv:8: 'company:asml' already has wikidata 'Q297879' at data/entities.csv:3",
				"data/identifiers.csv:9: 'checkedOn' is required",
				"data/entities.csv:4: wikidata 'Q0148' is not a Wikidata QID: Q and digits, such as Q182477",
				"data/entities.csv:4: lei does not identify a State; it identifies companies only",
				"data/entities.csv:5: wikidata 'Q297879' is also given to 'company:asml' at data/entities.csv:3");
	}

}
