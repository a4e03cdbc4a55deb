package org.lodestone.info;

import org.junit.jupiter.api.Test;
import org.lodestone.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.client.RestTestClient;

class InfoIT extends IntegrationTest {

	@Autowired
	RestTestClient rest;

	@Test
	void infoReportsVersionsModeAndGraphSize() {
		this.rest.get().uri("/api/info").exchange()
			.expectStatus().isOk()
			.expectBody()
			.jsonPath("$.application").isEqualTo("lodestone")
			.jsonPath("$.version").isNotEmpty()
			.jsonPath("$.neo4j.version").isEqualTo("5.26.30")
			.jsonPath("$.neo4j.edition").isEqualTo("community")
			.jsonPath("$.neo4j.mode").isEqualTo("embedded")
			.jsonPath("$.neo4j.boltUri").isEqualTo("bolt://127.0.0.1:" + BOLT_PORT)
			.jsonPath("$.neo4j.browserUri").isEqualTo("http://127.0.0.1:" + HTTP_PORT + "/browser/")
			.jsonPath("$.graph.nodes").isNumber()
			.jsonPath("$.graph.relationships").isNumber();
	}

	@Test
	void healthIncludesNeo4j() {
		// Details are for a READ credential; AttackCorpusIT shows anonymous callers get statuses only.
		this.rest.get().uri("/actuator/health")
			.headers(headers -> headers.setBasicAuth(org.lodestone.support.TestCredentials.READER,
					org.lodestone.support.TestCredentials.READER_PASSWORD))
			.exchange()
			.expectStatus().isOk()
			.expectBody()
			.jsonPath("$.status").isEqualTo("UP")
			.jsonPath("$.components.neo4j.status").isEqualTo("UP")
			.jsonPath("$.components.neo4j.details.edition").isEqualTo("community");
	}

}
