package org.lodestone.neo4j;

import java.io.IOException;
import java.lang.reflect.Field;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.channels.Channels;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.lodestone.graph.IndexedGraph;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.graphdb.QueryExecutionException;
import org.neo4j.kernel.internal.Version;
import org.neo4j.server.CommunityBootstrapper;
import org.neo4j.server.NeoBootstrapper;

/**
 * A real Neo4j 5.26 server (store, Bolt, HTTP and Browser) running inside this JVM, persistent on disk.
 * <p>
 * Every precondition a user can get wrong (the directory, the ports, exposure without a password) is checked before
 * the engine starts, so a failed start names the setting to change rather than an engine stack trace.
 */
public final class EmbeddedNeo4j implements AutoCloseable {

	private static final Log logger = LogFactory.getLog(EmbeddedNeo4j.class);

	private final EmbeddedNeo4jProperties properties;

	private NeoBootstrapper bootstrapper;

	/**
	 * Creates an engine that is not yet started.
	 * @param properties the engine's settings
	 */
	public EmbeddedNeo4j(EmbeddedNeo4jProperties properties) {
		this.properties = properties;
	}

	/**
	 * Starts the engine and returns once Bolt and HTTP accept connections.
	 * @return this engine
	 * @throws Neo4jStartupException when a setting prevents the start
	 */
	public synchronized EmbeddedNeo4j start() {
		return start(Optional::empty);
	}

	/**
	 * Starts the engine, first loading the given content offline when the directory holds no database yet, and
	 * returns once Bolt and HTTP accept connections.
	 * @param content what a new store is filled with; not asked when the store exists
	 * @return this engine
	 * @throws Neo4jStartupException when a setting prevents the start or the content cannot be loaded
	 */
	public synchronized EmbeddedNeo4j start(NewStoreContent content) {
		if (this.bootstrapper != null) {
			return this;
		}
		InetAddress address = checkListenAddress();
		Path home = checkDirectory();
		Path imports = checkImportDirectory();
		checkPortFree(address, this.properties.boltPort(), "lodestone.neo4j.bolt-port", "Bolt");
		checkPortFree(address, this.properties.httpPort(), "lodestone.neo4j.http-port", "HTTP");
		if (OfflineImport.isNewStore(home)) {
			content.graph().ifPresent(graph -> loadNewStore(home, graph));
		}

		Path userLog = home.resolve("logs").resolve("neo4j.log");
		long logOffset = sizeOf(userLog);
		NeoBootstrapper neo = new CommunityBootstrapper();
		int status;
		try {
			status = neo.start(home, engineConfiguration(imports));
		}
		catch (RuntimeException ex) {
			stopQuietly(neo);
			throw new Neo4jStartupException("The embedded Neo4j engine failed to start in " + home + ": "
					+ ex.getMessage(), "lodestone.neo4j.directory", ex);
		}
		if (status != NeoBootstrapper.OK) {
			stopQuietly(neo);
			String cause = firstError(userLog, logOffset);
			throw new Neo4jStartupException("The embedded Neo4j engine failed to start (status " + status + ")"
					+ (cause.isEmpty() ? "" : ": " + cause) + "; the store in " + home
					+ " may be in use by another process or damaged, see " + userLog, "lodestone.neo4j.directory");
		}
		this.bootstrapper = neo;
		detachEngineShutdownHook(neo);
		if (this.properties.authEnabled()) {
			applyPassword();
		}
		guardAgainstWebPages(neo);
		logger.info("Embedded Neo4j " + version() + " started in " + home + " (Bolt " + boltUri() + ", HTTP "
				+ httpUri() + ")");
		return this;
	}

