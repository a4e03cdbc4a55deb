package org.lodestone;

import java.nio.file.Path;

import org.junit.jupiter.api.Tag;
import org.lodestone.support.FreePorts;
import org.lodestone.support.TestCredentials;
import org.lodestone.support.TestStores;

import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of the full-context tests: one application on one embedded engine with a throwaway store and free ports,
 * shared by every subclass through Spring's context cache. It knows the {@link TestCredentials}. Its subclasses
 * inherit the {@code shared-context} tag, which {@code ./mvnw -Pfast verify} selects: they cost one application
 * start between them, where a test with an application or engine of its own pays its own.
 */
@Tag("shared-context")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureRestTestClient
public abstract class IntegrationTest {

	protected static final Path STORE = TestStores.create("it");

	protected static final int BOLT_PORT = FreePorts.next();

	protected static final int HTTP_PORT = FreePorts.next();

	@DynamicPropertySource
	static void embeddedEngine(DynamicPropertyRegistry registry) {
		registry.add("lodestone.neo4j.directory", STORE::toString);
		registry.add("lodestone.neo4j.bolt-port", () -> BOLT_PORT);
		registry.add("lodestone.neo4j.http-port", () -> HTTP_PORT);
		testSettings(registry);
	}

	/**
	 * The settings of every test application apart from its store and ports, for a test that needs an application
	 * of its own: such a test cannot extend this class, because Spring does not let a subclass's dynamic properties
	 * replace these (its engine then took the shared application's ports).
	 * @param registry the test's dynamic properties
	 */
	public static void testSettings(DynamicPropertyRegistry registry) {
		for (String property : TestCredentials.properties()) {
			int equals = property.indexOf('=');
			registry.add(property.substring(0, equals), () -> property.substring(equals + 1));
		}
		// The injection corpus alone sends about 7,000 requests from one address within a minute; the default
		// (6,000 a minute) is meant for people, so the suite raises it. RateLimitFilterTests checks the limiting.
		registry.add("lodestone.rate-limit.capacity", () -> "1000000");
		// Small upload limits, so the limit tests need not send megabytes.
		registry.add("lodestone.import.max-file-size", () -> "1MB");
		registry.add("spring.servlet.multipart.max-request-size", () -> "2MB");
		// The first path queries on a fresh engine plan and warm up; on a busy 2-core machine that alone can pass
		// the interactive 5 s default, which tests are not about.
		registry.add("lodestone.query.timeout", () -> "30s");
	}

}
