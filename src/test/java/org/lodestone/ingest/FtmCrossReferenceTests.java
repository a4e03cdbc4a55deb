package org.lodestone.ingest;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.lodestone.export.FtmExporter;
import org.lodestone.graph.Kind;
import org.lodestone.support.BundledData;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Cross-referencing a FollowTheMoney file against the actors: on Lodestone's own FtM export of the bundled data, where
 * every actor must find itself, and on lines an OpenSanctions file could hold.
 */
class FtmCrossReferenceTests {

	private static final Dataset DATASET = BundledData.dataset();

	@Test
	void everyActorFindsItselfInTheFtmExportOfTheData() throws IOException {
		StringWriter export = new StringWriter();
		new FtmExporter().export(new DatasetGraph(DATASET), export);
		List<DatasetProblem> problems = new ArrayList<>();
		List<FtmCrossReference.Candidate> candidates = new FtmCrossReference(DATASET).candidates("export.ftm.json",
				new StringReader(export.toString()), problems);
		assertThat(problems).isEmpty();
		// Identifiers outrank names: Nvidia carries its QID and LEI, so one of them is the basis, not its name
		assertThat(candidates).filteredOn(c -> c.actor().equals("company:nvidia")
				&& c.ftmId().equals("lodestone-company-nvidia"))
			.singleElement().satisfies(c -> assertThat(c.basis()).matches("wikidata Q182477|lei 549300S4KLFTLO7GSQ80"));
		// Lynas carries no identifier in data/identifiers.csv, so its name is the basis
		assertThat(DATASET.entities()).filteredOn(e -> e.id().equals("company:lynas"))
			.singleElement().satisfies(e -> assertThat(e.identifiers()).isEmpty());
		assertThat(candidates).anySatisfy(c -> {
			assertThat(c.actor()).isEqualTo("company:lynas");
			assertThat(c.ftmId()).isEqualTo("lodestone-company-lynas");
			assertThat(c.basis()).startsWith("name ");
		});
		// Every actor with an identifier, or a name or alias long enough to match, finds its own FtM entity
		List<String> actors = DATASET.entities().stream()
			.filter(e -> e.subtype().kind() == Kind.ACTOR)
			.filter(e -> !e.identifiers().isEmpty() || Stream.concat(Stream.of(e.name()), e.aliases().stream())
				.anyMatch(name -> FtmCrossReference.normalize(name).length() >= FtmCrossReference.MIN_NAME))
			.map(Dataset.Entity::id).toList();
		assertThat(actors).hasSizeGreaterThan(100);
		assertThat(candidates.stream().filter(c -> c.ftmId().equals("lodestone-" + c.actor().replace(':', '-')))
			.map(FtmCrossReference.Candidate::actor).distinct()).containsExactlyInAnyOrderElementsOf(actors);
	}

	@Test
	void matchesByIdentifierOrNameAndReportsMalformedLines() throws IOException {
		String file = """
				{"id": "NK-test1", "schema": "Company", "properties": {"name": ["Chipmaker Unknown To Lodestone"], "wikidataId": ["Q182477"]}}
				{"id": "NK-test2", "schema": "Company", "properties": {"name": ["ASML HOLDING N.V."], "alias": ["ASML Holding NV"]}}
				{"id": "NK-test3", "schema": "Person", "properties": {"name": ["ASML Holding"]}}
				{"id": "NK-test4", "schema": "Vessel", "properties": {"name": ["Nvidia"]}}
				{"id": "NK-test5", "schema": "Company", "properties": {"name": ["US"]}}
				not json

				{"schema": "Company", "properties": {}}
				""";
		List<DatasetProblem> problems = new ArrayList<>();
		List<FtmCrossReference.Candidate> candidates = new FtmCrossReference(DATASET).candidates("os.ftm.json",
				new StringReader(file), problems);
		assertThat(candidates).extracting(FtmCrossReference.Candidate::toString).containsExactly(
				"company:asml <- NK-test2 (Company 'ASML HOLDING N.V.'): name 'ASML Holding NV'",
				"company:nvidia <- NK-test1 (Company 'Chipmaker Unknown To Lodestone'): wikidata Q182477");
		assertThat(problems).extracting(DatasetProblem::toString).hasSize(2)
			.anySatisfy(p -> assertThat(p).startsWith("os.ftm.json:6: is not JSON"))
			.contains("os.ftm.json:8: is not an FtM entity: it needs id, schema and properties");
	}

}