	// Neo4j has no setting for a Host allow-list or a WebSocket Origin check; without them any page open in the
	// user's browser could use the loopback ports (issue 18). A guard that cannot be installed stops the start.
	private void guardAgainstWebPages(NeoBootstrapper neo) {
		try {
			EngineBrowserGuards.install(neo.getDatabaseManagementService(), BrowserOriginPolicy.of(this.properties));
		}
		catch (RuntimeException ex) {
			stopQuietly(neo);
			this.bootstrapper = null;
			throw new Neo4jStartupException("The embedded Neo4j engine started, but its ports could not be guarded "
					+ "against web pages: " + ex.getMessage(), "lodestone.neo4j.enabled", ex);
		}
	}

	private static void loadNewStore(Path home, IndexedGraph graph) {
		OfflineImport.Result result;
		try {
			result = OfflineImport.load(home, graph);
		}
		catch (RuntimeException ex) {
			throw new Neo4jStartupException("Loading the first-start dataset into the new store in " + home
					+ " failed: " + ex.getMessage(), "lodestone.data.location", ex);
		}
		logger.info("New store in " + home + ": loaded " + result.nodes() + " nodes and " + result.relationships()
				+ " relationships offline in " + result.took().toMillis() + " ms");
	}

	/**
	 * @return the Bolt URI clients connect to
	 */
	public URI boltUri() {
		return URI.create("bolt://" + hostForUri() + ":" + this.properties.boltPort());
	}

	/**
	 * @return the HTTP URI of the engine, where Browser lives at {@code /browser/}
	 */
	public URI httpUri() {
		return URI.create("http://" + hostForUri() + ":" + this.properties.httpPort());
	}

	/**
	 * @return the Neo4j version of the engine
	 */
	public String version() {
		return Version.getNeo4jVersion();
	}

	/**
	 * @return whether the engine requires a password
	 */
	public boolean authEnabled() {
		return this.properties.authEnabled();
	}

	/**
	 * @return the password of the {@code neo4j} user, empty when authentication is off
	 */
	public String password() {
		return this.properties.password();
	}

	/**
	 * @return the engine's database management service, for in-process administration
	 */
	public DatabaseManagementService managementService() {
		if (this.bootstrapper == null) {
			throw new IllegalStateException("The embedded engine is not running");
		}
		return this.bootstrapper.getDatabaseManagementService();
	}

	/**
	 * @return whether the engine is running
	 */
	public synchronized boolean isRunning() {
		return this.bootstrapper != null && this.bootstrapper.isRunning();
	}

	/**
	 * Stops the engine, flushing the store. Safe to call more than once.
	 */
	@Override
	public synchronized void close() {
		if (this.bootstrapper != null) {
			stopQuietly(this.bootstrapper);
			this.bootstrapper = null;
			logger.info("Embedded Neo4j stopped");
		}
	}

