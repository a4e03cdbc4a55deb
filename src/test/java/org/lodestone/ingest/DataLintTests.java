package org.lodestone.ingest;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.lodestone.graph.DateBasis;
import org.lodestone.graph.DatePrecision;
import org.lodestone.graph.RelationshipType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Each rule of {@link DataLint} on a small dataset read the way the importer reads one: a row that breaks the rule
 * beside a row that does not.
 */
class DataLintTests {

	private static final String SOURCES = """
			id,publisher,title,date,url,type,checkedOn,checkedWhere
			src:a,Reuters,A,2025-01-01,https://example.org/a,news,,
			src:b,MOFCOM,B,2025-01-02,https://example.org/b,official,2026-12-04,paragraph 2
			""";

	private static final String ENTITIES = """
			id,subtype,name,aliases,description,announced,effective,suspendedUntil,rescinded,sources
			agency:mofcom,Agency,MOFCOM,,,,,,,src:a
			state:us,State,United States,,,,,,,
			mineral:gallium,Element,Gallium,,,,,,,
			mineral:germanium,Element,Germanium,,,,,,,
			policy:ban,Ban,Gallium ban,,,2025-01-10,2025-02-01,,,
			""";

	private static final String HEADER = String.join(",", DatasetReader.RELATIONSHIP_COLUMNS) + "\n";

	private static final String ISSUED = "agency:mofcom,policy:ban,ISSUED,2025-01-10,,0.95,src:b,,,,,\n";

	@Test
	void aRelationshipOnOneSourceBelowNinetyPercentIsAWeakSource() {
		List<LintFinding> findings = lint(SOURCES, ENTITIES, HEADER + ISSUED
				+ "policy:ban,mineral:gallium,RESTRICTS,2025-02-01,,0.7,src:a,,,,,\n"
				+ "policy:ban,mineral:germanium,RESTRICTS,2025-02-01,,0.7,src:a|src:b,,,,,\n"
				+ "state:us,mineral:gallium,SUPPLIES,2024-01-01,2024-12-31,0.9,src:a,,0.1,,year,\n"
				+ "state:us,mineral:gallium,SUPPLIES,2023-01-01,2023-12-31,0.6,src:a,,0.1,,year,\n",
				DataLint.SINGLE_WEAK_SOURCE);
		assertThat(findings).extracting(LintFinding::where)
			.containsExactly("(policy:ban)-[:RESTRICTS]->(mineral:gallium)",
					"(state:us)-[:SUPPLIES]->(mineral:gallium) from 2023-01-01");
		assertThat(findings.get(0).message()).startsWith("rests on one source (src:a) at confidence 0.7");
	}

	@Test
	void aSourceNobodyCitesIsReported() {
		String sources = SOURCES + "src:c,Reuters,C,2025-01-03,https://example.org/c,news,,\n";
		assertThat(lint(sources, ENTITIES, HEADER + ISSUED, DataLint.UNCITED_SOURCE))
			.containsExactly(new LintFinding("uncited-source", "src:c", "no entity or relationship cites it"));
		// src:a is cited by an entity only, src:b by a relationship only: both count.
		assertThat(lint(SOURCES, ENTITIES, HEADER + ISSUED, DataLint.UNCITED_SOURCE)).isEmpty();
	}

	@Test
	void aQuoteIsUncheckedUntilOneOfItsSourcesRecordsACheck() {
		List<LintFinding> findings = lint(SOURCES, ENTITIES, HEADER + ISSUED
				+ "policy:ban,mineral:gallium,RESTRICTS,2025-02-01,,0.9,src:a,\"gallium, banned\",,,,\n"
				+ "policy:ban,mineral:germanium,RESTRICTS,2025-02-01,,0.9,src:a|src:b,germanium too,,,,\n"
				+ "policy:ban,state:us,TARGETS,2025-02-01,,0.9,src:a,,,,,\n", DataLint.QUOTE_UNCHECKED);
		assertThat(findings).containsExactly(new LintFinding("quote-unchecked",
				"(policy:ban)-[:RESTRICTS]->(mineral:gallium)",
				"has a quote, but none of its sources (src:a) records a check (checkedOn, checkedWhere)"));
	}

