package org.lodestone.neo4j;

import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.lodestone.IntegrationTest;
import org.lodestone.support.RawHttp;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.exceptions.AuthenticationException;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Issue 18, finding 2: a page open in the user's browser could use the embedded engine's loopback ports (wildcard
 * CORS on HTTP, Bolt over WebSocket for any Origin with the 'none' scheme, any Host header). Each way is tried here
 * as a page would, with the headers a browser sends.
 */
class EngineOriginIT extends IntegrationTest {

	private static final String EVIL = "https://evil.example";

	@Autowired
	EmbeddedNeo4j engine;

	@Test
	void theEngineAsksEveryClientForThePasswordKeptOnlyForItsOwner() throws Exception {
		assertThat(this.engine.authEnabled()).isTrue();
		var file = STORE.toAbsolutePath().normalize().resolve(EngineCredentials.FILE);
		assertThat(Files.readString(file).strip()).isEqualTo(this.engine.password()).hasSizeGreaterThanOrEqualTo(32);
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
		try (Driver anonymous = GraphDatabase.driver(this.engine.boltUri(), AuthTokens.none())) {
			assertThatExceptionOfType(AuthenticationException.class)
				.isThrownBy(() -> anonymous.executableQuery("RETURN 1").execute());
		}
	}

	@Test
	void boltOverWebSocketIsRefusedForAForeignOriginOrHost() throws Exception {
		assertThat(RawHttp.status(RawHttp.exchange(BOLT_PORT, upgrade("127.0.0.1:" + BOLT_PORT, EVIL)))).isEqualTo(403);
		assertThat(RawHttp.status(RawHttp.exchange(BOLT_PORT, upgrade("evil.example:" + BOLT_PORT,
				"http://evil.example:" + HTTP_PORT)))).isEqualTo(403);
		// Neo4j Browser, served by the engine itself, still upgrades.
		assertThat(RawHttp.status(RawHttp.exchange(BOLT_PORT, upgrade("127.0.0.1:" + BOLT_PORT,
				"http://127.0.0.1:" + HTTP_PORT)))).isEqualTo(101);
		assertThat(RawHttp.status(RawHttp.exchange(BOLT_PORT, upgrade("localhost:" + BOLT_PORT,
				"http://localhost:" + HTTP_PORT)))).isEqualTo(101);
	}

	@Test
	void theEnginesHttpRefusesForeignHostsAndOriginsAndNamesNoWildcardOrigin() throws Exception {
		String rebound = RawHttp.exchange(HTTP_PORT, "GET /browser/ HTTP/1.1\r\nHost: evil.example:" + HTTP_PORT
				+ "\r\nConnection: close\r\n\r\n");
		assertThat(RawHttp.status(rebound)).isEqualTo(421);
		String body = "{\"statements\":[{\"statement\":\"MATCH (n) DETACH DELETE n\"}]}";
		String foreign = RawHttp.exchange(HTTP_PORT, "POST /db/neo4j/tx/commit HTTP/1.1\r\nHost: 127.0.0.1:" + HTTP_PORT
				+ "\r\nOrigin: " + EVIL + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length()
				+ "\r\nConnection: close\r\n\r\n" + body);
		assertThat(RawHttp.status(foreign)).isEqualTo(403);
		String preflight = RawHttp.exchange(HTTP_PORT, "OPTIONS /db/neo4j/tx/commit HTTP/1.1\r\nHost: 127.0.0.1:"
				+ HTTP_PORT + "\r\nOrigin: " + EVIL + "\r\nAccess-Control-Request-Method: POST\r\nConnection: close\r\n\r\n");
		assertThat(preflight.toLowerCase()).doesNotContain("access-control-allow-origin: *");
		String own = RawHttp.exchange(HTTP_PORT, "GET / HTTP/1.1\r\nHost: 127.0.0.1:" + HTTP_PORT
				+ "\r\nOrigin: http://127.0.0.1:" + HTTP_PORT + "\r\nConnection: close\r\n\r\n");
		assertThat(RawHttp.status(own)).isEqualTo(200);
		assertThat(own.toLowerCase()).doesNotContain("access-control-allow-origin: *");
		String allowed = this.engine.managementService().database("system")
			.executeTransactionally("SHOW SETTINGS YIELD name, value WHERE name = "
					+ "'dbms.security.http_access_control_allow_origin' RETURN value",
					java.util.Map.of(), result -> (String) result.next().get("value"));
		assertThat(allowed).isEqualTo("http://127.0.0.1:" + HTTP_PORT);
	}

	@Test
	void theGraphIsUntouchedByTheseAttempts() {
		// The DETACH DELETE above was sent by a foreign page: the graph still holds the bundled data.
		long entities = this.engine.managementService().database("neo4j")
			.executeTransactionally("MATCH (n:Entity) RETURN count(n) AS n", java.util.Map.of(),
					result -> (Long) result.next().get("n"));
		assertThat(entities).isPositive();
	}

	private static String upgrade(String host, String origin) {
		return "GET / HTTP/1.1\r\nHost: " + host + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
				+ "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\nOrigin: " + origin
				+ "\r\n\r\n";
	}

}
