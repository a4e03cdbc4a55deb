package org.lodestone.security;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Credentials and access rules of the REST API.
 *
 * @param requireAuthForReads whether reads (GET of the API, POST /api/cypher) need a READ credential too; the
 * explorer page, static assets, the Browser guide and {@code /actuator/health} stay open
 * @param users HTTP Basic users by name; passwords in Spring Security's {@code {id}hash} notation
 * @param apiKeys API keys by name, sent in the {@code X-API-Key} header; keys in the same notation
 * @param cors cross-origin access from browsers
 * @param allowedHosts host names the server answers to beside loopback names and {@code server.address}
 */
@ConfigurationProperties("lodestone.security")
public record SecurityProperties(
		@DefaultValue("false") boolean requireAuthForReads,
		Map<String, Credential> users,
		Map<String, Credential> apiKeys,
		@DefaultValue Cors cors,
		List<String> allowedHosts) {

	public SecurityProperties {
		allowedHosts = (allowedHosts != null) ? List.copyOf(allowedHosts) : List.of();
		users = (users != null) ? Map.copyOf(users) : Map.of();
		apiKeys = (apiKeys != null) ? Map.copyOf(apiKeys) : Map.of();
	}

	/**
	 * A user's password or an API key, with the roles it grants.
	 *
	 * @param password the user's password, encoded, such as {@code {bcrypt}$2a$10$...}
	 * @param key the API key, encoded the same way
	 * @param roles {@code READ}, {@code WRITE} (which includes READ), or both
	 */
	public record Credential(String password, String key, @DefaultValue("READ") Set<Role> roles) {
	}

	/** What a credential may do. */
	public enum Role {

		/** Read the graph: the API's GET endpoints, {@code POST /api/cypher}, exports. */
		READ,

		/** Change the graph: {@code POST /api/import} and any other write; includes READ. */
		WRITE

	}

	/**
	 * @param allowedOrigins origins (such as {@code https://analyst.example.org}) whose pages may call the API; empty
	 * means CORS is off and browsers keep other sites' pages from reading responses
	 * @param allowedMethods the methods those pages may use
	 * @param maxAge how long browsers may cache a preflight answer
	 * @param reconcileAnyOrigin whether {@code /api/reconcile} and its suggest and preview paths answer CORS for any
	 * origin (GET and POST, no credentials), as the Reconciliation Service API expects of a service that browser
	 * clients such as OpenRefine call; the rest of the API keeps to {@code allowedOrigins}
	 */
	public record Cors(@DefaultValue({}) List<String> allowedOrigins,
			@DefaultValue({ "GET", "POST" }) List<String> allowedMethods, @DefaultValue("30m") Duration maxAge,
			@DefaultValue("true") boolean reconcileAnyOrigin) {
	}

}
