package org.lodestone.analysis;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.lodestone.IntegrationTest;
import org.lodestone.path.PathAnswer;
import org.lodestone.path.PathMode;
import org.lodestone.path.PathOptions;
import org.lodestone.path.PathService;
import org.lodestone.support.StoredGraph;
import org.neo4j.driver.Driver;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lodestone.support.JsonValues.strings;

class AnalysisIT extends IntegrationTest {

	@Autowired
	RestTestClient rest;

	@Autowired
	Driver driver;

	@Autowired
	LinkageLedger ledger;

	@Autowired
	PathService paths;

	@Test
	void theH20ForMagnetsLinkageCarriesLutnicksQuoteBessentsDisputeTheLagAndStrength() {
		LinkageLedger.Linkage linkage = this.ledger.linkages().stream()
			.filter(l -> l.id().equals("linkage:h20-licences-for-rare-earth-magnets")).findFirst().orElseThrow();
		assertThat(linkage.sides()).extracting(LinkageLedger.Side::id)
			.containsExactly("policy:cn-rare-earth-magnet-export-resumption", "policy:us-h20-export-licences");
		assertThat(linkage.assertions()).anySatisfy(claim -> {
			assertThat(claim.actor()).isEqualTo("person:howard-lutnick");
			assertThat(claim.quote()).isEqualTo("We put that in the trade deal with the magnets");
			assertThat(claim.sources()).anySatisfy(source -> assertThat(source.publisher()).contains("Reuters"));
		});
		assertThat(linkage.disputes()).singleElement()
			.satisfies(claim -> assertThat(claim.actor()).isEqualTo("person:scott-bessent"));
		long expectedLag = java.time.temporal.ChronoUnit.DAYS.between(linkage.sides().get(0).date(),
				linkage.sides().get(1).date());
		assertThat(linkage.lagDays()).isEqualTo(expectedLag).isPositive();
		double asserted = 1 - linkage.assertions().stream().mapToDouble(c -> 1 - c.confidence()).reduce(1, (a, b) -> a * b);
		double expected = linkage.disputes().stream().mapToDouble(c -> 1 - c.confidence() / 2).reduce(asserted, (a, b) -> a * b);
		assertThat(linkage.strength()).isCloseTo(expected, org.assertj.core.data.Offset.offset(0.001));
		this.rest.get().uri("/api/linkages").exchange().expectStatus().isOk().expectBody()
			.jsonPath("$[?(@.id == 'linkage:h20-licences-for-rare-earth-magnets')].assertions[0].quote")
			.isEqualTo(List.of("We put that in the trade deal with the magnets"));
	}

	@Test
	void pathExplanationsMentionTheLinkageTheyPassThrough() {
		PathAnswer answer = this.paths.connect("H20", "NdPr", new PathOptions(PathMode.K_SHORTEST, 5, 6,
				List.of(), List.of(), List.of(), null, 0, false));
		assertThat(answer.paths()).anySatisfy(path -> assertThat(path.summary())
			.contains("touches the linkage \"US H20 export licences tied to China's rare-earth magnet export approvals\"")
			.contains("disputed by Scott Bessent"));
	}

	@Test
	void measuresInForceOnADateAreThoseEffectiveByThenWithTheirSources() {
		this.rest.get().uri("/api/measures/in-force?asOf=2025-05-15").exchange()
			.expectStatus().isOk()
			.expectBody()
			.jsonPath("$.date").isEqualTo("2025-05-15")
			.jsonPath("$.measures[?(@.id == 'policy:us-h20-licence-requirement-2025-04')].since")
			.isEqualTo(List.of("2025-04-09"))
			.jsonPath("$.measures[?(@.id == 'policy:us-h20-licence-requirement-2025-04')].sources[*].url")
			.value(urls -> assertThat(strings(urls)).isNotEmpty().allSatisfy(url -> assertThat(url).startsWith("http")))
			// The H20 licences took effect on 8 August 2025, after this date.
			.jsonPath("$.measures[*].id").value(ids -> assertThat(strings(ids))
				.doesNotContain("policy:us-h20-export-licences"));
		this.rest.get().uri("/api/measures/in-force?asOf=2025-08-08").exchange()
			.expectStatus().isOk()
			.expectBody()
			.jsonPath("$.measures[*].id").value(ids -> assertThat(strings(ids)).contains("policy:us-h20-export-licences"));
		this.rest.get().uri("/api/measures/in-force?asOf=15 May").exchange().expectStatus().isBadRequest();
	}

	@Test
	void exposureWalksFromAnEndUseToItsMineralsWithSharesAndMeasuresInForce() {
		this.rest.get().uri("/api/exposure/EV motor?asOf=2025-07-01").exchange()
			.expectStatus().isOk()
			.expectBody()
			.jsonPath("$.entity.id").isEqualTo("product:ev-traction-motor")
			// Among the measures in force on the magnet inputs (the data also holds China's licensing since 2015).
			.jsonPath("$.chokepoints[*].measures[*].id").value(ids -> assertThat(strings(ids))
				.contains("policy:cn-rare-earth-export-controls-2025-04"))
			.jsonPath("$.chokepoints[*].input").value(ids -> assertThat(strings(ids)).contains("mineral:ndpr",
					"product:ndfeb-magnet", "mineral:dysprosium"))
			.jsonPath("$.chokepoints[?(@.dominantSupplier != null)].dominantSupplier.sources[0].url").exists();
		this.rest.get().uri("/api/exposure/product:ev-traction-motor?asOf=2024-01-01").exchange()
			.expectStatus().isOk()
			.expectBody()
			.jsonPath("$.chokepoints[*].measures[*].id").value(ids -> assertThat(strings(ids))
				.doesNotContain("policy:cn-rare-earth-export-controls-2025-04"));
	}

