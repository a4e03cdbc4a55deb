package org.lodestone.neo4j;

import java.net.InetAddress;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import inet.ipaddr.IPAddressString;

/**
 * Refuses combinations of engine settings that would open the graph or the machine to whoever can reach the
 * engine, each with a one-line reason and the property to change. Runs before the engine starts, so nothing
 * listens while the settings are unsafe.
 */
final class EngineSafetyCheck {

	/** The procedures Lodestone itself calls; an allow-list without them would break the application. */
	static final List<String> REQUIRED_PROCEDURES = List.of("db.awaitIndexes", "db.index.fulltext.queryNodes",
			"dbms.components");

	/** Addresses LOAD CSV must never reach, whatever the blocklist says: this machine and cloud metadata. */
	static final List<String> MUST_BLOCK = List.of("127.0.0.1", "169.254.169.254", "::1");

	private EngineSafetyCheck() {
	}

	/**
	 * @param properties the engine's settings
	 * @param address the resolved listen address
	 * @throws Neo4jStartupException naming the first unsafe setting
	 */
	static void check(EmbeddedNeo4jProperties properties, InetAddress address) {
		boolean exposed = !address.isLoopbackAddress();
		if (exposed && !properties.authEnabled()) {
			throw Neo4jStartupException.unsafe("Refusing to expose the embedded Neo4j engine on "
					+ properties.listenAddress()
					+ " without a password: anyone on the network could read and change the graph",
					"lodestone.neo4j.password");
		}
		if (properties.transactionTimeout() == null || properties.transactionTimeout().isZero()
				|| properties.transactionTimeout().isNegative()) {
			throw Neo4jStartupException.unsafe("Refusing to start the embedded Neo4j engine without a transaction "
					+ "timeout: lodestone.neo4j.transaction-timeout must be positive, or one query could run for ever",
					"lodestone.neo4j.transaction-timeout");
		}
		checkImportDirectory(properties);
		checkBlocklist(properties.loadCsvIpBlocklist());
		checkAllowlist(properties.procedureAllowlist(), exposed);
	}

	private static void checkImportDirectory(EmbeddedNeo4jProperties properties) {
		if (!properties.allowFileUrls()) {
			return;
		}
		Path home = properties.directory().toAbsolutePath().normalize();
		Path imports = properties.resolvedImportDirectory();
		if (imports.getParent() == null || home.startsWith(imports)) {
			throw Neo4jStartupException.unsafe("Refusing to let LOAD CSV read files below " + imports
					+ ": that includes the engine's own store and credentials in " + home
					+ "; give lodestone.neo4j.import-directory a directory of its own, or set "
					+ "lodestone.neo4j.allow-file-urls=false", "lodestone.neo4j.import-directory");
		}
	}

	private static void checkBlocklist(List<String> blocklist) {
		for (String range : blocklist) {
			IPAddressString parsed = new IPAddressString(range.strip());
			if (!parsed.isValid() || parsed.isEmpty()) {
				throw Neo4jStartupException.unsafe("lodestone.neo4j.load-csv-ip-blocklist entry '" + range
						+ "' is not an address range such as 10.0.0.0/8", "lodestone.neo4j.load-csv-ip-blocklist");
			}
		}
		for (String address : MUST_BLOCK) {
			IPAddressString target = new IPAddressString(address);
			if (blocklist.stream().noneMatch(range -> new IPAddressString(range.strip()).contains(target))) {
				throw Neo4jStartupException.unsafe("Refusing to start with a LOAD CSV blocklist that lets queries "
						+ "connect to " + address + " (this machine or cloud metadata); keep the default "
						+ "lodestone.neo4j.load-csv-ip-blocklist or add a range covering it",
						"lodestone.neo4j.load-csv-ip-blocklist");
			}
		}
	}

	private static void checkAllowlist(List<String> allowlist, boolean exposed) {
		List<String> lower = allowlist.stream().map(entry -> entry.strip().toLowerCase(Locale.ROOT)).toList();
		for (String required : REQUIRED_PROCEDURES) {
			if (!allowed(lower, required.toLowerCase(Locale.ROOT))) {
				throw Neo4jStartupException.unsafe("lodestone.neo4j.procedure-allowlist must include " + required
						+ ", which Lodestone calls; the default list has it", "lodestone.neo4j.procedure-allowlist");
			}
		}
		if (exposed && lower.contains("*")) {
			throw Neo4jStartupException.unsafe("Refusing to load every procedure ('*' in "
					+ "lodestone.neo4j.procedure-allowlist) on an engine listening on the network: plugins that "
					+ "write files or reach the network would be callable by its users; list the procedures instead",
					"lodestone.neo4j.procedure-allowlist");
		}
	}

	private static boolean allowed(List<String> allowlist, String procedure) {
		for (String entry : allowlist) {
			if (entry.equals(procedure) || entry.equals("*")) {
				return true;
			}
			if (entry.endsWith(".*") && procedure.startsWith(entry.substring(0, entry.length() - 1))) {
				return true;
			}
		}
		return false;
	}

}
