package org.lodestone.security;

import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.client.transport.McpHttpClientTransportAuthorizationException;
import io.modelcontextprotocol.json.jackson3.JacksonMcpJsonMapper;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import org.junit.jupiter.api.Test;
import org.lodestone.support.FreePorts;
import org.lodestone.support.TestCredentials;
import org.lodestone.support.TestStores;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.client.RestTestClient;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * With {@code lodestone.security.require-auth-for-reads=true} only the public pages answer without a credential, and
 * with an allow-listed origin CORS answers that origin only. A second application context with its own engine.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "lodestone.security.require-auth-for-reads=true", "lodestone.data.load-on-start=false",
				"lodestone.security.cors.allowed-origins=https://analyst.example.org" })
@AutoConfigureRestTestClient
class ReadAuthIT {

	static final Path STORE = TestStores.create("read-auth");

	static final int BOLT_PORT = FreePorts.next();

	static final int HTTP_PORT = FreePorts.next();

	/** What stays public when reads need a credential. */
	static final Set<String> PUBLIC = Set.of("GET /", "GET /guide", "GET /error", "GET /actuator/health");

	@DynamicPropertySource
	static void engine(DynamicPropertyRegistry registry) {
		registry.add("lodestone.neo4j.directory", STORE::toString);
		registry.add("lodestone.neo4j.bolt-port", () -> BOLT_PORT);
		registry.add("lodestone.neo4j.http-port", () -> HTTP_PORT);
		for (String property : TestCredentials.properties()) {
			int equals = property.indexOf('=');
			registry.add(property.substring(0, equals), () -> property.substring(equals + 1));
		}
	}

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	@Autowired
	RestTestClient rest;

	@LocalServerPort
	int port;

	@Test
	void onlyPublicPagesAnswerWithoutACredential() {
		Set<String> endpoints = new TreeSet<>();
		this.mappings.getHandlerMethods().forEach((info, method) -> {
			Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
			for (String pattern : info.getPatternValues()) {
				for (RequestMethod requestMethod : methods.isEmpty() ? Set.of(RequestMethod.GET, RequestMethod.POST)
						: methods) {
					endpoints.add(requestMethod.name() + " " + pattern);
				}
			}
		});
		endpoints.addAll(Set.of("GET /actuator/health", "GET /actuator/info"));
		Set<String> anonymous = new TreeSet<>();
		for (String endpoint : endpoints) {
			String method = endpoint.substring(0, endpoint.indexOf(' '));
			String path = ApiAccessIT.concrete(endpoint.substring(endpoint.indexOf(' ') + 1));
			int status = this.rest.method(HttpMethod.valueOf(method)).uri(path).contentType(MediaType.APPLICATION_JSON)
				.exchange().returnResult(String.class).getStatus().value();
			if (status != 401) {
				anonymous.add(endpoint);
			}
		}
		assertThat(anonymous).isSubsetOf(PUBLIC);
		assertThat(endpoints).as("the enumeration found the API").contains("GET /api/info", "POST /api/cypher",
				"GET /api/paths", "GET /v3/api-docs", "POST /api/import");
		assertThat(anonymous).as("reads need a credential now").doesNotContain("GET /api/info", "POST /api/cypher",
				"GET /api/paths", "GET /v3/api-docs", "GET /api/entities/{id}");
	}

	@Test
	void theMcpServerFollowsTheReadSwitch() {
		// Anonymous: refused by the filter chain before the MCP server sees the message.
		McpSyncClient anonymous = mcpClient(null);
		assertThatThrownBy(anonymous::initialize)
			.hasRootCauseInstanceOf(McpHttpClientTransportAuthorizationException.class);
		anonymous.close();
		this.rest.post().uri("/mcp").contentType(MediaType.APPLICATION_JSON).body("{}").exchange().expectStatus()
			.isUnauthorized();
		// A READ credential reads.
		McpSyncClient reader = mcpClient(TestCredentials.READ_KEY);
		reader.initialize();
		assertThat(reader.listTools().tools()).isNotEmpty();
		CallToolResult result = reader.callTool(new CallToolRequest("search_entities", Map.of("q", "x")));
		assertThat(result.isError()).isFalse();
		reader.closeGracefully();
	}

	McpSyncClient mcpClient(String apiKey) {
		HttpClientStreamableHttpTransport transport = HttpClientStreamableHttpTransport
			.builder("http://localhost:" + this.port)
			.endpoint("/mcp")
			.jsonMapper(new JacksonMcpJsonMapper(tools.jackson.databind.json.JsonMapper.builder().build()))
			.httpRequestCustomizer((request, method, uri, body, context) -> {
				if (apiKey != null) {
					request.header("X-API-Key", apiKey);
				}
			})
			.build();
		return McpClient.sync(transport).requestTimeout(java.time.Duration.ofSeconds(60)).build();
	}

	@Test
	void aReadCredentialReadsButCannotImport() {
		this.rest.get().uri("/api/info").header("X-API-Key", TestCredentials.READ_KEY).exchange().expectStatus().isOk();
		String[] basic = ApiAccessIT.basic(TestCredentials.READER, TestCredentials.READER_PASSWORD);
		this.rest.get().uri("/api/entities?q=x").header(basic[0], basic[1]).exchange().expectStatus().isOk();
		this.rest.post().uri("/api/cypher").header("X-API-Key", TestCredentials.READ_KEY)
			.contentType(MediaType.APPLICATION_JSON).body(Map.of("query", "RETURN 1 AS one"))
			.exchange().expectStatus().isOk();
		this.rest.post().uri("/api/import").header("X-API-Key", TestCredentials.READ_KEY)
			.contentType(MediaType.MULTIPART_FORM_DATA).exchange()
			.expectStatus().isForbidden()
			.expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
		this.rest.get().uri("/api/info").exchange().expectStatus().isUnauthorized()
			.expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
		this.rest.get().uri("/actuator/health").exchange().expectStatus().isOk();
	}

	@Test
	void corsAnswersTheAllowListedOriginOnly() {
		this.rest.options().uri("/api/cypher").header(HttpHeaders.ORIGIN, "https://analyst.example.org")
			.header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "POST")
			.header(HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS, "content-type,x-api-key")
			.exchange()
			.expectStatus().isOk()
			.expectHeader().valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "https://analyst.example.org");
		this.rest.options().uri("/api/cypher").header(HttpHeaders.ORIGIN, "https://evil.example")
			.header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "POST")
			.exchange()
			.expectStatus().isForbidden()
			.expectHeader().doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN);
	}

}
