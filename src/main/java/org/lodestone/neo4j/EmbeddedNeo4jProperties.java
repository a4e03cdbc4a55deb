package org.lodestone.neo4j;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the embedded Neo4j engine. They apply only when no external {@code spring.neo4j.uri} (or
 * {@code NEO4J_URI}) is configured.
 *
 * @param enabled whether to run the embedded engine when no external URI is set
 * @param directory the engine's home: store files, logs and configuration live below it
 * @param listenAddress the address Bolt and HTTP listen on; anything but loopback needs a password
 * @param boltPort the Bolt port
 * @param httpPort the HTTP port, which also serves Neo4j Browser at {@code /browser/}
 * @param password the password of the {@code neo4j} user; empty means authentication is off
 * @param pageCache the page cache size, in Neo4j's notation ({@code 256m})
 * @param transactionTimeout the longest any transaction may run before the engine terminates it
 * @param transactionMemory the most memory one transaction may use, in Neo4j's notation
 */
@ConfigurationProperties("lodestone.neo4j")
public record EmbeddedNeo4jProperties(
		@DefaultValue("true") boolean enabled,
		@DefaultValue("./var/neo4j") Path directory,
		@DefaultValue("127.0.0.1") String listenAddress,
		@DefaultValue("7687") int boltPort,
		@DefaultValue("7474") int httpPort,
		@DefaultValue("") String password,
		@DefaultValue("256m") String pageCache,
		@DefaultValue("60s") Duration transactionTimeout,
		@DefaultValue("512m") String transactionMemory) {

	boolean authEnabled() {
		return this.password != null && !this.password.isBlank();
	}

}
