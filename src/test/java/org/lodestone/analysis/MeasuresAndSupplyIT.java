package org.lodestone.analysis;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.lodestone.IntegrationTest;
import org.lodestone.neo4j.CypherQueries;
import org.neo4j.driver.Driver;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lodestone.support.JsonValues.strings;

/**
 * The two reads behind the explorer's timeline and exposure matrix: {@code GET /api/measures} and
 * {@code GET /api/supply}.
 */
class MeasuresAndSupplyIT extends IntegrationTest {

	@Autowired
	RestTestClient rest;

	@Autowired
	Driver driver;

	@Autowired
	MeasureTimeline timeline;

	@Test
	void everyMeasureIsOnTheTimelineWithItsIssuerSubjectsTiesAndSuspensions() {
		List<String> policies = this.driver.executableQuery("MATCH (m:Policy) RETURN m.id AS id ORDER BY id").execute()
			.records().stream().map(r -> r.get("id").asString()).toList();
		List<MeasureTimeline.Measure> measures = this.timeline.measures(null);
		assertThat(measures).extracting(MeasureTimeline.Measure::id).containsExactlyInAnyOrderElementsOf(policies);

		MeasureTimeline.Measure licences = measure(measures, "policy:us-h20-export-licences");
		assertThat(licences.issuers()).extracting(MeasureTimeline.Issuer::id).contains("agency:us-bis");
		assertThat(licences.subjects()).anySatisfy(s -> {
			assertThat(s.id()).isEqualTo("product:nvidia-h20");
			assertThat(s.role()).isEqualTo("LICENSED_FOR");
		});
		assertThat(licences.links()).anySatisfy(l -> {
			assertThat(l.type()).isEqualTo("CONCESSION_FOR");
			assertThat(l.to()).isEqualTo("policy:us-cn-london-framework");
		});
		assertThat(licences.links()).anySatisfy(l -> {
			assertThat(l.type()).isEqualTo("LINKAGE");
			assertThat(l.to()).isEqualTo("policy:cn-rare-earth-magnet-export-resumption");
			assertThat(l.linkage()).isEqualTo("linkage:h20-licences-for-rare-earth-magnets");
		});

		// China's December 2024 ban on dual-use exports to the US, suspended in November 2025.
		MeasureTimeline.Measure ban = measure(measures, "policy:cn-us-dual-use-export-ban-2024-12");
		assertThat(ban.suspensions()).singleElement().satisfies(s -> {
			assertThat(s.by()).isEqualTo("policy:cn-us-dual-use-ban-suspension-2025-11");
			assertThat(s.validFrom()).hasToString("2025-11-09");
		});
		assertThat(ban.subjects()).extracting(MeasureTimeline.Subject::id).contains("mineral:gallium", "state:us");

		// An issuer that is a member of a state is grouped under it: Japan's METI under Japan.
		assertThat(measures).flatExtracting(MeasureTimeline.Measure::issuers)
			.filteredOn(issuer -> issuer.id().equals("agency:jp-meti"))
			.allSatisfy(issuer -> assertThat(issuer.group().id()).isEqualTo("state:jp"))
			.isNotEmpty();
		// The agencies that issue most measures are grouped under their state: MOFCOM and China's customs under
		// China, BIS (through the Department of Commerce) under the United States.
		Map<String, String> groups = measures.stream().flatMap(m -> m.issuers().stream())
			.collect(Collectors.toMap(MeasureTimeline.Issuer::id, i -> i.group().id(), (a, b) -> a));
		assertThat(groups).containsEntry("agency:cn-mofcom", "state:cn").containsEntry("agency:cn-gac", "state:cn")
			.containsEntry("agency:us-bis", "state:us").containsEntry("agency:us-commerce", "state:us");

		this.rest.get().uri("/api/measures").exchange().expectStatus().isOk().expectBody()
			.jsonPath("$[?(@.id == 'policy:us-h20-export-licences')].links[*].type")
			.value(types -> assertThat(strings(types)).contains("CONCESSION_FOR", "REVERSES", "LINKAGE"));
	}