	private Map<String, String> engineConfiguration(Path imports) {
		String address = this.properties.listenAddress();
		Map<String, String> config = new LinkedHashMap<>();
		config.put("server.default_listen_address", address);
		config.put("server.default_advertised_address", hostForUri());
		config.put("server.bolt.enabled", "true");
		config.put("server.bolt.listen_address", address + ":" + this.properties.boltPort());
		config.put("server.bolt.advertised_address", hostForUri() + ":" + this.properties.boltPort());
		config.put("server.http.enabled", "true");
		config.put("server.http.listen_address", address + ":" + this.properties.httpPort());
		config.put("server.http.advertised_address", hostForUri() + ":" + this.properties.httpPort());
		config.put("server.https.enabled", "false");
		// Neo4j's default is '*': any page could read the HTTP API's answers. Browser is served from the engine's own
		// origin and needs none; this names that origin instead.
		config.put("dbms.security.http_access_control_allow_origin",
				BrowserOriginPolicy.of(this.properties).origins().stream().sorted().findFirst().orElseThrow());
		config.put("dbms.security.auth_enabled", Boolean.toString(this.properties.authEnabled()));
		config.put("server.memory.pagecache.size", this.properties.pageCache());
		// Without these the engine runs any transaction for ever, lets one query take all memory, and lets
		// LOAD CSV read any file the JVM can.
		config.put("db.transaction.timeout", this.properties.transactionTimeout().toMillis() + "ms");
		config.put("db.memory.transaction.max", this.properties.transactionMemory());
		config.put("dbms.security.allow_csv_import_from_file_urls",
				Boolean.toString(this.properties.allowFileUrls()));
		// Even when file URLs are allowed, they resolve below this directory only, never the store.
		config.put("server.directories.import", imports.toString());
		// LOAD CSV (and any plugin loading URLs) must not reach this machine, the private network or cloud
		// metadata: the request would come from the server, past any firewall (SSRF). Neo4j 5.26 has this only
		// as an internal setting.
		config.put("internal.dbms.cypher_ip_blocklist", String.join(",", this.properties.loadCsvIpBlocklist()));
		// Only the procedures Lodestone and Browser use are loaded at all: no configuration listing, no plugin
		// that writes files or reaches the network.
		config.put("dbms.security.procedures.allowlist", String.join(",", this.properties.procedureAllowlist()));
		config.put("dbms.usage_report.enabled", "false");
		// Browser runs ":play <url>" guides only from these hosts; Lodestone's guide is served at
		// http://localhost:<server.port>/guide, or 127.0.0.1. In Neo4j 5.26 the setting is still named
		// "whitelist" (the name Browser reads from dbms.clientConfig()); the default lacks 127.0.0.1.
		config.put("browser.remote_content_hostname_whitelist", "guides.neo4j.com,localhost,127.0.0.1");
		// A shortestPath() whose predicates cannot be checked during the search would otherwise silently fall
		// back to enumerating every path; with this it fails fast instead.
		config.put("dbms.cypher.forbid_exhaustive_shortestpath", "true");
		// Bolt's Netty loops wait out a 5 s quiet period each on shutdown, which made Ctrl-C take over 10 s.
		// By the time the engine stops, Spring has already closed the driver, so nothing can still arrive.
		config.put("internal.dbms.bolt.netty_server_shutdown_quiet_period", "0");
		config.put("internal.dbms.bolt.netty_server_shutdown_timeout", "5s");
		return config;
	}

	private InetAddress checkListenAddress() {
		InetAddress address;
		try {
			address = InetAddress.getByName(this.properties.listenAddress());
		}
		catch (UnknownHostException ex) {
			throw new Neo4jStartupException("The embedded Neo4j listen address '" + this.properties.listenAddress()
					+ "' does not resolve", "lodestone.neo4j.listen-address", ex);
		}
		EngineSafetyCheck.check(this.properties, address);
		return address;
	}

	private Path checkDirectory() {
		Path home = this.properties.directory().toAbsolutePath().normalize();
		try {
			Files.createDirectories(home);
		}
		catch (IOException | RuntimeException ex) {
			throw new Neo4jStartupException("The embedded Neo4j directory " + home + " cannot be created: "
					+ ex.getClass().getSimpleName() + " " + ex.getMessage(), "lodestone.neo4j.directory", ex);
		}
		if (!Files.isWritable(home)) {
			throw new Neo4jStartupException("The embedded Neo4j directory " + home + " is not writable",
					"lodestone.neo4j.directory");
		}
		return home;
	}

	private Path checkImportDirectory() {
		Path imports = this.properties.resolvedImportDirectory();
		try {
			Files.createDirectories(imports);
		}
		catch (IOException | RuntimeException ex) {
			throw new Neo4jStartupException("The LOAD CSV import directory " + imports + " cannot be created: "
					+ ex.getClass().getSimpleName() + " " + ex.getMessage(), "lodestone.neo4j.import-directory", ex);
		}
		return imports;
	}

