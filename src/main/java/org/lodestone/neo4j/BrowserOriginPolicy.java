package org.lodestone.neo4j;

import java.net.URI;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Which web pages may talk to the embedded engine's own ports, and under which host names. A page's requests carry
 * its {@code Origin}; a DNS-rebinding page's requests carry its own host name in {@code Host}. Only Neo4j Browser as
 * served by the engine itself ({@code http://127.0.0.1:<http-port>} and the other loopback names) is a trusted
 * origin, and only loopback names, the listen address and configured names are trusted hosts.
 *
 * @param hosts host names (lowercase, IPv6 without brackets) accepted in {@code Host}
 * @param origins origins ({@code scheme://host:port}, lowercase) accepted in {@code Origin}
 */
record BrowserOriginPolicy(Set<String> hosts, Set<String> origins) {

	private static final List<String> LOOPBACK_NAMES = List.of("localhost", "127.0.0.1", "::1");

	/**
	 * @param properties the engine's settings
	 * @return the policy for that engine
	 */
	static BrowserOriginPolicy of(EmbeddedNeo4jProperties properties) {
		Set<String> hosts = new LinkedHashSet<>(LOOPBACK_NAMES);
		String listen = properties.listenAddress().toLowerCase(Locale.ROOT);
		if (!"0.0.0.0".equals(listen) && !"::".equals(listen)) {
			hosts.add(unbracketed(listen));
		}
		properties.allowedHosts().forEach(host -> hosts.add(unbracketed(host.strip().toLowerCase(Locale.ROOT))));
		Set<String> origins = new LinkedHashSet<>();
		for (String host : hosts) {
			String authority = host.contains(":") ? "[" + host + "]" : host;
			origins.add("http://" + authority + ":" + properties.httpPort());
		}
		return new BrowserOriginPolicy(Set.copyOf(hosts), Set.copyOf(origins));
	}

	/**
	 * @param host a {@code Host} header, with or without a port
	 * @return whether it names this engine under a trusted name; a missing header (HTTP/1.0) is not trusted
	 */
	boolean allowsHost(String host) {
		if (host == null || host.isBlank()) {
			return false;
		}
		String name = host.strip().toLowerCase(Locale.ROOT);
		if (name.startsWith("[")) {
			int close = name.indexOf(']');
			name = (close > 0) ? name.substring(1, close) : name;
		}
		else if (name.indexOf(':') == name.lastIndexOf(':') && name.indexOf(':') > 0) {
			name = name.substring(0, name.indexOf(':'));
		}
		return this.hosts.contains(name);
	}

	/**
	 * @param origin an {@code Origin} header
	 * @return whether a request with it may proceed: no header (not a browser page), or a trusted origin
	 */
	boolean allowsOrigin(String origin) {
		if (origin == null) {
			return true;
		}
		try {
			URI uri = URI.create(origin.strip().toLowerCase(Locale.ROOT));
			return this.origins.contains(uri.getScheme() + "://" + uri.getRawAuthority());
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
	}

	private static String unbracketed(String host) {
		return (host.startsWith("[") && host.endsWith("]")) ? host.substring(1, host.length() - 1) : host;
	}

}
