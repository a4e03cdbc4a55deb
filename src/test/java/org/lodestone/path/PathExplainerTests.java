package org.lodestone.path;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.lodestone.analysis.LinkageLedger;
import org.lodestone.graph.EntitySummary;
import org.lodestone.graph.Link;
import org.lodestone.graph.Links;
import org.lodestone.graph.SourceReference;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a path says in words: the summary paragraph a reader can check against its hops, the linkages it touches, and
 * why an answer holds no path.
 */
class PathExplainerTests {

	static final EntitySummary H20 = new EntitySummary("product:nvidia-h20", "Product", "Chip", "Nvidia H20");

	static final EntitySummary LICENCES = new EntitySummary("policy:us-h20-export-licences", "Policy", "Licence",
			"US H20 export licences");

	static final EntitySummary FRAMEWORK = new EntitySummary("policy:us-cn-london-framework", "Policy", "TradeDeal",
			"London framework");

	static final EntitySummary NDPR = new EntitySummary("mineral:ndpr", "Mineral", "Compound", "NdPr");

	static final SourceReference REUTERS = new SourceReference("src:reuters", "Lutnick ties H20 to magnets", "Reuters",
			LocalDate.of(2025, 7, 15), "https://example.org/reuters");

	static final SourceReference BIS = new SourceReference("src:bis", "Licences issued", "BIS",
			LocalDate.of(2025, 8, 1), "https://example.org/bis");

	static final String QUOTE = "We put that in the trade deal with the magnets";

	static final Link LICENSED = hop("LICENSED_FOR", LICENCES, H20, "2025-08-01", 0.9, null, BIS);

	static final Link CONCESSION = hop("CONCESSION_FOR", LICENCES, FRAMEWORK, "2025-07-15", 0.6, QUOTE, REUTERS);

	static final Link COVERS = hop("COVERS", FRAMEWORK, NDPR, "2025-06-11", 0.8, null, REUTERS, BIS);

	@Test
	void aPathOfThreeHopsNamesItsEndsItsMiddleInOrderAndSaysEveryHop() {
		String summary = PathExplainer.summary(List.of(H20, LICENCES, FRAMEWORK, NDPR),
				List.of(LICENSED, CONCESSION, COVERS));
		assertThat(summary).startsWith("Nvidia H20 connects to NdPr in 3 hops, through US H20 export licences, then "
				+ "London framework. " + LICENSED.sentence() + " " + CONCESSION.sentence() + " " + COVERS.sentence()
				+ " ");
	}

	@Test
	void aPathOfOneHopSaysHopAndHasNoMiddle() {
		String summary = PathExplainer.summary(List.of(FRAMEWORK, NDPR), List.of(COVERS));
		assertThat(summary).startsWith("London framework connects to NdPr in 1 hop. " + COVERS.sentence())
			.doesNotContain("through");
	}

	@Test
	void theWeakestLinkIsTheHopWithTheLeastConfidence() {
		assertThat(PathExplainer.summary(List.of(H20, LICENCES, FRAMEWORK, NDPR), List.of(LICENSED, CONCESSION, COVERS)))
			.contains(" The weakest link is \"US H20 export licences CONCESSION_FOR London framework\" at confidence 0.6.");
	}

	@Test
	void theTimeSpanRunsFromTheEarliestToTheLatestStartOrNamesTheOneDayAllShare() {
		assertThat(PathExplainer.summary(List.of(H20, LICENCES, FRAMEWORK, NDPR), List.of(LICENSED, CONCESSION, COVERS)))
			.contains(" The links date from 2025-06-11 to 2025-08-01.");
		assertThat(PathExplainer.summary(List.of(FRAMEWORK, NDPR), List.of(COVERS)))
			.contains(" Every link dates from 2025-06-11.");
	}

	@Test
	void everyPublisherIsListedOnceInTheOrderThePathCitesThem() {
		assertThat(PathExplainer.summary(List.of(H20, LICENCES, FRAMEWORK, NDPR), List.of(LICENSED, CONCESSION, COVERS)))
			.contains(" Sources: BIS; Reuters.");
		Link unsourced = hop("COVERS", FRAMEWORK, NDPR, "2025-06-11", 0.8, null);
		assertThat(PathExplainer.summary(List.of(FRAMEWORK, NDPR), List.of(unsourced))).doesNotContain("Sources:");
	}

	@Test
	void theFirstQuoteOnThePathIsCitedByItsFirstSourceOrElseByWhoseHopItIs() {
		assertThat(PathExplainer.summary(List.of(H20, LICENCES, FRAMEWORK, NDPR), List.of(LICENSED, CONCESSION, COVERS)))
			.endsWith(" Quoted: \"" + QUOTE + "\" (Reuters 2025-07-15).");
		Link unsourced = hop("CONCESSION_FOR", LICENCES, FRAMEWORK, "2025-07-15", 0.6, QUOTE);
		assertThat(PathExplainer.summary(List.of(LICENCES, FRAMEWORK), List.of(unsourced)))
			.endsWith(" Quoted: \"" + QUOTE + "\" (US H20 export licences).");
		assertThat(PathExplainer.summary(List.of(FRAMEWORK, NDPR), List.of(COVERS))).doesNotContain("Quoted");
	}

