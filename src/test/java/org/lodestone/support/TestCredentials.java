package org.lodestone.support;

import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * The credentials the full-context tests configure: a WRITE and a READ credential of each kind, some stored with
 * bcrypt (as in production), some with {@code {noop}} (to show the notation is honoured, not to recommend it).
 */
public final class TestCredentials {

	public static final String WRITER = "writer";

	public static final String WRITER_PASSWORD = "writer-pass-1";

	public static final String READER = "reader";

	public static final String READER_PASSWORD = "reader-pass-1";

	public static final String WRITE_KEY = "test-write-key-0123456789";

	public static final String READ_KEY = "test-read-key-0123456789";

	private static final BCryptPasswordEncoder BCRYPT = new BCryptPasswordEncoder(4);

	private TestCredentials() {
	}

	/**
	 * @return the properties that configure these credentials
	 */
	public static String[] properties() {
		return new String[] { "lodestone.security.users." + WRITER + ".password={bcrypt}" + BCRYPT.encode(WRITER_PASSWORD),
				"lodestone.security.users." + WRITER + ".roles=WRITE",
				"lodestone.security.users." + READER + ".password={noop}" + READER_PASSWORD,
				"lodestone.security.users." + READER + ".roles=READ",
				"lodestone.security.api-keys.ci-writer.key={bcrypt}" + BCRYPT.encode(WRITE_KEY),
				"lodestone.security.api-keys.ci-writer.roles=WRITE",
				"lodestone.security.api-keys.ci-reader.key={bcrypt}" + BCRYPT.encode(READ_KEY),
				"lodestone.security.api-keys.ci-reader.roles=READ" };
	}

}
