package org.lodestone.security;

import java.util.Collection;
import java.util.List;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;

/**
 * An API key from the {@code X-API-Key} header: unauthenticated as sent, authenticated once it matched a configured
 * key, then named after that key.
 */
final class ApiKeyAuthentication extends AbstractAuthenticationToken {

	private final String name;

	private String key;

	private ApiKeyAuthentication(String name, String key, Collection<? extends GrantedAuthority> authorities,
			boolean authenticated) {
		super(authorities);
		this.name = name;
		this.key = key;
		super.setAuthenticated(authenticated);
	}

	static ApiKeyAuthentication unauthenticated(String key) {
		return new ApiKeyAuthentication("api-key", key, List.of(), false);
	}

	static ApiKeyAuthentication authenticated(String name, Collection<? extends GrantedAuthority> authorities) {
		return new ApiKeyAuthentication(name, null, authorities, true);
	}

	@Override
	public Object getCredentials() {
		return this.key;
	}

	@Override
	public Object getPrincipal() {
		return this.name;
	}

	@Override
	public void setAuthenticated(boolean authenticated) {
		if (authenticated) {
			throw new IllegalArgumentException("Use ApiKeyAuthentication.authenticated(...)");
		}
		super.setAuthenticated(false);
	}

	@Override
	public void eraseCredentials() {
		super.eraseCredentials();
		this.key = null;
	}

}
