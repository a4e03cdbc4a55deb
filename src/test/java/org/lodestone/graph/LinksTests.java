package org.lodestone.graph;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hop sentences say when a link held only as precisely as the data knows it, and never invent a start.
 */
class LinksTests {

	private static final EntitySummary CHINA = new EntitySummary("state:cn", "Actor", "State", "China");

	private static final EntitySummary GALLIUM = new EntitySummary("mineral:gallium", "Mineral", "Element", "Gallium");

	private static final SourceReference USGS = new SourceReference("src:usgs", "Gallium", "U.S. Geological Survey",
			LocalDate.of(2026, 2, 1), "https://example.org/usgs");

	@Test
	void aStartKnownToTheDayReadsFromThatDay() {
		Link link = link(Map.of("validFrom", LocalDate.of(2023, 8, 1), "confidence", 0.95));
		assertThat(link.sentence()).isEqualTo("China supplies Gallium from 2023-08-01, per U.S. Geological Survey 2026-02-01.");
		assertThat(link.precision()).isEqualTo("day");
		assertThat(link.basis()).isEqualTo("start");
		assertThat(link.id()).isEqualTo("state:cn|SUPPLIES|mineral:gallium|2023-08-01");
	}

	@Test
	void aReportedLinkHeldBySomeDateNotFromIt() {
		Link link = link(Map.of("validFrom", LocalDate.of(2025, 11, 9), "confidence", 0.7, "basis", "reported"));
		assertThat(link.sentence()).contains("China supplies Gallium by 2025-11-09 (reported),");
		assertThat(link.basis()).isEqualTo("reported");
	}

	@Test
	void monthAndYearPrecisionAreSaidAsMonthAndYear() {
		assertThat(link(Map.of("validFrom", LocalDate.of(2023, 7, 1), "confidence", 0.8, "precision", "month"))
			.sentence()).contains("Gallium from July 2023,");
		Map<String, Object> year = new LinkedHashMap<>(Map.of("validFrom", LocalDate.of(2024, 1, 1), "confidence", 0.9,
				"precision", "year", "share", 0.989));
		year.put("validTo", LocalDate.of(2024, 12, 31));
		Link share = link(year);
		assertThat(share.sentence()).startsWith("China supplies Gallium (99% share) in 2024,");
		assertThat(share.precision()).isEqualTo("year");
	}

	@Test
	void onlyTypesKeyedByPeriodCarryTheDateInTheirId() {
		assertThat(RelationshipType.COVERS.edgeId("policy:a", "mineral:b", LocalDate.of(2025, 1, 1)))
			.isEqualTo("policy:a|COVERS|mineral:b");
		assertThat(new GraphEdge("state:cn", RelationshipType.SUPPLIES, "mineral:gallium",
				Map.of("validFrom", LocalDate.of(2024, 1, 1))).id())
			.isEqualTo("state:cn|SUPPLIES|mineral:gallium|2024-01-01");
	}

	@Test
	void aLinkThatEndedSaysItsLastDay() {
		Map<String, Object> ended = new LinkedHashMap<>(Map.of("validFrom", LocalDate.of(2023, 8, 1), "confidence", 0.9));
		ended.put("validTo", LocalDate.of(2024, 12, 2));
		assertThat(link(ended).sentence()).isEqualTo(
				"China supplies Gallium from 2023-08-01 to 2024-12-02, per U.S. Geological Survey 2026-02-01.");
		ended.put("basis", "reported");
		assertThat(link(ended).sentence()).contains("Gallium by 2023-08-01 (reported) to 2024-12-02,");
	}

	@Test
	void aYearIsSaidAsAWholeYearOnlyWhenTheLinkHeldToItsLastDay() {
		Map<String, Object> part = new LinkedHashMap<>(Map.of("validFrom", LocalDate.of(2024, 1, 1), "confidence", 0.9,
				"precision", "year"));
		part.put("validTo", LocalDate.of(2024, 6, 30));
		assertThat(link(part).sentence()).contains("Gallium from 2024 to 2024-06-30,");
		part.remove("validTo");
		assertThat(link(part).sentence()).contains("Gallium from 2024,");
	}

