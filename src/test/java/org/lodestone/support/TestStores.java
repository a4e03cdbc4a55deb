package org.lodestone.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Throwaway store directories under {@code target/}, so {@code mvn clean} removes them and nothing touches
 * {@code ./var}.
 */
public final class TestStores {

	private TestStores() {
	}

	public static Path create(String name) {
		try {
			Path base = Path.of("target", "test-stores");
			Files.createDirectories(base);
			return Files.createTempDirectory(base, name + "-").toAbsolutePath();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
