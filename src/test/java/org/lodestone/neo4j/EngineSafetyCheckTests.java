package org.lodestone.neo4j;

import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.boot.diagnostics.FailureAnalysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNoException;

/**
 * The start-up check refuses unsafe combinations of engine settings with one clear line and the property to change,
 * before anything listens.
 */
class EngineSafetyCheckTests {

	static final Path HOME = Path.of("target", "never-started").toAbsolutePath();

	@Test
	void theDefaultsPass() throws Exception {
		assertThatNoException().isThrownBy(() -> EngineSafetyCheck.check(settings(null, false,
				EmbeddedNeo4jProperties.DEFAULT_IP_BLOCKLIST, EmbeddedNeo4jProperties.DEFAULT_PROCEDURE_ALLOWLIST,
				""), InetAddress.getLoopbackAddress()));
	}

	@Test
	void exposedWithoutAPasswordIsRefused() throws Exception {
		expectRefusal(defaults(""), InetAddress.getByName("0.0.0.0"), "lodestone.neo4j.password", "without a password");
	}

	@Test
	void noTransactionTimeoutIsRefused() {
		EmbeddedNeo4jProperties properties = new EmbeddedNeo4jProperties(true, HOME, "127.0.0.1", 1, 2, "", "32m",
				Duration.ZERO, "256m");
		expectRefusal(properties, InetAddress.getLoopbackAddress(), "lodestone.neo4j.transaction-timeout",
				"without a transaction timeout");
	}

	@Test
	void fileUrlsOverTheStoreOrTheWholeDiskAreRefused() {
		for (Path root : List.of(HOME, HOME.getParent(), HOME.getRoot())) {
			expectRefusal(settings(root, true, EmbeddedNeo4jProperties.DEFAULT_IP_BLOCKLIST,
					EmbeddedNeo4jProperties.DEFAULT_PROCEDURE_ALLOWLIST, ""), InetAddress.getLoopbackAddress(),
					"lodestone.neo4j.import-directory", "includes the engine's own store");
		}
		// The default, <directory>/import, and a sibling directory are fine.
		assertThatNoException().isThrownBy(() -> EngineSafetyCheck.check(settings(null, true,
				EmbeddedNeo4jProperties.DEFAULT_IP_BLOCKLIST, EmbeddedNeo4jProperties.DEFAULT_PROCEDURE_ALLOWLIST,
				""), InetAddress.getLoopbackAddress()));
		assertThatNoException().isThrownBy(() -> EngineSafetyCheck.check(settings(HOME.resolveSibling("imports"),
				true, EmbeddedNeo4jProperties.DEFAULT_IP_BLOCKLIST,
				EmbeddedNeo4jProperties.DEFAULT_PROCEDURE_ALLOWLIST, ""), InetAddress.getLoopbackAddress()));
	}

	@Test
	void aBlocklistThatLetsLoadCsvReachThisMachineIsRefused() {
		for (List<String> blocklist : List.of(List.<String>of(), List.of("10.0.0.0/8"),
				List.of("127.0.0.0/8", "::1/128"))) {
			expectRefusal(settings(null, false, blocklist, EmbeddedNeo4jProperties.DEFAULT_PROCEDURE_ALLOWLIST, ""),
					InetAddress.getLoopbackAddress(), "lodestone.neo4j.load-csv-ip-blocklist", "lets queries connect");
		}
		List<String> invalid = new ArrayList<>(EmbeddedNeo4jProperties.DEFAULT_IP_BLOCKLIST);
		invalid.add("not-a-range/99");
		expectRefusal(settings(null, false, invalid, EmbeddedNeo4jProperties.DEFAULT_PROCEDURE_ALLOWLIST, ""),
				InetAddress.getLoopbackAddress(), "lodestone.neo4j.load-csv-ip-blocklist", "is not an address range");
	}

	@Test
	void anAllowListWithoutWhatLodestoneCallsOrWithEverythingOnTheNetworkIsRefused() throws Exception {
		expectRefusal(settings(null, false, EmbeddedNeo4jProperties.DEFAULT_IP_BLOCKLIST, List.of("db.labels"), ""),
				InetAddress.getLoopbackAddress(), "lodestone.neo4j.procedure-allowlist", "must include");
		expectRefusal(settings(null, false, EmbeddedNeo4jProperties.DEFAULT_IP_BLOCKLIST, List.of("*"), "secret"),
				InetAddress.getByName("0.0.0.0"), "lodestone.neo4j.procedure-allowlist", "every procedure");
		assertThatNoException().isThrownBy(() -> EngineSafetyCheck.check(settings(null, false,
				EmbeddedNeo4jProperties.DEFAULT_IP_BLOCKLIST, List.of("db.*", "dbms.components"), ""),
				InetAddress.getLoopbackAddress()));
	}

	@Test
	void theFailureReportNamesTheSettingAndSaysWhy() {
		Neo4jStartupException ex = Neo4jStartupException.unsafe("Refusing to do X", "lodestone.neo4j.password");
		FailureAnalysis analysis = new Neo4jStartupFailureAnalyzer().analyze(ex);
		assertThat(analysis.getDescription()).isEqualTo("Refusing to do X");
		assertThat(analysis.getAction()).contains("'lodestone.neo4j.password'").contains("Security section")
			.contains("unsafe settings");
	}

	private static void expectRefusal(EmbeddedNeo4jProperties properties, InetAddress address, String setting,
			String message) {
		assertThatExceptionOfType(Neo4jStartupException.class)
			.isThrownBy(() -> EngineSafetyCheck.check(properties, address))
			.withMessageContaining(message)
			.satisfies(ex -> {
				assertThat(ex.setting()).isEqualTo(setting);
				assertThat(ex.unsafe()).isTrue();
				assertThat(ex.getMessage()).doesNotContain("\n");
			});
	}

	private static EmbeddedNeo4jProperties defaults(String password) {
		return settings(null, false, EmbeddedNeo4jProperties.DEFAULT_IP_BLOCKLIST,
				EmbeddedNeo4jProperties.DEFAULT_PROCEDURE_ALLOWLIST, password);
	}

	private static EmbeddedNeo4jProperties settings(Path imports, boolean fileUrls, List<String> blocklist,
			List<String> allowlist, String password) {
		return new EmbeddedNeo4jProperties(true, HOME, "127.0.0.1", 1, 2, password, "32m", Duration.ofSeconds(30),
				"256m", imports, fileUrls, blocklist, allowlist, java.util.List.of());
	}

}
