package org.lodestone.ingest;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.lodestone.graph.RelationshipType;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The importer's statements render as the importer ran them before they were built with Cypher-DSL: each version
 * subquery imports its variables in a well-formed scope clause, and every relationship statement writes its type
 * statically, keyed by period where the type is.
 */
class ImportStatementsTests {

	@Test
	void everyWriteRecordsVersionsInAWellFormedSubquery() {
		List<String> writes = new ArrayList<>(List.of(ImportStatements.WRITE_SOURCES, ImportStatements.WRITE_ENTITIES));
		writes.addAll(ImportStatements.WRITE_RELATIONSHIPS.values());
		assertThat(writes).hasSize(2 + RelationshipType.values().length)
			.allSatisfy(statement -> assertThat(statement).contains("CALL (row, outcome, before) {\n")
				.doesNotContain("{,")
				.contains("WHERE outcome <> 'unchanged'")
				.endsWith("RETURN outcome, count(*) AS count"));
	}

	@Test
	void everyRetractionRetiresVersionsInAWellFormedSubquery() {
		List<String> retractions = new ArrayList<>(List.of(ImportStatements.RETRACT_ENTITIES));
		retractions.addAll(ImportStatements.RETRACT_RELATIONSHIPS.values());
		assertThat(retractions).allSatisfy(statement -> assertThat(statement).contains("CALL (row, before) {\n")
			.contains("o.endedBy = 'retracted'")
			.endsWith("RETURN 'retracted' AS outcome, count(*) AS count"));
	}

	@Test
	void relationshipsAreMergedWithTheirStaticTypeAndPeriodKey() {
		for (RelationshipType type : RelationshipType.values()) {
			String merge = "MERGE (a)-[r:" + type.name() + (type.keyedByPeriod() ? " {" : "]->(b)");
			assertThat(ImportStatements.WRITE_RELATIONSHIPS.get(type)).as(type.name()).contains(merge);
			assertThat(ImportStatements.RETRACT_RELATIONSHIPS.get(type)).as(type.name())
				.contains("-[r:" + type.name() + "]->");
		}
	}

	@Test
	void entityLabelsComeFromParametersNotText() {
		assertThat(ImportStatements.WRITE_ENTITIES).contains("REMOVE n:$($typeLabels)").contains("SET n:$(row.labels)");
	}

}