	@Test
	void aLinkageSaysWhoAssertedAndWhoDisputedItWithTheirWordsAndItsStrength() {
		assertThat(PathExplainer.linkage(linkage())).isEqualTo("This path touches the linkage \"H20 licences for "
				+ "magnets\", asserted by Howard Lutnick on 2025-07-15 (\"" + QUOTE + "\"), disputed by MOFCOM on "
				+ "2025-07-16; evidence strength 0.7.");
		LinkageLedger.Linkage bare = new LinkageLedger.Linkage("linkage:bare", "A bare tie", null, List.of(),
				List.of(), List.of(), null, 0.3, List.of());
		assertThat(PathExplainer.linkage(bare)).isEqualTo(
				"This path touches the linkage \"A bare tie\"; evidence strength 0.3.");
	}

	@Test
	void onlyPathsThroughALinkageOrOneOfItsSidesMentionIt() {
		ConnectionPath throughLicences = path(List.of(H20, LICENCES, FRAMEWORK, NDPR),
				List.of(LICENSED, CONCESSION, COVERS));
		ConnectionPath direct = path(List.of(FRAMEWORK, NDPR), List.of(COVERS));
		List<ConnectionPath> explained = PathExplainer.withLinkages(List.of(throughLicences, direct),
				List.of(linkage()));
		assertThat(explained.get(0).summary()).isEqualTo(throughLicences.summary() + " "
				+ PathExplainer.linkage(linkage()));
		assertThat(explained.get(0)).usingRecursiveComparison().ignoringFields("summary").isEqualTo(throughLicences);
		assertThat(explained.get(1)).isEqualTo(direct);
		assertThat(PathExplainer.withLinkages(List.of(direct), List.of())).containsExactly(direct);
	}

	@Test
	void anEmptyAnswerWithoutFiltersSaysNothingConnectsWithinTheDepth() {
		assertThat(PathExplainer.noConnection(H20, NDPR, options(1, null, 0, null, false), false))
			.isEqualTo("No connection between Nvidia H20 and NdPr within 1 hops.");
	}

	@Test
	void anEmptyAnswerWithFiltersNamesThemAndSaysWhetherTheGraphConnectsWithoutThem() {
		PathOptions filtered = options(6, LocalDate.of(2020, 1, 1), 0.9, "COVERS", true);
		assertThat(PathExplainer.noConnection(H20, NDPR, filtered, true)).isEqualTo("Nvidia H20 and NdPr connect within "
				+ "6 hops, but not by relationships holding on 2020-01-01, with confidence of at least 0.9, using only "
				+ "the allowed relationship types, through only Policy entities, following relationships only "
				+ "outgoing.");
		assertThat(PathExplainer.noConnection(H20, NDPR, options(4, null, 0.9, null, false), false)).isEqualTo(
				"No connection between Nvidia H20 and NdPr within 4 hops at all, even without the filters (with "
						+ "confidence of at least 0.9).");
	}

	private static PathOptions options(int maxDepth, LocalDate asOf, double minConfidence, String types,
			boolean kindsAndDirection) {
		return PathOptions.parse("k-shortest", "5", String.valueOf(maxDepth), types, null,
				kindsAndDirection ? "Policy" : null, (asOf != null) ? asOf.toString() : null,
				String.valueOf(minConfidence), kindsAndDirection ? "outgoing" : "any");
	}

	private static LinkageLedger.Linkage linkage() {
		LinkageLedger.Side licences = new LinkageLedger.Side(LICENCES.id(), LICENCES.name(), "Licence",
				LocalDate.of(2025, 8, 1));
		LinkageLedger.Side magnets = new LinkageLedger.Side("policy:cn-magnet-curbs", "China's magnet curbs",
				"ExportControl", LocalDate.of(2025, 4, 4));
		return new LinkageLedger.Linkage("linkage:h20-licences-for-magnets", "H20 licences for magnets", null,
				List.of(magnets, licences),
				List.of(new LinkageLedger.Claim("person:howard-lutnick", "Howard Lutnick", LocalDate.of(2025, 7, 15),
						QUOTE, 0.8, List.of(REUTERS))),
				List.of(new LinkageLedger.Claim("agency:mofcom", "MOFCOM", LocalDate.of(2025, 7, 16), null, 0.6,
						List.of())),
				104L, 0.7, List.of(REUTERS));
	}

	private static ConnectionPath path(List<EntitySummary> nodes, List<Link> hops) {
		double least = hops.stream().mapToDouble(Link::confidence).min().orElseThrow();
		LocalDate latest = hops.stream().map(Link::latestEvidence).max(LocalDate::compareTo).orElseThrow();
		return new ConnectionPath(nodes, hops, hops.size(), least, latest, PathExplainer.summary(nodes, hops));
	}

	private static Link hop(String type, EntitySummary from, EntitySummary to, String validFrom, double confidence,
			String quote, SourceReference... sources) {
		Map<String, Object> stored = new HashMap<>();
		stored.put("validFrom", LocalDate.parse(validFrom));
		stored.put("confidence", confidence);
		stored.put("sources", List.of(sources).stream().map(SourceReference::id).toList());
		if (quote != null) {
			stored.put("quote", quote);
		}
		return Links.of(type, from, to, stored, List.of(sources));
	}

}
