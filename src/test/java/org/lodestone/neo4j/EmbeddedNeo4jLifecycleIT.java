package org.lodestone.neo4j;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.lodestone.support.FreePorts;
import org.lodestone.support.TestStores;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The engine on its own, started and stopped by the test: persistence and the start-up checks.
 */
class EmbeddedNeo4jLifecycleIT {

	@Test
	void keepsDataAcrossARestart() {
		EmbeddedNeo4jProperties properties = properties(TestStores.create("restart"), "127.0.0.1", "");
		try (EmbeddedNeo4j engine = new EmbeddedNeo4j(properties).start();
				Driver driver = GraphDatabase.driver(engine.boltUri(), AuthTokens.none())) {
			driver.executableQuery("CREATE (:Probe {id: 'survives-restart'})").execute();
		}
		try (EmbeddedNeo4j engine = new EmbeddedNeo4j(properties).start();
				Driver driver = GraphDatabase.driver(engine.boltUri(), AuthTokens.none())) {
			long found = driver.executableQuery("MATCH (p:Probe {id: 'survives-restart'}) RETURN count(p) AS n")
				.execute().records().get(0).get("n").asLong();
			assertThat(found).isOne();
		}
	}

	@Test
	void aTakenBoltPortNamesTheSettingToChange() throws IOException {
		EmbeddedNeo4jProperties properties = properties(TestStores.create("taken"), "127.0.0.1", "");
		try (ServerSocket squatter = new ServerSocket()) {
			squatter.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), properties.boltPort()));
			assertThatExceptionOfType(Neo4jStartupException.class)
				.isThrownBy(() -> new EmbeddedNeo4j(properties).start())
				.withMessageContaining("Bolt port 127.0.0.1:" + properties.boltPort() + " is already in use")
				.satisfies(ex -> assertThat(ex.setting()).isEqualTo("lodestone.neo4j.bolt-port"));
		}
	}

	@Test
	void aDirectoryThatIsAFileNamesTheSettingToChange() throws IOException {
		Path file = Files.createFile(TestStores.create("file").resolve("not-a-directory"));
		assertThatExceptionOfType(Neo4jStartupException.class)
			.isThrownBy(() -> new EmbeddedNeo4j(properties(file, "127.0.0.1", "")).start())
			.withMessageContaining(file.toString())
			.satisfies(ex -> assertThat(ex.setting()).isEqualTo("lodestone.neo4j.directory"));
	}

	@Test
	void refusesToListenBeyondLoopbackWithoutAPassword() {
		assertThatExceptionOfType(Neo4jStartupException.class)
			.isThrownBy(() -> new EmbeddedNeo4j(properties(TestStores.create("exposed"), "0.0.0.0", "")).start())
			.withMessageContaining("without a password")
			.satisfies(ex -> assertThat(ex.setting()).isEqualTo("lodestone.neo4j.password"));
	}

	@Test
	void aConfiguredPasswordIsRequiredOverBolt() {
		EmbeddedNeo4jProperties properties = properties(TestStores.create("auth"), "127.0.0.1", "s3cret-pass");
		try (EmbeddedNeo4j engine = new EmbeddedNeo4j(properties).start()) {
			try (Driver driver = GraphDatabase.driver(engine.boltUri(), AuthTokens.basic("neo4j", "s3cret-pass"))) {
				driver.verifyConnectivity();
			}
			try (Driver driver = GraphDatabase.driver(engine.boltUri(), AuthTokens.none())) {
				assertThatExceptionOfType(RuntimeException.class).isThrownBy(driver::verifyConnectivity);
			}
		}
	}

	@Test
	void aStoreInUseSaysWhyInTheStartFailure() {
		Path store = TestStores.create("in-use");
		try (EmbeddedNeo4j first = new EmbeddedNeo4j(properties(store, "127.0.0.1", "")).start()) {
			assertThatExceptionOfType(Neo4jStartupException.class)
				.isThrownBy(() -> new EmbeddedNeo4j(properties(store, "127.0.0.1", "")).start())
				.withMessageContaining("failed to start")
				.withMessageContaining("lock")
				.satisfies(ex -> assertThat(ex.setting()).isEqualTo("lodestone.neo4j.directory"));
			assertThat(first.isRunning()).isTrue();
		}
	}

	private static EmbeddedNeo4jProperties properties(Path directory, String address, String password) {
		return new EmbeddedNeo4jProperties(true, directory, address, FreePorts.next(), FreePorts.next(), password,
				"32m", Duration.ofSeconds(30), "256m");
	}

}