	@Test
	void aMeasureWhoseLifecycleDatesGoBackwardsIsOutOfOrder() {
		String entities = ENTITIES
				+ "policy:late,Ban,Announced after it took effect,,,2025-04-15,2025-04-09,,,\n"
				+ "policy:undone,Ban,Rescinded before it took effect,,,2025-01-01,2025-03-01,,2025-02-01,\n"
				+ "policy:paused,Ban,Suspended until before it was announced,,,2025-05-01,,2025-04-01,,\n"
				+ "policy:fine,Ban,In order,,,2025-01-01,2025-01-01,2025-06-01,2025-06-01,\n";
		String relationships = HEADER + ISSUED
				+ "agency:mofcom,policy:late,ISSUED,2025-04-15,,0.95,src:b,,,,,\n"
				+ "agency:mofcom,policy:undone,ISSUED,2025-01-01,,0.95,src:b,,,,,\n"
				+ "agency:mofcom,policy:paused,ISSUED,2025-05-01,,0.95,src:b,,,,,\n"
				+ "agency:mofcom,policy:fine,ISSUED,2025-01-01,,0.95,src:b,,,,,\n";
		assertThat(lint(SOURCES, entities, relationships, DataLint.DATES_OUT_OF_ORDER)).containsExactly(
				new LintFinding("dates-out-of-order", "policy:late",
						"announced 2025-04-15 is after effective 2025-04-09"),
				new LintFinding("dates-out-of-order", "policy:undone",
						"rescinded 2025-02-01 is before effective 2025-03-01"),
				new LintFinding("dates-out-of-order", "policy:paused",
						"suspendedUntil 2025-04-01 is before announced 2025-05-01"));
	}

	@Test
	void aRelationshipEndingBeforeItStartsIsOutOfOrderEvenWhenBuiltWithoutTheReader() {
		// The reader refuses such a row outright, so only a dataset built in code can carry one to the lint.
		Dataset read = DatasetReader.read(DatasetReaderTests.files(SOURCES, ENTITIES, HEADER + ISSUED));
		Dataset.Relationship backwards = new Dataset.Relationship("policy:ban", RelationshipType.RESTRICTS,
				"mineral:gallium", LocalDate.of(2025, 2, 1), LocalDate.of(2025, 1, 31), 0.9, List.of("src:b"), null,
				null, null, DatePrecision.DAY, DateBasis.START);
		Dataset dataset = new Dataset(read.sources(), read.entities(),
				List.of(read.relationships().get(0), backwards));
		assertThat(DataLint.lint(dataset)).filteredOn(finding -> finding.rule().equals(DataLint.DATES_OUT_OF_ORDER))
			.containsExactly(new LintFinding("dates-out-of-order", "(policy:ban)-[:RESTRICTS]->(mineral:gallium)",
					"validTo 2025-01-31 is before validFrom 2025-02-01"));
		assertThat(catchThrowableOfType(InvalidDatasetException.class,
				() -> DatasetReader.read(DatasetReaderTests.files(SOURCES, ENTITIES, HEADER + ISSUED
						+ "policy:ban,mineral:gallium,RESTRICTS,2025-02-01,2025-01-31,0.9,src:b,,,,,\n"))))
			.isNotNull();
		assertThat(lint(SOURCES, ENTITIES, HEADER + ISSUED
				+ "policy:ban,mineral:gallium,RESTRICTS,2025-02-01,2025-02-01,0.9,src:b,,,,,\n",
				DataLint.DATES_OUT_OF_ORDER)).isEmpty();
	}

	@Test
	void aMeasuresEffectCannotStartBeforeItWasAnnounced() {
		List<LintFinding> findings = lint(SOURCES, ENTITIES, HEADER + ISSUED
				+ "policy:ban,mineral:gallium,RESTRICTS,2025-01-09,,0.9,src:b,,,,,\n"
				+ "policy:ban,state:us,TARGETS,2025-01-10,,0.9,src:b,,,,,\n"
				// Month-precise: sometime in January, which may be after the 10th, so not a finding.
				+ "policy:ban,mineral:germanium,LICENSED_FOR,2025-01-01,,0.9,src:b,,,,month,\n",
				DataLint.VALIDITY_AGAINST_LIFECYCLE);
		assertThat(findings).containsExactly(new LintFinding("validity-against-lifecycle",
				"(policy:ban)-[:RESTRICTS]->(mineral:gallium)",
				"holds from 2025-01-09, before policy:ban was announced on 2025-01-10"));
	}

