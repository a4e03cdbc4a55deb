package org.lodestone.mcp;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Applies {@link McpSessions} to the MCP endpoint, after the application's security has let the request through: an
 * initialization beyond the cap is refused with 503 and a {@code Retry-After}, and a request naming a session that
 * has ended or never was gets 404, which the MCP specification tells a client to answer by initializing again.
 */
final class McpSessionFilter extends OncePerRequestFilter {

	static final String SESSION_HEADER = "Mcp-Session-Id";

	private final McpSessions sessions;

	McpSessionFilter(McpSessions sessions) {
		this.sessions = sessions;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String id = request.getHeader(SESSION_HEADER);
		if (id == null || id.isBlank()) {
			if (!"POST".equals(request.getMethod())) {
				// The server refuses it itself (a GET or DELETE needs a session).
				chain.doFilter(request, response);
				return;
			}
			if (!this.sessions.reserve()) {
				response.setHeader("Retry-After", String.valueOf(Math.max(1, this.sessions.idleTimeout().toSeconds())));
				refuse(response, HttpServletResponse.SC_SERVICE_UNAVAILABLE, "The server holds its most MCP sessions ("
						+ this.sessions.maxSessions() + "); try again later, or end a session you no longer use.");
				return;
			}
			Opening opening = new Opening(response);
			try {
				chain.doFilter(request, opening);
			}
			finally {
				opening.settle(null);
			}
			return;
		}
		if (!this.sessions.enter(id)) {
			refuse(response, HttpServletResponse.SC_NOT_FOUND,
					"No such MCP session: it ended or was idle too long; initialize a new one.");
			return;
		}
		boolean async = false;
		try {
			chain.doFilter(request, response);
			if (request.isAsyncStarted()) {
				// An event stream or a streamed answer: the session is in use until it completes. The container
				// holds a completion back until this dispatch returns, so the listener cannot miss it.
				try {
					request.getAsyncContext().addListener(new Leave(id, request.getMethod()));
					async = true;
				}
				catch (IllegalStateException ex) {
					// It ended already: leave below.
				}
			}
		}
		finally {
			if (!async) {
				this.sessions.leave(id, ended(request.getMethod(), response.getStatus()));
			}
		}
	}

	@Override
	protected boolean shouldNotFilterAsyncDispatch() {
		return true;
	}

	// A DELETE that succeeded ended the session; a 404 says the server no longer knows it.
	private static boolean ended(String method, int status) {
		return status == HttpServletResponse.SC_NOT_FOUND || ("DELETE".equals(method) && status < 300);
	}

	private static void refuse(HttpServletResponse response, int status, String message) throws IOException {
		response.setStatus(status);
		response.setContentType("application/json");
		response.setCharacterEncoding(StandardCharsets.UTF_8.name());
		// A JSON-RPC error without an id: the request's body is not read here.
		response.getWriter()
			.write("{\"jsonrpc\":\"2.0\",\"id\":null,\"error\":{\"code\":-32000,\"message\":\"" + message + "\"}}");
	}

	/**
	 * The answer to an initialization: the session counts from the moment the server names it, before the answer
	 * is sent, since the client sends its next message as soon as it has read it.
	 */
	private final class Opening extends HttpServletResponseWrapper {

		private boolean settled;

		Opening(HttpServletResponse response) {
			super(response);
		}

		@Override
		public void setHeader(String name, String value) {
			if (SESSION_HEADER.equalsIgnoreCase(name)) {
				settle(value);
			}
			super.setHeader(name, value);
		}

		@Override
		public void addHeader(String name, String value) {
			if (SESSION_HEADER.equalsIgnoreCase(name)) {
				settle(value);
			}
			super.addHeader(name, value);
		}

		synchronized void settle(String id) {
			if (!this.settled) {
				this.settled = true;
				McpSessionFilter.this.sessions.opened(id);
			}
		}

	}

	private final class Leave implements AsyncListener {

		private final String id;

		private final String method;

		private boolean done;

		Leave(String id, String method) {
			this.id = id;
			this.method = method;
		}

		@Override
		public void onComplete(AsyncEvent event) {
			leave(event);
		}

		@Override
		public void onTimeout(AsyncEvent event) {
			leave(event);
		}

		@Override
		public void onError(AsyncEvent event) {
			leave(event);
		}

		@Override
		public void onStartAsync(AsyncEvent event) {
		}

		private synchronized void leave(AsyncEvent event) {
			if (this.done) {
				return;
			}
			this.done = true;
			int status = (event.getSuppliedResponse() instanceof HttpServletResponse http) ? http.getStatus() : 200;
			McpSessionFilter.this.sessions.leave(this.id, ended(this.method, status));
		}

	}

}
