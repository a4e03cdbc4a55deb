package org.lodestone.neo4j;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * The password of the embedded engine's {@code neo4j} user when none is configured: generated on the first start,
 * stored under the engine's directory in a file only its owner may read, and read back on every later start.
 * <p>
 * Authentication is what keeps a web page from using the engine: Bolt and HTTP listen on loopback, which any page in
 * the user's browser can reach (issue 18 found a foreign page could read, write and delete the graph). A generated
 * password keeps the first start a single command while no page, and no other local user, knows it.
 */
final class EngineCredentials {

	/** The file, relative to the engine's directory. */
	static final String FILE = "neo4j-password";

	private static final Log logger = LogFactory.getLog(EngineCredentials.class);

	private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

	private EngineCredentials() {
	}

	/**
	 * @param home the engine's directory
	 * @return the stored password, generated and stored first if there is none
	 * @throws Neo4jStartupException when the file cannot be read or written
	 */
	static String passwordFor(Path home) {
		Path file = home.toAbsolutePath().normalize().resolve(FILE);
		try {
			if (Files.isRegularFile(file)) {
				String stored = Files.readString(file, StandardCharsets.UTF_8).strip();
				if (!stored.isEmpty()) {
					logger.info("Neo4j Browser login: user neo4j, password in " + file);
					return stored;
				}
			}
			String password = generate();
			Files.createDirectories(file.getParent());
			write(file, password);
			// Printed this once; afterwards the log names the file only.
			logger.warn("Generated the embedded Neo4j password (Neo4j Browser login: user neo4j, password "
					+ password + "); stored in " + file + ", readable only by you");
			return password;
		}
		catch (IOException | RuntimeException ex) {
			throw new Neo4jStartupException("The embedded Neo4j password file " + file + " cannot be read or written: "
					+ ex.getMessage(), "lodestone.neo4j.password", ex);
		}
	}

	private static void write(Path file, String password) throws IOException {
		Files.deleteIfExists(file);
		try {
			Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
		}
		catch (UnsupportedOperationException ex) {
			// Not a POSIX file system (Windows): the directory's own access control applies.
			Files.createFile(file);
		}
		catch (FileAlreadyExistsException ex) {
			throw new IOException("another process created it at the same time", ex);
		}
		Files.writeString(file, password + "\n", StandardCharsets.UTF_8);
	}

	// 24 random bytes: 192 bits, URL-safe text so it can be typed or pasted anywhere.
	private static String generate() {
		byte[] bytes = new byte[24];
		new SecureRandom().nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

}
