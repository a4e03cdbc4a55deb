package org.lodestone.mcp;

import java.time.Clock;
import java.time.Duration;

import jakarta.servlet.FilterChain;
import jakarta.servlet.http.HttpServletResponse;
import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The session filter in front of the SDK's servlet, with a stand-in for the servlet that opens a session as the SDK
 * does (the {@code Mcp-Session-Id} header set before the answer is written).
 */
class McpSessionFilterTests {

	final McpSessions sessions = new McpSessions(1, Duration.ofMinutes(30), Clock.systemUTC());

	final McpSessionFilter filter = new McpSessionFilter(this.sessions);

	@Test
	void theSessionCountsBeforeTheInitializeAnswerIsSentSoTheClientsNextRequestFindsIt() throws Exception {
		int[] openWhenAnswered = new int[1];
		MockHttpServletResponse opened = run("POST", null, (request, response) -> {
			((HttpServletResponse) response).setHeader(McpSessionFilter.SESSION_HEADER, "s1");
			openWhenAnswered[0] = this.sessions.open();
			response.getWriter().write("{}");
		});
		assertThat(opened.getStatus()).isEqualTo(200);
		assertThat(openWhenAnswered[0]).isEqualTo(1);
		assertThat(run("POST", "s1", (request, response) -> {
		}).getStatus()).isEqualTo(200);
	}

	@Test
	void aSessionBeyondTheCapIsRefusedWith503AndRetryAfter() throws Exception {
		run("POST", null, (request, response) -> ((HttpServletResponse) response)
			.setHeader(McpSessionFilter.SESSION_HEADER, "s1"));
		boolean[] reached = new boolean[1];
		MockHttpServletResponse refused = run("POST", null, (request, response) -> reached[0] = true);
		assertThat(reached[0]).as("the server never sees it").isFalse();
		assertThat(refused.getStatus()).isEqualTo(503);
		assertThat(refused.getHeader("Retry-After")).isEqualTo("1800");
		assertThat(refused.getContentAsString()).contains("\"jsonrpc\":\"2.0\"").contains("most MCP sessions (1)");
	}

	@Test
	void anInitializeThatOpensNoSessionGivesItsPlaceBack() throws Exception {
		MockHttpServletResponse failed = run("POST", null, (request, response) -> ((HttpServletResponse) response)
			.setStatus(400));
		assertThat(failed.getStatus()).isEqualTo(400);
		assertThat(this.sessions.reserve()).isTrue();
	}

	@Test
	void aDeletedOrUnknownSessionIsNotFound() throws Exception {
		run("POST", null, (request, response) -> ((HttpServletResponse) response)
			.setHeader(McpSessionFilter.SESSION_HEADER, "s1"));
		assertThat(run("DELETE", "s1", (request, response) -> {
		}).getStatus()).isEqualTo(200);
		MockHttpServletResponse gone = run("POST", "s1", (request, response) -> {
		});
		assertThat(gone.getStatus()).isEqualTo(404);
		assertThat(gone.getContentAsString()).contains("initialize a new one");
		assertThat(run("GET", "never", (request, response) -> {
		}).getStatus()).isEqualTo(404);
		assertThat(this.sessions.open()).isZero();
	}

	private MockHttpServletResponse run(String method, String session, Servlet servlet) throws Exception {
		MockHttpServletRequest request = new MockHttpServletRequest(method, "/mcp");
		if (session != null) {
			request.addHeader(McpSessionFilter.SESSION_HEADER, session);
		}
		MockHttpServletResponse response = new MockHttpServletResponse();
		FilterChain chain = new MockFilterChain(new jakarta.servlet.http.HttpServlet() {
			@Override
			protected void service(jakarta.servlet.http.HttpServletRequest req, HttpServletResponse res)
					throws java.io.IOException {
				servlet.handle(req, res);
			}
		});
		this.filter.doFilter(request, response, chain);
		return response;
	}

	@FunctionalInterface
	interface Servlet {

		void handle(jakarta.servlet.ServletRequest request, jakarta.servlet.ServletResponse response)
				throws java.io.IOException;

	}

}
