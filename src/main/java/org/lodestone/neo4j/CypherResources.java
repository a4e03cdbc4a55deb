package org.lodestone.neo4j;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.springframework.core.io.ClassPathResource;

/**
 * Fixed statements kept as {@code .cypher} files beside the feature that runs them, so they read, diff and paste into
 * Browser as Cypher, not as Java strings.
 */
public final class CypherResources {

	private CypherResources() {
	}

	/**
	 * @param feature a class of the feature; the file is in its package's resource folder
	 * @param file the file name, such as {@code details.cypher}
	 * @return its single statement, comments removed
	 * @throws IllegalStateException when the file holds other than one statement
	 */
	public static String load(Class<?> feature, String file) {
		return single(new ClassPathResource(file, feature), feature.getPackageName().replace('.', '/') + "/" + file);
	}

	/**
	 * @param resource a {@code .cypher} file
	 * @param name how errors name it
	 * @return its single statement, comments removed
	 * @throws IllegalStateException when the file holds other than one statement
	 */
	static String single(ClassPathResource resource, String name) {
		try {
			List<String> statements = CypherScript.statements(resource.getContentAsString(StandardCharsets.UTF_8));
			if (statements.size() != 1) {
				throw new IllegalStateException(name + " must hold exactly one statement");
			}
			return statements.get(0);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
