package org.lodestone.web;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.util.Objects;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.lodestone.ingest.GraphVersion;

import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Validators for the API's reads: every {@code GET} or {@code HEAD} under {@code /api/} answers from the graph as one
 * import left it, so its {@code ETag} is that graph version (with this process's start, and what selects the
 * representation). A client or proxy that sends the ETag back in {@code If-None-Match} gets 304 without the answer
 * being computed again; an import changes every ETag. Answers say {@code Cache-Control: no-cache} (store, but ask
 * first), {@code private} when the request carried a credential. The inbox ({@code /api/inbox}) is left out: its
 * proposals change without an import.
 */
final class GraphEtagFilter extends OncePerRequestFilter {

	// A restart starts versions at 0 again; the process's start time keeps the ETags of two runs apart.
	private static final String PROCESS = Long.toString(ManagementFactory.getRuntimeMXBean().getStartTime(), 36);

	private final GraphVersion version;

	GraphEtagFilter(GraphVersion version) {
		this.version = version;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		String method = request.getMethod();
		// The inbox changes when something is proposed or decided, not only on an import, so the graph's version
		// does not identify its answers.
		String uri = request.getRequestURI();
		return !("GET".equals(method) || "HEAD".equals(method)) || !uri.startsWith("/api/") || uri.equals("/api/inbox")
				|| uri.startsWith("/api/inbox/");
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		boolean credentialed = request.getHeader(HttpHeaders.AUTHORIZATION) != null
				|| request.getHeader("X-API-Key") != null;
		String etag = "W/\"" + PROCESS + "-" + this.version.current() + "-"
				+ Integer.toHexString(Objects.hash(request.getHeader(HttpHeaders.ACCEPT), credentialed)) + "\"";
		response.setHeader(HttpHeaders.ETAG, etag);
		response.setHeader(HttpHeaders.CACHE_CONTROL, credentialed ? "private, no-cache" : "no-cache");
		response.setHeader(HttpHeaders.VARY, "Accept, Authorization, X-API-Key");
		if (matches(request.getHeader(HttpHeaders.IF_NONE_MATCH), etag)) {
			response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
			return;
		}
		chain.doFilter(request, response);
	}

	// If-None-Match compares weakly (RFC 9110 13.1.2): a list of tags, or *.
	static boolean matches(String ifNoneMatch, String etag) {
		if (ifNoneMatch == null) {
			return false;
		}
		String opaque = etag.substring(2);
		for (String candidate : ifNoneMatch.split(",")) {
			String tag = candidate.strip();
			if ("*".equals(tag) || tag.equals(etag) || tag.equals(opaque)) {
				return true;
			}
		}
		return false;
	}

}
