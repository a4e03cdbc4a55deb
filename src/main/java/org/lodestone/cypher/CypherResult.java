package org.lodestone.cypher;

import java.util.List;

/**
 * What a read-only Cypher query returned.
 *
 * @param columns the column names, in order
 * @param rows each row's values, in column order; nodes, relationships and paths as JSON objects
 * @param truncated whether the row cap cut the result short
 */
public record CypherResult(List<String> columns, List<List<Object>> rows, boolean truncated) {
}