	@Test
	void eachMeasuresStateOnADateIsTheAnswerOfTheMeasuresInForceQuery() {
		for (String date : List.of("2019-01-01", "2024-06-01", "2025-09-01", "2025-12-01")) {
			Map<String, Boolean> inForce = this.driver
				.executableQuery(CypherQueries.load("measures-in-force-on-date.cypher"))
				.withParameters(Map.of("date", LocalDate.parse(date))).execute().records().stream()
				.collect(Collectors.toMap(r -> r.get("id").asString(), r -> r.get("suspended").asBoolean()));
			List<MeasureTimeline.Measure> measures = this.timeline.measures(LocalDate.parse(date));
			assertThat(measures).allSatisfy(m -> assertThat(m.asOf()).hasToString(date));
			assertThat(measures).filteredOn(m -> m.status() == MeasureTimeline.Status.IN_FORCE)
				.extracting(MeasureTimeline.Measure::id)
				.containsExactlyInAnyOrderElementsOf(inForce.keySet().stream().filter(id -> !inForce.get(id)).toList());
			assertThat(measures).filteredOn(m -> m.status() == MeasureTimeline.Status.SUSPENDED)
				.extracting(MeasureTimeline.Measure::id)
				.containsExactlyInAnyOrderElementsOf(inForce.keySet().stream().filter(inForce::get).toList());
		}
		String licences = "$[?(@.id == 'policy:us-h20-export-licences')].status";
		String ban = "$[?(@.id == 'policy:cn-us-dual-use-export-ban-2024-12')].status";
		this.rest.get().uri("/api/measures?asOf=2019-01-01").exchange().expectStatus().isOk().expectBody()
			.jsonPath("$[0].asOf").isEqualTo("2019-01-01")
			.jsonPath(licences).isEqualTo(List.of("not yet in force"))
			.jsonPath(ban).isEqualTo(List.of("not yet in force"));
		this.rest.get().uri("/api/measures?asOf=2025-09-01").exchange().expectStatus().isOk().expectBody()
			.jsonPath(licences).isEqualTo(List.of("in force"))
			.jsonPath(ban).isEqualTo(List.of("in force"));
		// Suspended from 9 November 2025.
		this.rest.get().uri("/api/measures?asOf=2025-12-01").exchange().expectStatus().isOk().expectBody()
			.jsonPath(ban).isEqualTo(List.of("suspended"));
		this.rest.get().uri("/api/measures?asOf=yesterday").exchange().expectStatus().isBadRequest().expectBody()
			.jsonPath("$.parameter").isEqualTo("asOf");
	}

	@Test
	void theSupplyMatrixGivesSharesWithTheirYearAndTheMeasuresInForceOnTheDate() {
		this.rest.get().uri("/api/supply?asOf=2025-05-15").exchange().expectStatus().isOk().expectBody()
			.jsonPath("$.asOf").isEqualTo("2025-05-15")
			.jsonPath("$.minerals[?(@.id == 'mineral:gallium')].suppliers[0].supplier").isEqualTo(List.of("state:cn"))
			.jsonPath("$.minerals[?(@.id == 'mineral:gallium')].suppliers[0].share").isEqualTo(List.of(0.99))
			.jsonPath("$.minerals[?(@.id == 'mineral:gallium')].suppliers[0].validFrom").isEqualTo(List.of("2025-01-01"))
			.jsonPath("$.minerals[?(@.id == 'mineral:gallium')].suppliers[0].held").isEqualTo(List.of(true))
			.jsonPath("$.minerals[?(@.id == 'mineral:gallium')].suppliers[0].sources[0].url").exists()
			.jsonPath("$.minerals[?(@.id == 'mineral:gallium')].measures[*].id")
			.value(ids -> assertThat(strings(ids)).contains("policy:cn-gallium-germanium-export-controls-2023",
					"policy:cn-us-dual-use-export-ban-2024-12"))
			// China's own controls are China's: their issuers (MOFCOM, customs) are tied to the state.
			.jsonPath("$.minerals[?(@.id == 'mineral:gallium')].measures[?(@.id == 'policy:cn-gallium-germanium-export-controls-2023')].states[*]")
			.value(states -> assertThat(strings(states)).containsExactly("state:cn"));
		// A year earlier the 2024 share stands, and the December 2024 ban is not yet in force.
		this.rest.get().uri("/api/supply?asOf=2024-06-01").exchange().expectStatus().isOk().expectBody()
			.jsonPath("$.minerals[?(@.id == 'mineral:gallium')].suppliers[0].share").isEqualTo(List.of(0.989))
			.jsonPath("$.minerals[?(@.id == 'mineral:gallium')].measures[*].id")
			.value(ids -> assertThat(strings(ids)).contains("policy:cn-gallium-germanium-export-controls-2023")
				.doesNotContain("policy:cn-us-dual-use-export-ban-2024-12"));
		// Suspended from 9 November 2025: no longer in force.
		this.rest.get().uri("/api/supply?asOf=2025-12-01").exchange().expectStatus().isOk().expectBody()
			.jsonPath("$.minerals[?(@.id == 'mineral:gallium')].measures[*].id")
			.value(ids -> assertThat(strings(ids)).doesNotContain("policy:cn-us-dual-use-export-ban-2024-12"));
		this.rest.get().uri("/api/supply?asOf=2025-13-01").exchange().expectStatus().isBadRequest().expectBody()
			.jsonPath("$.parameter").isEqualTo("asOf");
	}

	private static MeasureTimeline.Measure measure(List<MeasureTimeline.Measure> measures, String id) {
		return measures.stream().filter(m -> m.id().equals(id)).findFirst().orElseThrow();
	}

}
