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

	private static Link link(Map<String, Object> props) {
		Map<String, Object> stored = new LinkedHashMap<>(props);
		stored.put("sources", List.of("src:usgs"));
		return Links.of("SUPPLIES", CHINA, GALLIUM, stored, List.of(USGS));
	}

}
