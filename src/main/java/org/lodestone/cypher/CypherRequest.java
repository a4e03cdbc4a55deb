package org.lodestone.cypher;

import java.util.Map;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * A read-only Cypher query with its parameters.
 *
 * @param query the Cypher text
 * @param parameters values for its {@code $parameters}
 * @param knownAt an instant (or a date) to run it on the graph as recorded then, or {@code null} for the live graph
 */
record CypherRequest(@NotBlank @Size(max = 20_000) String query, Map<String, Object> parameters,
		@Size(max = 64) String knownAt) {
}
