package org.lodestone.mcp;

import java.util.List;
import java.util.Map;

import io.modelcontextprotocol.server.transport.ServerTransportSecurityException;
import io.modelcontextprotocol.server.transport.ServerTransportSecurityValidator;

/**
 * The {@code Origin} check the MCP specification asks of servers against DNS rebinding: a request without an Origin
 * (an assistant, a script) passes; one from a browser passes only from the application's own origin (the Host it was
 * sent to, which HostAllowListFilter has already accepted) or from an origin listed in
 * {@code lodestone.security.cors.allowed-origins}; any other is refused with 403.
 */
final class OriginCheck implements ServerTransportSecurityValidator {

	private final List<String> allowedOrigins;

	OriginCheck(List<String> allowedOrigins) {
		this.allowedOrigins = List.copyOf(allowedOrigins);
	}

	@Override
	public void validateHeaders(Map<String, List<String>> headers) throws ServerTransportSecurityException {
		String origin = header(headers, "Origin");
		if (origin == null) {
			return;
		}
		String host = header(headers, "Host");
		boolean own = host != null && (origin.equals("http://" + host) || origin.equals("https://" + host));
		if (!own && !this.allowedOrigins.contains(origin)) {
			throw new ServerTransportSecurityException(403, "Origin not allowed: " + abbreviate(origin));
		}
	}

	private static String header(Map<String, List<String>> headers, String name) {
		for (Map.Entry<String, List<String>> entry : headers.entrySet()) {
			if (name.equalsIgnoreCase(entry.getKey()) && entry.getValue() != null && !entry.getValue().isEmpty()) {
				return entry.getValue().get(0);
			}
		}
		return null;
	}

	private static String abbreviate(String text) {
		return (text.length() > 100) ? text.substring(0, 100) + "…" : text;
	}

}
