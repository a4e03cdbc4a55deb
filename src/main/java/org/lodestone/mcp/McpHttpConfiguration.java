package org.lodestone.mcp;

import java.time.Duration;
import java.util.List;

import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.transport.HttpServletStreamableServerTransportProvider;
import org.lodestone.request.RequestLimits;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The MCP server over Streamable HTTP at {@value #ENDPOINT}. The SDK's transport is a servlet, so every request to
 * it passes the application's filter chain first: the Host allow-list, the rate limit, the body checks,
 * authentication, and authorization as a read (SecurityConfiguration). {@link OriginCheck} then refuses a browser
 * request from a foreign origin (403), as the MCP specification asks of local servers against DNS rebinding.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnBooleanProperty(name = "lodestone.mcp.enabled", matchIfMissing = true)
class McpHttpConfiguration {

	static final String ENDPOINT = "/mcp";

	@Bean
	HttpServletStreamableServerTransportProvider mcpTransport(LodestoneMcpServer server,
			@Value("${lodestone.security.cors.allowed-origins:}") List<String> allowedOrigins,
			RequestLimits limits) {
		return HttpServletStreamableServerTransportProvider.builder()
			.jsonMapper(server.mapper())
			.mcpEndpoint(ENDPOINT)
			.securityValidator(new OriginCheck(allowedOrigins))
			.maxRequestSize((int) Math.min(Integer.MAX_VALUE, limits.maxJsonBody().toBytes()))
			.keepAliveInterval(Duration.ofSeconds(30))
			.build();
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
		return server.build(spec);
	}

}
