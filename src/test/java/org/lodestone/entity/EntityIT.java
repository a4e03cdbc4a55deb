package org.lodestone.entity;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.lodestone.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lodestone.support.JsonValues.strings;

class EntityIT extends IntegrationTest {

	@Autowired
	RestTestClient rest;

	@Test
	void searchRanksExactAliasMatchesFirst() {
		this.rest.get().uri("/api/entities?q=H20").exchange()
			.expectStatus().isOk()
			.expectBody()
			.jsonPath("$[0].id").isEqualTo("product:nvidia-h20")
			.jsonPath("$[0].aliases").isArray();
		this.rest.get().uri("/api/entities?q=commerce department").exchange()
			.expectStatus().isOk()
			.expectBody()
			.jsonPath("$[0].id").isEqualTo("agency:us-commerce");
	}

	@Test
	void searchIsFuzzyAndFiltersByKind() {
		this.rest.get().uri("/api/entities?q=magnet&kind=Product&limit=1").exchange()
			.expectStatus().isOk()
			.expectBody()
			.jsonPath("$.length()").isEqualTo(1)
			.jsonPath("$[*].kind").value(kinds -> assertThat(strings(kinds)).containsOnly("Product"));
		this.rest.get().uri("/api/entities?q=Moolenar").exchange()
			.expectStatus().isOk()
			.expectBody()
			.jsonPath("$[0].id").isEqualTo("person:john-moolenaar");
	}

	@Test
	void searchRejectsBadLimitsAndKinds() {
		this.rest.get().uri("/api/entities?q=x&limit=0").exchange()
			.expectStatus().isBadRequest()
			.expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody().jsonPath("$.parameter").isEqualTo("limit");
		this.rest.get().uri("/api/entities?q=x&limit=1000").exchange().expectStatus().isBadRequest();
		this.rest.get().uri("/api/entities?q=x&kind=Planet").exchange()
			.expectStatus().isBadRequest()
			.expectBody().jsonPath("$.parameter").isEqualTo("kind");
	}

	@Test
	void detailsShowAliasesLifecycleAndEverySourceThatMentionsTheEntity() {
		this.rest.get().uri("/api/entities/mineral:ndpr").exchange()
			.expectStatus().isOk()
			.expectBody()
			.jsonPath("$.name").isEqualTo("NdPr (neodymium-praseodymium)")
			.jsonPath("$.aliases").value(aliases -> assertThat(strings(aliases)).contains("NdPr",
					"neodymium-praseodymium"))
			.jsonPath("$.lifecycle").doesNotExist()
			.jsonPath("$.sources[0].url").isNotEmpty()
			.jsonPath("$.relationships").value(count -> assertThat(((Number) count).intValue()).isPositive());
		this.rest.get().uri("/api/entities/policy:us-h20-licence-requirement-2025-04").exchange()
			.expectStatus().isOk()
			.expectBody()
			.jsonPath("$.lifecycle.effective").isEqualTo("2025-04-09");
	}

	@Test
	void unknownIdIs404() {
		this.rest.get().uri("/api/entities/product:nothing").exchange()
			.expectStatus().isNotFound()
			.expectBody().jsonPath("$.type").isEqualTo("urn:lodestone:problem:entity-not-found");
	}

	@Test
	void neighboursRespectDepthTypesAndAsOf() {
		this.rest.get().uri("/api/entities/product:nvidia-h20/neighbors?types=RESTRICTS&asOf=2025-05-15").exchange()
			.expectStatus().isOk()
			.expectBody()
			.jsonPath("$.center.id").isEqualTo("product:nvidia-h20")
			.jsonPath("$.links[*].type").value(types -> assertThat(strings(types)).containsOnly("RESTRICTS"))
			.jsonPath("$.nodes[*].id").value(ids -> assertThat(strings(ids))
				.contains("policy:us-h20-licence-requirement-2025-04"));
		this.rest.get().uri("/api/entities/product:nvidia-h20/neighbors?types=RESTRICTS&asOf=2025-09-01").exchange()
			.expectStatus().isOk()
			.expectBody()
			.jsonPath("$.nodes[*].id").value(ids -> assertThat(strings(ids))
				.doesNotContain("policy:us-h20-licence-requirement-2025-04"));
		this.rest.get().uri("/api/entities/product:nvidia-h20/neighbors?depth=2").exchange()
			.expectStatus().isOk()
			.expectBody()
			.jsonPath("$.nodes.length()").value(count -> assertThat(((Number) count).intValue()).isGreaterThan(10));
		this.rest.get().uri("/api/entities/product:nvidia-h20/neighbors?depth=4").exchange()
			.expectStatus().isBadRequest()
			.expectBody().jsonPath("$.parameter").isEqualTo("depth");
		this.rest.get().uri("/api/entities/product:nvidia-h20/neighbors?asOf=yesterday").exchange()
			.expectStatus().isBadRequest()
			.expectBody().jsonPath("$.parameter").isEqualTo("asOf");
	}

