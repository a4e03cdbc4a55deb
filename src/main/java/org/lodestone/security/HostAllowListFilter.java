package org.lodestone.security;

import java.io.IOException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.lodestone.web.ProblemResponses;
import org.lodestone.web.ProblemTypes;

import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Answers only requests addressed to this server by a name it knows. A DNS-rebinding page (its own host name, made to
 * resolve to 127.0.0.1) sends its name in {@code Host}; without this check the browser treats the API as that page's
 * own origin and lets it read every answer. Known names: {@code localhost}, the loopback addresses,
 * {@code server.address} unless it is a wildcard, and {@code lodestone.security.allowed-hosts} (the names a shared
 * deployment is reached by). Others get 421 problem details naming the property.
 */
final class HostAllowListFilter extends OncePerRequestFilter {

	private static final List<String> LOOPBACK = List.of("localhost", "127.0.0.1", "::1");

	private final Set<String> hosts;

	/**
	 * @param serverAddress {@code server.address}, or {@code null}
	 * @param allowedHosts more names from {@code lodestone.security.allowed-hosts}
	 */
	HostAllowListFilter(String serverAddress, List<String> allowedHosts, ProblemResponses problems) {
		Set<String> names = new LinkedHashSet<>(LOOPBACK);
		if (serverAddress != null && !serverAddress.isBlank() && !"0.0.0.0".equals(serverAddress)
				&& !"::".equals(serverAddress)) {
			names.add(bare(serverAddress));
		}
		allowedHosts.forEach(host -> names.add(bare(host)));
		this.hosts = Set.copyOf(names);
		this.problems = problems;
	}

	private final ProblemResponses problems;

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		// The container gives the Host header's name (or the request line's authority); null only without either.
		String name = request.getServerName();
		if (name == null || !this.hosts.contains(bare(name))) {
			this.problems.write(request, response, ProblemResponses.problem(HttpStatus.MISDIRECTED_REQUEST,
					ProblemTypes.MISDIRECTED, "Unknown host name",
					"This server answers only to its own names; add the name to lodestone.security.allowed-hosts "
							+ "to serve it"));
			return;
		}
		chain.doFilter(request, response);
	}

	private static String bare(String host) {
		String name = host.strip().toLowerCase(Locale.ROOT);
		return (name.startsWith("[") && name.endsWith("]")) ? name.substring(1, name.length() - 1) : name;
	}

}
