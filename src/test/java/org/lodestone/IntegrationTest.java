package org.lodestone;

import java.nio.file.Path;

import org.lodestone.support.FreePorts;
import org.lodestone.support.TestStores;

import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of the full-context tests: one application on one embedded engine with a throwaway store and free ports,
 * shared by every subclass through Spring's context cache.
 */
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
		// The first path queries on a fresh engine plan and warm up; on a busy 2-core machine that alone can pass
		// the interactive 5 s default, which tests are not about.
		registry.add("lodestone.query.timeout", () -> "30s");
	}

}
