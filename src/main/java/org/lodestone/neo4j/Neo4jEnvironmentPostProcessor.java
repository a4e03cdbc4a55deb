package org.lodestone.neo4j;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.StringUtils;

/**
 * Accepts the environment variables every Neo4j tool understands ({@code NEO4J_URI}, {@code NEO4J_USERNAME},
 * {@code NEO4J_PASSWORD}) as the matching {@code spring.neo4j.*} properties, which win when both are set.
 */
class Neo4jEnvironmentPostProcessor implements EnvironmentPostProcessor {

	private static final Map<String, String> ALIASES = Map.of("NEO4J_URI", "spring.neo4j.uri", "NEO4J_USERNAME",
			"spring.neo4j.authentication.username", "NEO4J_PASSWORD", "spring.neo4j.authentication.password");

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		Map<String, Object> mapped = new LinkedHashMap<>();
		ALIASES.forEach((variable, property) -> {
			String value = environment.getProperty(variable);
			if (StringUtils.hasText(value) && !environment.containsProperty(property)) {
				mapped.put(property, value);
			}
		});
		if (!mapped.isEmpty()) {
			environment.getPropertySources().addLast(new MapPropertySource("neo4jEnvironmentVariables", mapped));
		}
	}

}
