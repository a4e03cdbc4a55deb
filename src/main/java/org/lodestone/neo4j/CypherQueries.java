package org.lodestone.neo4j;

import org.springframework.core.io.ClassPathResource;

/**
 * The analyst queries under {@code cypher/queries/}, for services that answer with exactly what a Browser user runs,
 * so the two cannot drift apart.
 */
public final class CypherQueries {

	private CypherQueries() {
	}

	/**
	 * @param file a file name in {@code cypher/queries/}
	 * @return its single statement, comments removed
	 */
	public static String load(String file) {
		return CypherResources.single(new ClassPathResource("cypher/queries/" + file), "cypher/queries/" + file);
	}

}