	@Test
	void timelineIsInDateOrderAndIncludesMeasureLifecycles() {
		this.rest.get().uri("/api/entities/product:nvidia-h20/timeline").exchange()
			.expectStatus().isOk()
			.expectBody()
			.jsonPath("$[*].date").value(dates -> {
				List<LocalDate> parsed = ((List<?>) dates).stream().map(d -> LocalDate.parse(d.toString())).toList();
				assertThat(parsed).isSorted();
			})
			.jsonPath("$[?(@.event == 'effective' && @.subject == 'policy:us-h20-licence-requirement-2025-04')]")
			.exists()
			.jsonPath("$[?(@.event == 'ended' && @.subject == 'policy:us-h20-licence-requirement-2025-04|RESTRICTS|product:nvidia-h20')].date")
			.isEqualTo(List.of("2025-08-07"));
	}


	@Test
	void entitiesAreFoundByTheIdentifiersOtherDatasetsGiveThem() {
		this.rest.get().uri("/api/entities?wikidata=Q182477").exchange()
			.expectStatus().isOk()
			.expectBody().jsonPath("$.length()").isEqualTo(1).jsonPath("$[0].id").isEqualTo("company:nvidia");
		this.rest.get().uri("/api/entities?lei=724500Y6DUVHQD6OXN27").exchange()
			.expectStatus().isOk()
			.expectBody().jsonPath("$[0].id").isEqualTo("company:asml");
		this.rest.get().uri("/api/entities?wikidata=Q148&kind=State").exchange()
			.expectStatus().isOk()
			.expectBody().jsonPath("$[0].id").isEqualTo("state:cn");
		// a well-formed id nobody carries is an empty answer; a malformed one is the caller's mistake
		this.rest.get().uri("/api/entities?wikidata=Q1").exchange()
			.expectStatus().isOk().expectBody().jsonPath("$.length()").isEqualTo(0);
		this.rest.get().uri("/api/entities?lei=549300S4KLFTLO7GSQ81").exchange()
			.expectStatus().isBadRequest()
			.expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody().jsonPath("$.parameter").isEqualTo("lei");
		this.rest.get().uri("/api/entities?wikidata=Q182477&q=Nvidia").exchange().expectStatus().isBadRequest();
	}

	@Test
	void detailsAndExportsCarryTheIdentifiers() {
		this.rest.get().uri("/api/entities/company:nvidia").exchange()
			.expectStatus().isOk()
			.expectBody()
			.jsonPath("$.identifiers.wikidata").isEqualTo("Q182477")
			.jsonPath("$.identifiers.lei").isEqualTo("549300S4KLFTLO7GSQ80");
		this.rest.get().uri("/api/entities/mineral:ndpr").exchange()
			.expectStatus().isOk()
			.expectBody().jsonPath("$.identifiers").isEmpty();
		String json = this.rest.get().uri("/api/export?format=json&id=company:nvidia").exchange()
			.expectStatus().isOk()
			.expectBody(String.class).returnResult().getResponseBody();
		assertThat(json).contains("\"wikidata\":\"Q182477\"", "\"lei\":\"549300S4KLFTLO7GSQ80\"");
		String graphml = this.rest.get().uri("/api/export?format=graphml&id=company:nvidia").exchange()
			.expectStatus().isOk()
			.expectBody(String.class).returnResult().getResponseBody();
		assertThat(graphml).contains("attr.name=\"wikidata\"", ">Q182477<");
	}

}
