package org.lodestone.neo4j;

import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

class Neo4jEnvironmentPostProcessorTests {

	private final Neo4jEnvironmentPostProcessor processor = new Neo4jEnvironmentPostProcessor();

	@Test
	void mapsTheStandardNeo4jVariablesToSpringProperties() {
		MockEnvironment environment = new MockEnvironment().withProperty("NEO4J_URI", "neo4j+s://abc.databases.neo4j.io")
			.withProperty("NEO4J_USERNAME", "reader")
			.withProperty("NEO4J_PASSWORD", "pw");
		this.processor.postProcessEnvironment(environment, new SpringApplication());
		assertThat(environment.getProperty("spring.neo4j.uri")).isEqualTo("neo4j+s://abc.databases.neo4j.io");
		assertThat(environment.getProperty("spring.neo4j.authentication.username")).isEqualTo("reader");
		assertThat(environment.getProperty("spring.neo4j.authentication.password")).isEqualTo("pw");
	}

	@Test
	void explicitSpringPropertiesWin() {
		MockEnvironment environment = new MockEnvironment().withProperty("NEO4J_URI", "bolt://from-env:7687")
			.withProperty("spring.neo4j.uri", "bolt://from-properties:7687");
		this.processor.postProcessEnvironment(environment, new SpringApplication());
		assertThat(environment.getProperty("spring.neo4j.uri")).isEqualTo("bolt://from-properties:7687");
	}

	@Test
	void leavesTheEmbeddedModeAloneWithoutVariables() {
		MockEnvironment environment = new MockEnvironment();
		this.processor.postProcessEnvironment(environment, new SpringApplication());
		assertThat(environment.containsProperty("spring.neo4j.uri")).isFalse();
	}

}
