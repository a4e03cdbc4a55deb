package org.lodestone.neo4j;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

import org.junit.jupiter.api.Test;
import org.lodestone.IntegrationTest;
import org.lodestone.neo4j.probe.ProbeProcedures;
import org.lodestone.support.FreePorts;
import org.lodestone.support.LoopbackListener;
import org.lodestone.support.TestStores;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.exceptions.ClientException;
import org.neo4j.driver.exceptions.Neo4jException;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The engine's own guards, checked with the application's driver, which has every right on the embedded engine: so
 * these hold for Browser and cypher-shell users too, not only for the REST API.
 */
class EngineHardeningIT extends IntegrationTest {

	@Autowired
	Driver driver;

	@Test
	void loadCsvCannotReachThisMachine() {
		try (LoopbackListener listener = new LoopbackListener()) {
			for (String url : List.of(listener.url("/probe.csv"), "http://localhost:" + listener.port() + "/x.csv",
					"http://[::1]:" + listener.port() + "/x.csv", "http://169.254.169.254/latest/meta-data/")) {
				assertThatExceptionOfType(Neo4jException.class)
					.as(url)
					.isThrownBy(() -> this.driver.executableQuery("LOAD CSV FROM $url AS row RETURN row")
						.withParameters(java.util.Map.of("url", url))
						.execute());
			}
			assertThat(listener.connections()).isZero();
		}
	}

	@Test
	void loadCsvCannotReadFiles() {
		for (String url : List.of("file:///etc/passwd", "file:///../../etc/passwd", "file:///import/x.csv")) {
			assertThatExceptionOfType(ClientException.class).as(url)
				.isThrownBy(() -> this.driver.executableQuery("LOAD CSV FROM '" + url + "' AS row RETURN row")
					.execute());
		}
	}

	@Test
	void theProcedureAllowListIsApplied() {
		// Neo4j applies the allow-list to plugin procedures (APOC and the like); its built-in procedures stay,
		// which is why /api/cypher keeps its own, narrower allow-list.
		String applied = this.driver.executableQuery("""
				SHOW SETTINGS YIELD name, value WHERE name = 'dbms.security.procedures.allowlist' RETURN value
				""").execute().records().get(0).get("value").asString();
		assertThat(applied.split(",")).contains("db.index.fulltext.queryNodes", "dbms.components")
			.doesNotContain("*", "apoc.*");
		assertThat(this.driver.executableQuery("CALL db.labels() YIELD label RETURN count(label) AS n")
			.execute().records().get(0).get("n").asLong()).isPositive();
	}

	@Test
	void fileUrlsWhenAllowedStayInsideTheImportDirectoryAndOnlyAllowListedPluginsLoad() throws Exception {
		Path home = TestStores.create("import-root");
		Path imports = Files.createDirectories(home.resolveSibling(home.getFileName() + "-import"));
		Files.writeString(imports.resolve("ok.csv"), "a\nb\n");
		Files.writeString(home.resolveSibling(home.getFileName() + "-secret.csv"), "secret\n");
		installProbePlugin(home.resolve("plugins"));
		List<String> allowlist = new java.util.ArrayList<>(EmbeddedNeo4jProperties.DEFAULT_PROCEDURE_ALLOWLIST);
		allowlist.add("lodestone.probe.allowed");
		EmbeddedNeo4jProperties properties = new EmbeddedNeo4jProperties(true, home, "127.0.0.1", FreePorts.next(),
				FreePorts.next(), "", "32m", Duration.ofSeconds(30), "256m", imports, true,
				EmbeddedNeo4jProperties.DEFAULT_IP_BLOCKLIST, allowlist, List.of());
		try (EmbeddedNeo4j engine = new EmbeddedNeo4j(properties).start();
				Driver driver = GraphDatabase.driver(engine.boltUri(), AuthTokens.none())) {
			assertThat(driver.executableQuery("LOAD CSV FROM 'file:///ok.csv' AS row RETURN count(row) AS n")
				.execute().records().get(0).get("n").asLong()).isEqualTo(2);
			String escape = "file:///../" + home.getFileName() + "-secret.csv";
			assertThatExceptionOfType(ClientException.class)
				.isThrownBy(() -> driver.executableQuery("LOAD CSV FROM '" + escape + "' AS row RETURN row").execute());

			assertThat(driver.executableQuery("CALL lodestone.probe.allowed() YIELD value RETURN value")
				.execute().records().get(0).get("value").asString()).isEqualTo("probe");
			assertThatExceptionOfType(ClientException.class)
				.isThrownBy(() -> driver.executableQuery("CALL lodestone.probe.refused()").execute());
		}
	}

	private static void installProbePlugin(Path plugins) throws Exception {
		Files.createDirectories(plugins);
		String entry = ProbeProcedures.class.getName().replace('.', '/');
		Path classes = Path.of(ProbeProcedures.class.getProtectionDomain().getCodeSource().getLocation().toURI());
		try (JarOutputStream jar = new JarOutputStream(Files.newOutputStream(plugins.resolve("probe.jar")))) {
			for (String name : List.of(entry + ".class", entry + "$Output.class")) {
				jar.putNextEntry(new JarEntry(name));
				jar.write(Files.readAllBytes(classes.resolve(name)));
				jar.closeEntry();
			}
		}
	}

}
