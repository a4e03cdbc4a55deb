package org.lodestone.neo4j;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

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
		try {
			String text = new ClassPathResource("cypher/queries/" + file).getContentAsString(StandardCharsets.UTF_8);
			List<String> statements = CypherScript.statements(text);
			if (statements.size() != 1) {
				throw new IllegalStateException(file + " must hold exactly one statement");
			}
			return statements.get(0);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