	@Test
	void aSentenceCitesAtMostTwoSourcesInTheOrderTheRelationshipCitesThem() {
		SourceReference mofcom = new SourceReference("src:mofcom", "Announcement", "MOFCOM", LocalDate.of(2023, 7, 3),
				"https://example.org/mofcom");
		SourceReference reuters = new SourceReference("src:reuters", "Curbs", "Reuters", LocalDate.of(2023, 7, 4),
				"https://example.org/reuters");
		Map<String, Object> stored = new LinkedHashMap<>(Map.of("validFrom", LocalDate.of(2023, 8, 1), "confidence", 0.95));
		stored.put("sources", List.of("src:mofcom", "src:usgs", "src:reuters"));
		Link link = Links.of("SUPPLIES", CHINA, GALLIUM, stored, List.of(reuters, USGS, mofcom));
		assertThat(link.sentence()).endsWith(", per MOFCOM 2023-07-03; U.S. Geological Survey 2026-02-01.");
		assertThat(link.sources()).extracting(SourceReference::id).containsExactly("src:mofcom", "src:usgs", "src:reuters");
	}

	@Test
	void aLinkWithoutSourcesEndsWithItsDate() {
		Link link = Links.of("SUPPLIES", CHINA, GALLIUM, Map.of("validFrom", LocalDate.of(2023, 8, 1), "confidence", 0.5),
				List.of());
		assertThat(link.sentence()).isEqualTo("China supplies Gallium from 2023-08-01.");
	}

	@Test
	void anUnknownPrecisionOrBasisReadsAsADayAndAStart() {
		Link link = link(Map.of("validFrom", LocalDate.of(2023, 8, 1), "confidence", 0.95, "precision", "fortnight",
				"basis", "rumoured"));
		assertThat(link.sentence()).contains("Gallium from 2023-08-01,");
		assertThat(link.precision()).isEqualTo("day");
		assertThat(link.basis()).isEqualTo("start");
	}

	@Test
	void aLinkHeldFromItsFirstThroughItsLastDayInclusiveOrOnWhileItHasNoEnd() {
		Map<String, Object> ended = new LinkedHashMap<>(Map.of("validFrom", LocalDate.of(2023, 8, 1), "confidence", 0.9));
		ended.put("validTo", LocalDate.of(2024, 12, 2));
		Link link = link(ended);
		assertThat(link.heldOn(LocalDate.of(2023, 7, 31))).isFalse();
		assertThat(link.heldOn(LocalDate.of(2023, 8, 1))).isTrue();
		assertThat(link.heldOn(LocalDate.of(2024, 12, 2))).isTrue();
		assertThat(link.heldOn(LocalDate.of(2024, 12, 3))).isFalse();
		assertThat(link(Map.of("validFrom", LocalDate.of(2023, 8, 1), "confidence", 0.9)).heldOn(LocalDate.of(2099, 1, 1)))
			.isTrue();
	}

	@Test
	void theLatestEvidenceIsTheNewestCitedSourceOrElseWhenTheLinkBegan() {
		LocalDate began = LocalDate.of(2023, 8, 1);
		assertThat(Links.latestEvidence(java.util.stream.Stream.of(LocalDate.of(2024, 1, 5), null,
				LocalDate.of(2025, 3, 1)), began)).isEqualTo(LocalDate.of(2025, 3, 1));
		assertThat(Links.latestEvidence(java.util.stream.Stream.of((LocalDate) null), began)).isEqualTo(began);
		assertThat(link(Map.of("validFrom", began, "confidence", 0.9)).latestEvidence()).isEqualTo(USGS.date());
	}

	private static Link link(Map<String, Object> props) {
		Map<String, Object> stored = new LinkedHashMap<>(props);
		stored.put("sources", List.of("src:usgs"));
		return Links.of("SUPPLIES", CHINA, GALLIUM, stored, List.of(USGS));
	}

}
