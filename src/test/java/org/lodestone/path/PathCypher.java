package org.lodestone.path;

import java.util.EnumSet;
import java.util.Map;

import org.lodestone.graph.RelationshipType;

/**
 * The exact Cypher and parameters {@link PathService} sends for an unfiltered query between two entity ids, so the
 * benchmarks can send the same query straight over Bolt as the baseline of {@code /api/paths}.
 */
public final class PathCypher {

	private PathCypher() {
	}

	/**
	 * @param mode shortest, k-shortest or all, as the API names them
	 * @param k how many paths
	 * @param maxDepth the most hops
	 * @return the Cypher
	 */
	public static String cypher(String mode, int k, int maxDepth) {
		PathOptions options = PathOptions.parse(mode, Integer.toString(k), Integer.toString(maxDepth),
				null, null, null, null, null, "any");
		return PathStatement.cypher(options, EnumSet.allOf(RelationshipType.class));
	}

	/**
	 * @param from the start entity's id
	 * @param to the end entity's id
	 * @param k how many paths
	 * @return the parameters the service binds for an unfiltered query
	 */
	public static Map<String, Object> parameters(String from, String to, int k) {
		return PathStatement.parameters(from, to, PathOptions.parse("shortest", Integer.toString(k), "1", null,
				null, null, null, null, "any"));
	}

}
