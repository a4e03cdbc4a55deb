package org.lodestone.cypher;

import java.util.Map;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * A read-only Cypher query with its parameters.
 *
 * @param query the Cypher text
 * @param parameters values for its {@code $parameters}
 */
record CypherRequest(@NotBlank @Size(max = 20_000) String query, Map<String, Object> parameters) {
}