	private static void checkPortFree(InetAddress address, int port, String setting, String what) {
		try (ServerSocket socket = new ServerSocket()) {
			socket.setReuseAddress(true);
			socket.bind(new InetSocketAddress(address, port));
		}
		catch (IOException ex) {
			throw new Neo4jStartupException("The embedded Neo4j " + what + " port " + address.getHostAddress() + ":"
					+ port + " is already in use", setting, ex);
		}
	}

	private static long sizeOf(Path file) {
		try {
			return Files.isRegularFile(file) ? Files.size(file) : 0;
		}
		catch (IOException ex) {
			return 0;
		}
	}

	/**
	 * The engine reports why it did not start only in its own log, as an error line ("Failed to start Neo4j on ...")
	 * followed by the stack trace; the innermost cause there (a store lock, a port) is what a user needs in the
	 * one-line message, instead of a path to look in.
	 */
	static String firstError(Path userLog, long offset) {
		if (!Files.isRegularFile(userLog)) {
			return "";
		}
		List<String> written;
		try (SeekableByteChannel channel = Files.newByteChannel(userLog)) {
			channel.position(Math.min(offset, channel.size()));
			written = new String(Channels.newInputStream(channel).readAllBytes(), StandardCharsets.UTF_8).lines()
				.toList();
		}
		catch (IOException ex) {
			return "";
		}
		int error = 0;
		while (error < written.size() && !written.get(error).contains(" ERROR ")) {
			error++;
		}
		if (error == written.size()) {
			return "";
		}
		String cause = written.get(error).substring(written.get(error).indexOf(" ERROR ") + 7).strip();
		for (String line : written.subList(error + 1, written.size())) {
			if (line.matches("^\\d{4}-\\d{2}-\\d{2} .*")) {
				break;
			}
			int message = line.indexOf(": ");
			if (line.startsWith("Caused by: ") && message > 0 && line.indexOf(": ", message + 2) > 0) {
				cause = line.substring(line.indexOf(": ", message + 2) + 2).strip();
			}
		}
		return cause;
	}

	private void applyPassword() {
		// A fresh store has the default password, which must be changed before first use; setting it
		// in-process on every start keeps the configured one authoritative.
		try {
			managementService().database("system")
				.executeTransactionally("ALTER USER neo4j SET PASSWORD $password CHANGE NOT REQUIRED",
						Map.of("password", this.properties.password()));
		}
		catch (QueryExecutionException ex) {
			// Neo4j refuses to set the password it already has, which is every restart after the first one
			// (found by ExternalOutageIT, which restarts a password-protected engine): nothing to change then.
			if (ex.getMessage() == null || !ex.getMessage().contains("Old password and new password cannot be the same")) {
				throw ex;
			}
		}
	}

	private String hostForUri() {
		String address = this.properties.listenAddress();
		if ("0.0.0.0".equals(address) || "::".equals(address)) {
			return "localhost";
		}
		return address.contains(":") ? "[" + address + "]" : address;
	}

	/**
	 * The engine registers its own JVM shutdown hook, which on Ctrl-C races Spring's: the store closed while
	 * requests and the driver were still using it, and the engine then waited for the dead Bolt connections.
	 * Spring closes this bean after everything that depends on it, so the engine's hook is taken out.
	 */
	private static void detachEngineShutdownHook(NeoBootstrapper neo) {
		try {
			Field field = NeoBootstrapper.class.getDeclaredField("shutdownHook");
			field.setAccessible(true);
			Thread hook = (Thread) field.get(neo);
			if (hook != null && Runtime.getRuntime().removeShutdownHook(hook)) {
				field.set(neo, null);
			}
		}
		catch (ReflectiveOperationException | RuntimeException ex) {
			logger.debug("Keeping the engine's own shutdown hook: " + ex);
		}
	}

	private static void stopQuietly(NeoBootstrapper neo) {
		try {
			neo.stop();
		}
		catch (RuntimeException ex) {
			logger.warn("Stopping the embedded Neo4j engine failed: " + ex.getMessage());
		}
	}

}