	@Test
	void scenariosReachDependentsWithPathsAndNeverChangeTheGraph() {
		StoredGraph before = StoredGraph.read(this.driver);
		this.rest.post().uri("/api/scenarios").contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("description", "China suspends dysprosium and terbium exports", "action", "restrict",
					"subjects", List.of("dysprosium", "terbium")))
			.exchange()
			.expectStatus().isOk()
			.expectBody()
			.jsonPath("$.reached[?(@.entity.id == 'product:ev-traction-motor')].role").isEqualTo(List.of("depends"))
			.jsonPath("$.reached[?(@.entity.id == 'product:guided-munitions')].hops[*].type")
			.value(types -> assertThat(strings(types)).containsOnly("USED_IN"));
		this.rest.post().uri("/api/scenarios").contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("description", "The US revokes the H20 licences", "action", "revoke", "subjects",
					List.of("policy:us-h20-export-licences")))
			.exchange()
			.expectStatus().isOk()
			.expectBody()
			.jsonPath("$.reached[?(@.entity.id == 'product:nvidia-h20')].role").isEqualTo(List.of("at-risk"))
			.jsonPath("$.reached[?(@.entity.id == 'product:ndfeb-magnet')].hops[0].type").isEqualTo(List.of("TIES"))
			.jsonPath("$.reached[?(@.entity.id == 'product:military-drones')].role").isEqualTo(List.of("depends"));
		this.rest.post().uri("/api/scenarios").contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("action", "revoke", "subjects", List.of("mineral:ndpr")))
			.exchange()
			.expectStatus().isBadRequest()
			.expectBody().jsonPath("$.parameter").isEqualTo("subjects");
		assertThat(StoredGraph.read(this.driver)).isEqualTo(before);
	}

	@Test
	void diffListsMeasuresLicencesAndLinkagesBetweenTwoDates() {
		this.rest.get().uri("/api/diff?from=2025-04-01&to=2025-08-15").exchange()
			.expectStatus().isOk()
			.expectBody()
			.jsonPath("$.changes[?(@.change == 'measure-effective')].subject").value(ids -> assertThat(strings(ids))
				.contains("policy:us-h20-licence-requirement-2025-04"))
			.jsonPath("$.changes[?(@.change == 'licence-granted')].subject").value(ids -> assertThat(strings(ids))
				.contains("policy:us-h20-export-licences|LICENSED_FOR|product:nvidia-h20"))
			.jsonPath("$.changes[?(@.change == 'linkage-made')]").exists()
			.jsonPath("$.changes[?(@.change == 'relationship-ended')].subject").value(ids -> assertThat(strings(ids))
				.contains("policy:us-h20-licence-requirement-2025-04|RESTRICTS|product:nvidia-h20"));
		this.rest.get().uri("/api/diff?from=2025-09-01&to=2025-01-01").exchange().expectStatus().isBadRequest();
	}

	@Test
	void calendarListsSuspensionEndsAndServesICalendar() {
		this.rest.get().uri("/api/calendar?from=2026-11-01&to=2026-11-30").exchange()
			.expectStatus().isOk()
			.expectBody()
			.jsonPath("$[?(@.measure == 'policy:cn-rare-earth-export-controls-2025-10')].date")
			.isEqualTo(List.of("2026-11-10"))
			.jsonPath("$[0].sources[0].url").isNotEmpty();
		String ics = this.rest.get().uri("/api/calendar.ics?from=2026-11-01&to=2026-11-30").exchange()
			.expectStatus().isOk()
			.expectHeader().contentTypeCompatibleWith("text/calendar")
			.expectBody(String.class).returnResult().getResponseBody();
		// RFC 5545 folds lines longer than 75 octets; unfold before reading.
		assertThat(ics.replace("\r\n ", "")).startsWith("BEGIN:VCALENDAR").contains("DTSTART;VALUE=DATE:20261110")
			.contains("UID:policy:cn-rare-earth-export-controls-2025-10/suspended-until@lodestone")
			.contains("END:VCALENDAR");
	}

	@Test
	void centralitySaysWhichAlgorithmRanAndShowsItsEvidence() {
		this.rest.get().uri("/api/analytics/central?kind=Policy").exchange()
			.expectStatus().isOk()
			.expectBody()
			.jsonPath("$.algorithm").value(text -> assertThat(text.toString()).contains("Cypher fallback"))
			.jsonPath("$.entities[0].degree").value(degree -> assertThat(((Number) degree).intValue()).isGreaterThan(5))
			.jsonPath("$.entities[0].sources[0].url").isNotEmpty();
		this.rest.get().uri("/api/analytics/central?kind=Source").exchange().expectStatus().isBadRequest();
	}

}