	@Test
	void aMeasuresEffectCannotHoldAfterItWasRescinded() {
		String entities = ENTITIES.replace("Gallium ban,,,2025-01-10,2025-02-01,,,",
				"Gallium ban,,,2025-01-10,2025-02-01,,2025-05-13,");
		List<LintFinding> findings = lint(SOURCES, entities, HEADER + ISSUED
				+ "policy:ban,mineral:gallium,RESTRICTS,2025-02-01,,0.9,src:b,,,,,\n"
				+ "policy:ban,state:us,TARGETS,2025-02-01,2025-05-14,0.9,src:b,,,,,\n"
				+ "policy:ban,mineral:germanium,RESTRICTS,2025-02-01,2025-05-12,0.9,src:b,,,,,\n",
				DataLint.VALIDITY_AGAINST_LIFECYCLE);
		assertThat(findings).extracting(LintFinding::where, LintFinding::message)
			.containsExactly(tuple("(policy:ban)-[:RESTRICTS]->(mineral:gallium)",
					"holds with no end, after policy:ban was rescinded on 2025-05-13; validTo is the last day it held"),
					tuple("(policy:ban)-[:TARGETS]->(state:us)", "holds until 2025-05-14, after policy:ban was "
							+ "rescinded on 2025-05-13; validTo is the last day it held"));
	}

	@Test
	void aRestrictionCannotHoldWhileItsMeasureIsSuspended() {
		String entities = ENTITIES + """
				policy:truce,TradeDeal,Truce,,,2025-11-10,,,,
				policy:pause,Concession,Open-ended pause,,,2025-03-01,,,,
				policy:later,Ban,Suspended before it took effect,,,2025-10-09,2025-11-08,2026-11-10,,
				policy:open,Ban,Suspended with no end,,,2025-01-01,2025-01-01,,,
				""";
		String issued = """
				agency:mofcom,policy:truce,ISSUED,2025-11-10,,0.95,src:b,,,,,
				agency:mofcom,policy:pause,ISSUED,2025-03-01,,0.95,src:b,,,,,
				agency:mofcom,policy:later,ISSUED,2025-10-09,,0.95,src:b,,,,,
				agency:mofcom,policy:open,ISSUED,2025-01-01,,0.95,src:b,,,,,
				""";
		String relationships = HEADER + ISSUED + issued
				// policy:ban suspended from 10 Nov 2025 to 10 Nov 2026 by the edge's own dates.
				+ "policy:truce,policy:ban,SUSPENDS,2025-11-10,2026-11-10,0.95,src:b,,,,,\n"
				+ "policy:ban,mineral:gallium,RESTRICTS,2025-02-01,,0.9,src:b,,,,,\n"
				+ "policy:ban,mineral:germanium,RESTRICTS,2025-02-01,2025-11-09,0.9,src:b,,,,,\n"
				// A suspended measure still names whom it applies to.
				+ "policy:ban,state:us,TARGETS,2025-02-01,,0.9,src:b,,,,,\n"
				// policy:later suspended from 7 Nov 2025 until its own suspendedUntil, 10 Nov 2026.
				+ "policy:truce,policy:later,SUSPENDS,2025-11-07,,0.95,src:b,,,,,\n"
				+ "policy:later,mineral:gallium,RESTRICTS,2025-11-08,,0.9,src:b,,,,,\n"
				+ "policy:later,mineral:germanium,RESTRICTS,2026-11-11,,0.9,src:b,,,,,\n"
				// policy:open suspended from 1 Mar 2025 with no end.
				+ "policy:pause,policy:open,SUSPENDS,2025-03-01,,0.95,src:b,,,,,\n"
				+ "policy:open,mineral:gallium,RESTRICTS,2025-01-01,,0.9,src:b,,,,,\n"
				+ "policy:open,mineral:germanium,RESTRICTS,2025-01-01,2025-02-28,0.9,src:b,,,,,\n";
		assertThat(lint(SOURCES, entities, relationships, DataLint.VALIDITY_AGAINST_LIFECYCLE)).containsExactly(
				new LintFinding("validity-against-lifecycle", "(policy:ban)-[:RESTRICTS]->(mineral:gallium)",
						"holds from 2025-02-01 with no end, while policy:ban is suspended by policy:truce from "
								+ "2025-11-10 to 2026-11-10"),
				new LintFinding("validity-against-lifecycle", "(policy:later)-[:RESTRICTS]->(mineral:gallium)",
						"holds from 2025-11-08 with no end, while policy:later is suspended by policy:truce from "
								+ "2025-11-07 to 2026-11-10"),
				new LintFinding("validity-against-lifecycle", "(policy:open)-[:RESTRICTS]->(mineral:gallium)",
						"holds from 2025-01-01 with no end, while policy:open is suspended by policy:pause from "
								+ "2025-03-01 with no end"));
	}

