package org.lodestone.neo4j;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
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
 * @param password the password of the {@code neo4j} user; empty means a generated one, kept under the directory
 * (the application always runs the engine with authentication; code that starts an engine itself with an empty
 * password gets one without)
 * @param pageCache the page cache size, in Neo4j's notation ({@code 256m})
 * @param transactionTimeout the longest any transaction may run before the engine terminates it
 * @param transactionMemory the most memory one transaction may use, in Neo4j's notation
 * @param importDirectory the only directory {@code LOAD CSV} may read {@code file:} URLs from, when they are allowed;
 * empty means {@code <directory>/import}
 * @param allowFileUrls whether {@code LOAD CSV} may read {@code file:} URLs (below the import directory) at all
 * @param loadCsvIpBlocklist address ranges (CIDR) that {@code LOAD CSV} must never connect to; unset means
 * {@link #DEFAULT_IP_BLOCKLIST}
 * @param procedureAllowlist the procedures and functions the engine loads, as names or {@code prefix.*} patterns;
 * unset means {@link #DEFAULT_PROCEDURE_ALLOWLIST}
 * @param allowedHosts more host names the engine's HTTP and Bolt accept in a {@code Host} header, beside loopback
 * names and the listen address (a network-facing engine's DNS name)
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
		@DefaultValue("512m") String transactionMemory,
		Path importDirectory,
		@DefaultValue("false") boolean allowFileUrls,
		List<String> loadCsvIpBlocklist,
		List<String> procedureAllowlist,
		List<String> allowedHosts) {

	/** The ranges LOAD CSV is kept from by default: loopback, private, link-local (cloud metadata), multicast. */
	public static final List<String> DEFAULT_IP_BLOCKLIST = List.of("0.0.0.0/8", "10.0.0.0/8", "100.64.0.0/10",
			"127.0.0.0/8", "169.254.0.0/16", "172.16.0.0/12", "192.0.0.0/24", "192.168.0.0/16", "198.18.0.0/15",
			"224.0.0.0/4", "240.0.0.0/4", "::/128", "::1/128", "fc00::/7", "fe80::/10");

	/**
	 * The procedures Lodestone and Neo4j Browser use: the schema and token lookups Browser's sidebar and
	 * {@code /api/cypher} offer, the full-text search, index waits for schema application, version and routing
	 * lookups of drivers and Browser. Nothing that writes, reads configuration, lists or kills queries, or reaches
	 * files or the network.
	 */
	public static final List<String> DEFAULT_PROCEDURE_ALLOWLIST = List.of("db.labels", "db.relationshipTypes",
			"db.propertyKeys", "db.schema.*", "db.awaitIndex", "db.awaitIndexes", "db.index.fulltext.queryNodes",
			"db.ping", "dbms.components", "dbms.showCurrentUser", "dbms.clientConfig", "dbms.routing.getRoutingTable",
			"dbms.cluster.routing.getRoutingTable");

	@ConstructorBinding
	public EmbeddedNeo4jProperties {
		loadCsvIpBlocklist = (loadCsvIpBlocklist != null) ? List.copyOf(loadCsvIpBlocklist) : DEFAULT_IP_BLOCKLIST;
		procedureAllowlist = (procedureAllowlist != null) ? List.copyOf(procedureAllowlist)
				: DEFAULT_PROCEDURE_ALLOWLIST;
		allowedHosts = (allowedHosts != null) ? List.copyOf(allowedHosts) : List.of();
	}

	/**
	 * The settings with the hardened defaults for everything after the memory limit, for code that starts an engine
	 * itself (tests, tools).
	 */
	public EmbeddedNeo4jProperties(boolean enabled, Path directory, String listenAddress, int boltPort, int httpPort,
			String password, String pageCache, Duration transactionTimeout, String transactionMemory) {
		this(enabled, directory, listenAddress, boltPort, httpPort, password, pageCache, transactionTimeout,
				transactionMemory, null, false, DEFAULT_IP_BLOCKLIST, DEFAULT_PROCEDURE_ALLOWLIST, List.of());
	}

	/**
	 * @param password the password of the {@code neo4j} user
	 * @return these settings with that password
	 */
	public EmbeddedNeo4jProperties withPassword(String password) {
		return new EmbeddedNeo4jProperties(this.enabled, this.directory, this.listenAddress, this.boltPort,
				this.httpPort, password, this.pageCache, this.transactionTimeout, this.transactionMemory,
				this.importDirectory, this.allowFileUrls, this.loadCsvIpBlocklist, this.procedureAllowlist,
				this.allowedHosts);
	}

	boolean authEnabled() {
		return this.password != null && !this.password.isBlank();
	}

	/**
	 * @return the absolute, normalized directory {@code LOAD CSV} file URLs resolve against
	 */
	Path resolvedImportDirectory() {
		Path home = this.directory.toAbsolutePath().normalize();
		Path configured = this.importDirectory;
		if (configured == null || configured.toString().isBlank()) {
			return home.resolve("import");
		}
		return configured.toAbsolutePath().normalize();
	}

}
