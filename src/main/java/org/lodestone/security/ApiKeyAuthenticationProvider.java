package org.lodestone.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Checks an {@code X-API-Key} against the configured keys, which are stored encoded (bcrypt and the like), never in
 * plain text. A slow hash per request and per key would make every API call cost tens of milliseconds, so a key that
 * matched once is remembered by its SHA-256 for the life of the process; wrong keys are never remembered.
 */
final class ApiKeyAuthenticationProvider implements AuthenticationProvider {

	private static final int MAX_REMEMBERED = 1_000;

	private final List<ConfiguredKey> keys;

	private final PasswordEncoder encoder;

	private final Map<String, ApiKeyAuthentication> verified = new ConcurrentHashMap<>();

	ApiKeyAuthenticationProvider(List<ConfiguredKey> keys, PasswordEncoder encoder) {
		this.keys = List.copyOf(keys);
		this.encoder = encoder;
	}

	@Override
	public Authentication authenticate(Authentication authentication) {
		String presented = (String) authentication.getCredentials();
		if (presented == null || presented.isBlank() || presented.length() > 512) {
			throw new BadCredentialsException("The API key was not accepted");
		}
		String digest = sha256(presented);
		ApiKeyAuthentication known = this.verified.get(digest);
		if (known != null) {
			return known;
		}
		for (ConfiguredKey key : this.keys) {
			if (this.encoder.matches(presented, key.encoded())) {
				ApiKeyAuthentication result = ApiKeyAuthentication.authenticated(key.name(), key.authorities());
				if (this.verified.size() >= MAX_REMEMBERED) {
					this.verified.clear();
				}
				this.verified.put(digest, result);
				return result;
			}
		}
		throw new BadCredentialsException("The API key was not accepted");
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return ApiKeyAuthentication.class.isAssignableFrom(authentication);
	}

	private static String sha256(String value) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * A configured key.
	 *
	 * @param name the key's name, shown as the principal
	 * @param encoded the key, encoded with the delegating password encoder's {@code {id}} notation
	 * @param authorities what it grants
	 */
	record ConfiguredKey(String name, String encoded, List<GrantedAuthority> authorities) {
	}

}