	@Test
	void aMeasureNobodyIssuedIsReported() {
		String entities = ENTITIES + "policy:orphan,TradeDeal,Orphan deal,,,2025-01-01,,,,src:a\n";
		String relationships = HEADER + ISSUED + "state:us,policy:orphan,PARTY_TO,2025-01-01,,0.9,src:b,,,,,\n";
		assertThat(lint(SOURCES, entities, relationships, DataLint.POLICY_WITHOUT_ISSUER)).containsExactly(
				new LintFinding("policy-without-issuer", "policy:orphan", "no ISSUED edge says who issued it"));
	}

	@Test
	void aDatasetThatKeepsEveryRuleHasNoFindings() {
		String relationships = HEADER + ISSUED
				+ "policy:ban,mineral:gallium,RESTRICTS,2025-02-01,,0.95,src:b,banned,,,,\n"
				+ "policy:ban,state:us,TARGETS,2025-02-01,,0.8,src:a|src:b,,,,,\n";
		assertThat(DataLint.lint(DatasetReader.read(DatasetReaderTests.files(SOURCES, ENTITIES, relationships))))
			.isEmpty();
	}

	@Test
	void acceptedFindingsAreSetAsideAndAcceptancesMatchingNothingAreStale() {
		List<LintFinding> findings = List.of(new LintFinding("uncited-source", "src:c", "no entity cites it"),
				new LintFinding("policy-without-issuer", "policy:orphan", "no ISSUED edge says who issued it"));
		List<LintAcceptance> acceptances = LintAcceptance.parse("docs/lint-accepted.csv", """
				rule,where,reason
				uncited-source,src:c,"kept for the record, cited in docs"
				policy-without-issuer,policy:gone,the issuer is unknown
				""");
		LintReport report = LintReport.of(findings, acceptances);
		assertThat(report.problems()).containsExactly(findings.get(1));
		assertThat(report.accepted()).containsExactly(
				new LintReport.Accepted(findings.get(0), "kept for the record, cited in docs"));
		assertThat(report.stale()).containsExactly(acceptances.get(1));
		assertThat(report.passes()).isFalse();
		assertThat(LintReport.of(findings.subList(0, 1), acceptances.subList(0, 1)).passes()).isTrue();
		assertThat(LintReport.countsByRule(findings)).isEqualTo("uncited-source 1, policy-without-issuer 1");
	}

	@Test
	void theAcceptedListRefusesUnknownRulesEmptyReasonsAndRepeats() {
		assertThat(catchThrowableOfType(IllegalArgumentException.class, () -> LintAcceptance.parse("accepted.csv", """
				rule,where,reason
				uncited-source,src:c,kept
				uncited-sources,src:d,typo
				uncited-source,src:e,
				uncited-source,src:c,again
				"""))).hasMessageContaining("accepted.csv:3: unknown rule 'uncited-sources'")
			.hasMessageContaining("accepted.csv:4: 'reason' is required")
			.hasMessageContaining("accepted.csv:5: accepts the same finding as line 2");
		assertThat(catchThrowableOfType(IllegalArgumentException.class,
				() -> LintAcceptance.parse("accepted.csv", "rule,reason\nuncited-source,kept\n")))
			.hasMessage("accepted.csv:1: the columns must be rule,where,reason");
	}

	private static List<LintFinding> lint(String sources, String entities, String relationships, String rule) {
		Dataset dataset = DatasetReader.read(DatasetReaderTests.files(sources, entities, relationships));
		return DataLint.lint(dataset).stream().filter(finding -> finding.rule().equals(rule)).toList();
	}

}
