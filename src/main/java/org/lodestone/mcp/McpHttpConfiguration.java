package org.lodestone.mcp;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.modelcontextprotocol.common.McpTransportContext;

import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.transport.HttpServletStreamableServerTransportProvider;
import org.lodestone.request.RequestLimits;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The MCP server over Streamable HTTP at {@value #ENDPOINT}. The SDK's transport is a servlet, so every request to
 * it passes the application's filter chain first: the Host allow-list, the rate limit, the body checks,
 * authentication, and authorization as a read (SecurityConfiguration). {@link OriginCheck} then refuses a browser
 * request from a foreign origin (403), as the MCP specification asks of local servers against DNS rebinding.
 * {@link McpSessionFilter} caps the sessions open at once ({@code lodestone.mcp.max-sessions}) and ends those idle
 * for {@code lodestone.mcp.session-idle-timeout}. Each request hands the tools its {@link Caller}: the tools only read,
 * whoever calls, except {@code propose_fact}, which needs the WRITE role.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnBooleanProperty(name = "lodestone.mcp.enabled", matchIfMissing = true)
class McpHttpConfiguration {

	static final String ENDPOINT = "/mcp";

	@Bean
	McpSessions mcpSessions(@Value("${lodestone.mcp.max-sessions:100}") int maxSessions,
			@Value("${lodestone.mcp.session-idle-timeout:30m}") Duration idleTimeout) {
		return new McpSessions(maxSessions, idleTimeout, Clock.systemUTC());
	}

	@Bean
	HttpServletStreamableServerTransportProvider mcpTransport(LodestoneMcpServer server,
			@Value("${lodestone.security.cors.allowed-origins:}") List<String> allowedOrigins,
			RequestLimits limits, McpSessions sessions) {
		return HttpServletStreamableServerTransportProvider.builder()
			.jsonMapper(server.mapper())
			.mcpEndpoint(ENDPOINT)
			.securityValidator(new OriginCheck(allowedOrigins))
			.maxRequestSize((int) Math.min(Integer.MAX_VALUE, limits.maxJsonBody().toBytes()))
			.keepAliveInterval(Duration.ofSeconds(30))
			// The SDK drops a session without an open stream that was not used between two sweeps, so no earlier
			// than the idle timeout after its last use: McpSessions has ended it by then, and this frees its memory.
			.sessionSweepInterval(sessions.idleTimeout())
			// Runs on the servlet thread, after authentication: the request's credential as security saw it.
			.contextExtractor(request -> McpTransportContext.create(Map.of(Caller.KEY,
					new Caller((request.getUserPrincipal() != null) ? request.getUserPrincipal().getName() : null,
							request.isUserInRole(Caller.WRITE_ROLE)))))
			.build();
	}

	@Bean
	FilterRegistrationBean<McpSessionFilter> mcpSessionFilter(McpSessions sessions) {
		// Ordered after the security filter chain (Boot registers it at -100): unauthenticated, foreign or
		// over-the-rate requests never count as sessions.
		FilterRegistrationBean<McpSessionFilter> registration = new FilterRegistrationBean<>(
				new McpSessionFilter(sessions));
		registration.setUrlPatterns(List.of(ENDPOINT));
		registration.setName("mcpSessions");
		registration.setAsyncSupported(true);
		return registration;
	}

	@Bean
	ServletRegistrationBean<HttpServletStreamableServerTransportProvider> mcpServlet(
			HttpServletStreamableServerTransportProvider transport) {
		ServletRegistrationBean<HttpServletStreamableServerTransportProvider> registration = new ServletRegistrationBean<>(
				transport, ENDPOINT);
		registration.setName("mcp");
		registration.setAsyncSupported(true);
		return registration;
	}

	@Bean(destroyMethod = "close")
	McpSyncServer mcpHttpServer(LodestoneMcpServer server, HttpServletStreamableServerTransportProvider transport) {
		McpServer.StreamableSyncSpecification spec = McpServer.sync(transport);
		return server.build(spec, true);
	}

}
