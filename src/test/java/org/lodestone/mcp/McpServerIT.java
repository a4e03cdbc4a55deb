package org.lodestone.mcp;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
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
import io.modelcontextprotocol.spec.McpSchema.GetPromptRequest;
import io.modelcontextprotocol.spec.McpSchema.GetPromptResult;
import io.modelcontextprotocol.spec.McpSchema.Prompt;
import io.modelcontextprotocol.spec.McpSchema.ReadResourceRequest;
import io.modelcontextprotocol.spec.McpSchema.Resource;
import io.modelcontextprotocol.spec.McpSchema.TextContent;
import io.modelcontextprotocol.spec.McpSchema.TextResourceContents;
import io.modelcontextprotocol.spec.McpSchema.Tool;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lodestone.IntegrationTest;
import org.lodestone.support.RawHttp;
import org.lodestone.support.TestCredentials;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.neo4j.driver.Driver;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Drives the MCP server at /mcp with the SDK's own client over Streamable HTTP, as an assistant would: lists the
 * tools, calls each on the bundled graph, and checks that every fact comes back cited, that answers stay within their
 * size, that Cypher stays read-only and that the REST API's security applies.
 */
class McpServerIT extends IntegrationTest {

	static final Set<String> READ_TOOLS = Set.of("search_entities", "get_entity", "connect_entities", "neighbours",
			"timeline", "measures_in_force", "diff_between_dates", "chokepoint_exposure", "linkages",
			"measure_calendar", "what_if_scenario", "read_only_cypher");

	static final Set<String> TOOLS = union(READ_TOOLS, Set.of("propose_fact"));

	// The analyst's document of InboxIT (src/test/resources/inbox/README.md), and a claim the bundled dataset holds.
	static final String DOCUMENT_URL = "https://www.convergedigest.com/2019/05/us-dept-of-commerce-huawei-restriction.html";

	static final String DOCUMENT_QUOTE = "Huawei and its affiliates have been added to the Bureau’s Entity List";

	// The default of lodestone.mcp.max-answer-chars.
	static final int MAX_CHARS = 40_000;

	static final JsonMapper JSON = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	McpSyncClient client;

	@BeforeEach
	void connect() {
		this.client = client(TestCredentials.READ_KEY);
		this.client.initialize();
	}

	@AfterEach
	void close() {
		this.client.closeGracefully();
	}

	McpSyncClient client(String apiKey) {
		HttpClientStreamableHttpTransport transport = HttpClientStreamableHttpTransport
			.builder("http://localhost:" + this.port)
			.endpoint("/mcp")
			.jsonMapper(new JacksonMcpJsonMapper(JSON))
			.httpRequestCustomizer((request, method, uri, body, context) -> {
				if (apiKey != null) {
					request.header("X-API-Key", apiKey);
				}
			})
			.build();
		return McpClient.sync(transport).requestTimeout(Duration.ofSeconds(90)).build();
	}

	@Autowired
	Driver driver;

	@AfterEach
	void forgetProposals() {
		this.driver.executableQuery("MATCH (p:Proposal {connector: 'document', documentUrl: $url}) DETACH DELETE p")
			.withParameters(Map.of("url", DOCUMENT_URL))
			.execute();
	}

	@Test
	void listsTwelveReadOnlyToolsAndOneThatOnlyProposesAllWithClosedBoundedInputs() {
		List<Tool> tools = this.client.listTools().tools();
		assertThat(tools).extracting(Tool::name).containsExactlyInAnyOrderElementsOf(TOOLS);
		for (Tool tool : tools) {
			boolean reads = READ_TOOLS.contains(tool.name());
			assertThat(tool.annotations().readOnlyHint()).as(tool.name()).isEqualTo(reads);
			// propose_fact adds a proposal and removes nothing; the same claim twice is one proposal.
			assertThat(tool.annotations().idempotentHint()).as(tool.name()).isTrue();
			assertThat(tool.annotations().destructiveHint()).as(tool.name()).isFalse();
			assertThat(tool.annotations().openWorldHint()).as(tool.name()).isFalse();
			assertThat(tool.inputSchema().get("additionalProperties")).as(tool.name()).isEqualTo(false);
			// Every read can be asked of the graph as recorded at an instant, as over REST.
			assertThat(((Map<?, ?>) tool.inputSchema().get("properties")).containsKey("knownAt")).as(tool.name())
				.isEqualTo(reads);
			((Map<?, ?>) tool.inputSchema().get("properties")).forEach((name, schema) -> {
				Map<?, ?> property = (Map<?, ?>) schema;
				if ("string".equals(property.get("type")) && !property.containsKey("enum")
						&& !"date".equals(property.get("format"))) {
					assertThat(property.get("maxLength")).as(tool.name() + "." + name).isNotNull();
				}
				if ("array".equals(property.get("type"))) {
					assertThat(property.get("maxItems")).as(tool.name() + "." + name).isNotNull();
				}
			});
		}
	}

	@Test
	void everyToolAnswersWithinItsSizeAndEveryFactIsCited() {
		Map<String, Map<String, Object>> calls = new LinkedHashMap<>();
		calls.put("search_entities", Map.of("q", "H20", "limit", 5));
		calls.put("get_entity", Map.of("entity", "NdPr"));
		calls.put("connect_entities", Map.of("from", "H20", "to", "NdPr", "k", 3, "asOf", "2025-08-01"));
		calls.put("neighbours", Map.of("entity", "mineral:ndpr", "depth", 1));
		calls.put("timeline", Map.of("entity", "product:nvidia-h20"));
		calls.put("measures_in_force", Map.of("date", "2025-08-01"));
		calls.put("diff_between_dates", Map.of("from", "2025-01-01", "to", "2025-12-31"));
		calls.put("chokepoint_exposure", Map.of("entity", "product:ev-traction-motor", "asOf", "2025-08-01"));
		calls.put("linkages", Map.of());
		calls.put("measure_calendar", Map.of("from", "2025-01-01", "to", "2025-12-31"));
		calls.put("what_if_scenario", Map.of("action", "restrict", "subjects", List.of("mineral:ndpr")));
		calls.put("read_only_cypher", Map.of("query",
				"MATCH (p:Entity {id: $id})-[r]-(m:Entity) RETURN m.id AS id, r.validFrom AS validFrom,"
						+ " r.confidence AS confidence, r.sources AS sources LIMIT 5",
				"parameters", Map.of("id", "mineral:ndpr")));
		assertThat(calls.keySet()).containsExactlyInAnyOrderElementsOf(READ_TOOLS);
		Map<String, Integer> citedFacts = new LinkedHashMap<>();
		calls.forEach((tool, arguments) -> {
			CallToolResult result = this.client.callTool(new CallToolRequest(tool, arguments));
			String text = text(result);
			assertThat(result.isError()).as(tool + ": " + text).isFalse();
			assertThat(text.length()).as(tool).isLessThanOrEqualTo(MAX_CHARS);
			JsonNode envelope = JSON.readTree(text);
			assertThat(envelope.has("answer")).as(tool).isTrue();
			assertThat(envelope.get("answer").isNull()).as(tool).isFalse();
			assertThat(result.structuredContent()).as(tool).isNotNull();
			int facts = checkCitations(tool, envelope.get("answer"));
			if ("get_entity".equals(tool)) {
				// One entity: its facts are its description and lifecycle, cited by its sources.
				facts = envelope.get("answer").get("sources").size();
			}
			citedFacts.put(tool, facts);
		});
		// Tools whose answers are relationships or measures: each must have brought cited facts back, not nothing.
		assertThat(citedFacts).as("cited facts per tool").allSatisfy((tool, count) -> {
			if (!Set.of("search_entities", "read_only_cypher").contains(tool)) {
				assertThat(count).as(tool).isPositive();
			}
		});
	}

	@Test
	void aTooLargeAnswerIsCutToWholeItemsAndSaysWhat() {
		CallToolResult result = this.client.callTool(new CallToolRequest("read_only_cypher",
				Map.of("query", "MATCH (n:Entity) RETURN n.id AS id, n.name AS name, n.description AS description")));
		String text = text(result);
		assertThat(result.isError()).as(text).isFalse();
		assertThat(text.length()).isLessThanOrEqualTo(MAX_CHARS);
		JsonNode envelope = JSON.readTree(text);
		assertThat(envelope.get("truncated").asBoolean()).isTrue();
		JsonNode omitted = envelope.get("omitted").get(0);
		assertThat(omitted.get("at").asString()).isEqualTo("/rows");
		int kept = omitted.get("kept").asInt();
		assertThat(kept).isPositive().isLessThan(omitted.get("total").asInt());
		JsonNode rows = envelope.get("answer").get("rows");
		assertThat(rows.size()).isEqualTo(kept);
		rows.forEach(row -> assertThat(row.size()).as("a row is kept whole").isEqualTo(3));
	}

	@Test
	void cypherTakesKnownAtAndRefusesAnInstantInTheFutureNamingIt() {
		String query = "MATCH (n:Entity {id: 'mineral:ndpr'}) RETURN n.name AS name";
		CallToolResult now = this.client.callTool(new CallToolRequest("read_only_cypher",
				Map.of("query", query, "knownAt", java.time.Instant.now().toString())));
		assertThat(now.isError()).as(text(now)).isFalse();
		assertThat(JSON.readTree(text(now)).get("answer").get("rows").get(0).get(0).asString()).isNotBlank();
		CallToolResult future = this.client.callTool(new CallToolRequest("read_only_cypher",
				Map.of("query", query, "knownAt", "2999-01-01T00:00:00Z")));
		assertThat(future.isError()).isTrue();
		assertThat(text(future)).contains("knownAt").contains("future");
	}

	@Test
	void writeCypherIsRefusedAndChangesNothing() {
		for (String write : List.of("CREATE (n:Entity {id: 'x:mcp'}) RETURN n", "MATCH (n:Entity) DETACH DELETE n",
				"LOAD CSV FROM 'http://127.0.0.1/x' AS row RETURN row",
				"MATCH (n:Entity {id: 'mineral:ndpr'}) SET n.name = 'changed' RETURN n")) {
			CallToolResult result = this.client.callTool(new CallToolRequest("read_only_cypher", Map.of("query", write)));
			assertThat(result.isError()).as(write).isTrue();
			assertThat(text(result)).as(write).containsIgnoringCase("read");
		}
		CallToolResult check = this.client.callTool(new CallToolRequest("read_only_cypher", Map.of("query",
				"MATCH (n:Entity) WHERE n.id = 'x:mcp' OR n.name = 'changed' RETURN count(n) AS n")));
		assertThat(JSON.readTree(text(check)).get("answer").get("rows").get(0).get(0).asInt()).isZero();
	}

	@Test
	void aWriteCredentialProposesAFactThatWaitsInTheInboxAndTheSameClaimAgainProposesNothingNew() throws Exception {
		McpSyncClient writer = client(TestCredentials.WRITE_KEY);
		writer.initialize();
		try {
			CallToolResult result = writer.callTool(new CallToolRequest("propose_fact", claim(DOCUMENT_QUOTE)));
			String text = text(result);
			assertThat(result.isError()).as(text).isFalse();
			JsonNode answer = JSON.readTree(text).get("answer");
			String id = answer.get("id").asString();
			assertThat(id).matches("proposal:[0-9a-f]{16}");
			assertThat(answer.get("created").asBoolean()).isTrue();
			assertThat(answer.get("review").asString()).isEqualTo("/api/inbox/" + id);

			HttpResponse<String> inbox = get("/api/inbox?status=pending", TestCredentials.READ_KEY);
			assertThat(inbox.statusCode()).isEqualTo(200);
			JsonNode pending = JSON.readTree(inbox.body());
			List<String> ids = new ArrayList<>();
			pending.forEach(proposal -> ids.add(proposal.get("id").asString()));
			assertThat(ids).contains(id);
			JsonNode review = JSON.readTree(get("/api/inbox/" + id, TestCredentials.READ_KEY).body());
			assertThat(review.at("/proposal/provenance/documentUrl").asString()).isEqualTo(DOCUMENT_URL);
			assertThat(review.at("/proposal/quotes/0/quote").asString()).isEqualTo(DOCUMENT_QUOTE);

			CallToolResult again = writer.callTool(new CallToolRequest("propose_fact", claim(DOCUMENT_QUOTE)));
			JsonNode second = JSON.readTree(text(again)).get("answer");
			assertThat(second.get("id").asString()).isEqualTo(id);
			assertThat(second.get("created").asBoolean()).isFalse();
		}
		finally {
			writer.closeGracefully();
		}
	}

	@Test
	void aReadCredentialOrNoneCannotProposeAndNothingIsProposed() throws Exception {
		long before = proposalsOfTheDocument();
		CallToolResult asReader = this.client.callTool(new CallToolRequest("propose_fact", claim(DOCUMENT_QUOTE)));
		assertThat(asReader.isError()).isTrue();
		assertThat(text(asReader)).contains("WRITE role").contains("ci-reader");
		McpSyncClient anonymous = client(null);
		anonymous.initialize();
		try {
			CallToolResult asNobody = anonymous.callTool(new CallToolRequest("propose_fact", claim(DOCUMENT_QUOTE)));
			assertThat(asNobody.isError()).isTrue();
			assertThat(text(asNobody)).contains("WRITE role").contains("carries none");
		}
		finally {
			anonymous.closeGracefully();
		}
		assertThat(proposalsOfTheDocument()).isEqualTo(before);
	}

	@Test
	void aQuoteThatIsNotInTheDocumentIsRefusedAndNothingIsProposed() {
		long before = proposalsOfTheDocument();
		McpSyncClient writer = client(TestCredentials.WRITE_KEY);
		writer.initialize();
		try {
			CallToolResult result = writer.callTool(new CallToolRequest("propose_fact",
					claim(DOCUMENT_QUOTE.replace("affiliates", "subsidiaries"))));
			assertThat(result.isError()).isTrue();
			assertThat(text(result)).contains("not found verbatim").contains("subsidiaries");
		}
		finally {
			writer.closeGracefully();
		}
		assertThat(proposalsOfTheDocument()).isEqualTo(before);
	}

	@Test
	void argumentsOutsideTheirBoundsAreRefusedWithTheReason() {
		CallToolResult unknown = this.client.callTool(new CallToolRequest("get_entity",
				Map.of("entity", "NdPr", "depth", 9)));
		assertThat(unknown.isError()).isTrue();
		// The SDK checks the input schema first; ToolArguments would refuse it too.
		assertThat(text(unknown)).contains("'depth'");
		CallToolResult tooLong = this.client.callTool(new CallToolRequest("search_entities", Map.of("q", "x".repeat(201))));
		assertThat(tooLong.isError()).isTrue();
		assertThat(text(tooLong)).contains("200");
		CallToolResult tooDeep = this.client.callTool(new CallToolRequest("connect_entities",
				Map.of("from", "H20", "to", "NdPr", "maxDepth", 50)));
		assertThat(tooDeep.isError()).isTrue();
		assertThat(text(tooDeep)).contains("maxDepth").contains("8");
		CallToolResult badDate = this.client.callTool(new CallToolRequest("measures_in_force", Map.of("date", "May 2025")));
		assertThat(badDate.isError()).isTrue();
		CallToolResult tooMany = this.client.callTool(new CallToolRequest("what_if_scenario",
				Map.of("action", "restrict", "subjects", java.util.Collections.nCopies(51, "NdPr"))));
		assertThat(tooMany.isError()).isTrue();
		assertThat(text(tooMany)).contains("subjects").contains("50");
		CallToolResult unknownEntity = this.client.callTool(new CallToolRequest("get_entity", Map.of("entity", "zzqx nothing")));
		assertThat(unknownEntity.isError()).isTrue();
	}

	@Test
	void resourcesAreTheOntologyAndEveryAnalystQuery() throws Exception {
		List<Resource> resources = this.client.listResources().resources();
		Set<String> expected = new TreeSet<>(Set.of("lodestone://ontology", "lodestone://ontology.json"));
		for (org.springframework.core.io.Resource file : new PathMatchingResourcePatternResolver()
			.getResources("classpath:cypher/queries/*.cypher")) {
			expected.add("lodestone://queries/" + file.getFilename());
		}
		assertThat(resources).extracting(Resource::uri).containsExactlyInAnyOrderElementsOf(expected);
		String ontology = read("lodestone://ontology");
		assertThat(ontology).contains("## Relationship types").contains("`USED_IN`");
		JsonNode machine = JSON.readTree(read("lodestone://ontology.json"));
		assertThat(machine.get("relationshipTypes").size()).isEqualTo(org.lodestone.graph.RelationshipType.values().length);
		assertThat(read("lodestone://queries/measures-in-force-on-date.cypher")).contains("MATCH (m:Policy)");
	}

	@Test
	void promptsWalkAnAnalystThroughTheTools() {
		assertThat(this.client.listPrompts().prompts()).extracting(Prompt::name)
			.containsExactlyInAnyOrder("brief_on_measure", "trace_product_to_mineral", "what_changed");
		GetPromptResult brief = this.client.getPrompt(new GetPromptRequest("brief_on_measure",
				Map.of("measure", "policy:us-h20-export-licences", "asOf", "2025-08-01")));
		String text = ((TextContent) brief.messages().get(0).content()).text();
		assertThat(text).contains("policy:us-h20-export-licences").contains("get_entity").contains("timeline")
			.contains("Cite");
		for (String tool : List.of("get_entity", "timeline", "neighbours", "linkages", "measures_in_force")) {
			assertThat(TOOLS).contains(tool);
		}
		assertThatThrownBy(() -> this.client.getPrompt(new GetPromptRequest("trace_product_to_mineral", Map.of())))
			.hasMessageContaining("product");
	}

	@Test
	void aWrongCredentialIsRefusedBeforeTheServer() {
		McpSyncClient wrong = client("not-a-key");
		// The SDK's transport reports a 401 as an authorization error.
		assertThatThrownBy(wrong::initialize).hasRootCauseInstanceOf(McpHttpClientTransportAuthorizationException.class);
		wrong.close();
		assertThat(post(Map.of("X-API-Key", "not-a-key")).statusCode()).isEqualTo(401);
	}

	@Test
	void aForeignOriginOrHostIsRefused() throws Exception {
		assertThat(post(Map.of("Origin", "https://evil.example")).statusCode()).isEqualTo(403);
		assertThat(post(Map.of("Origin", "http://localhost:" + this.port)).statusCode()).as("its own origin")
			.isEqualTo(200);
		String rebound = RawHttp.exchange(this.port, "POST /mcp HTTP/1.1\r\nHost: evil.example\r\n"
				+ "Content-Type: application/json\r\nAccept: application/json, text/event-stream\r\n"
				+ "Content-Length: 2\r\nConnection: close\r\n\r\n{}");
		assertThat(RawHttp.status(rebound)).as("DNS rebinding").isEqualTo(421);
		assertThat(post(Map.of()).statusCode()).as("the same request from a client that is no browser").isEqualTo(200);
	}

	@Test
	void aSessionTheClientEndedOrNeverHadIsUnknownSoTheClientInitializesAgain() {
		HttpResponse<String> opened = post(Map.of());
		String session = opened.headers().firstValue("Mcp-Session-Id").orElseThrow();
		assertThat(send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/mcp"))
			.header("Mcp-Session-Id", session)
			.DELETE()).statusCode()).isEqualTo(200);
		HttpResponse<String> afterEnd = post(Map.of("Mcp-Session-Id", session));
		assertThat(afterEnd.statusCode()).isEqualTo(404);
		assertThat(afterEnd.body()).contains("initialize a new one");
		assertThat(post(Map.of("Mcp-Session-Id", "never-opened")).statusCode()).isEqualTo(404);
	}

	// The claim InboxIT proposes from the same document: the dataset's TARGETS row, its quote as given.
	static Map<String, Object> claim(String quote) throws RuntimeException {
		Map<String, String> targets = new LinkedHashMap<>();
		targets.put("from", "policy:us-bis-huawei-entity-list-2019-05");
		targets.put("to", "company:huawei");
		targets.put("type", "TARGETS");
		targets.put("validFrom", "2019-05-16");
		targets.put("confidence", "0.8");
		targets.put("sources", "src:convergedigest-2019-05-16-huawei-restriction");
		targets.put("quote", quote);
		try {
			String text = new ClassPathResource("inbox/documents/convergedigest-2019-05-16-huawei-restriction.txt")
				.getContentAsString(StandardCharsets.UTF_8);
			return Map.of("url", DOCUMENT_URL, "title", "Huawei on the Entity List (Converge Digest)", "text", text,
					"claim", Map.of("relationships", List.of(targets)));
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	long proposalsOfTheDocument() {
		return this.driver.executableQuery("MATCH (p:Proposal {documentUrl: $url}) RETURN count(p) AS n")
			.withParameters(Map.of("url", DOCUMENT_URL))
			.execute().records().get(0).get("n").asLong();
	}

	HttpResponse<String> get(String path, String apiKey) {
		return send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.header("X-API-Key", apiKey)
			.GET());
	}

	// A raw initialize request, as a web page or a misconfigured client would send it.
	HttpResponse<String> post(Map<String, String> headers) {
		String initialize = """
				{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-06-18",\
				"capabilities":{},"clientInfo":{"name":"page","version":"1"}}}""";
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/mcp"))
			.header("Content-Type", "application/json")
			.header("Accept", "application/json, text/event-stream")
			.POST(HttpRequest.BodyPublishers.ofString(initialize));
		headers.forEach(request::header);
		return send(request);
	}

	static HttpResponse<String> send(HttpRequest.Builder request) {
		try {
			return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private String read(String uri) {
		return ((TextResourceContents) this.client.readResource(new ReadResourceRequest(uri)).contents().get(0)).text();
	}

	private static Set<String> union(Set<String> a, Set<String> b) {
		Set<String> all = new TreeSet<>(a);
		all.addAll(b);
		return Set.copyOf(all);
	}

	static String text(CallToolResult result) {
		return ((TextContent) result.content().get(0)).text();
	}

	/**
	 * Walks an answer: every list of sources holds publications with a publisher, a date and a URL; every fact with a
	 * confidence (a relationship, a claim) also has a date and at least one source.
	 * @return how many cited facts (relationships, measures, changes, events) the answer holds
	 */
	static int checkCitations(String tool, JsonNode node) {
		int facts = 0;
		if (node.isArray()) {
			for (JsonNode item : node) {
				facts += checkCitations(tool, item);
			}
		}
		else if (node.isObject()) {
			if (node.has("sources") && node.get("sources").isArray() && !"read_only_cypher".equals(tool)) {
				for (JsonNode source : node.get("sources")) {
					assertThat(source.path("url").asString("")).as(tool + " source " + source).startsWith("http");
					assertThat(source.path("date").isNull()).as(tool + " source date " + source).isFalse();
					assertThat(source.path("publisher").asString("")).as(tool + " publisher " + source).isNotBlank();
				}
				if (node.has("confidence") || node.has("validFrom") || node.has("since") || node.has("change")
						|| node.has("kind") && node.has("measure")) {
					assertThat(node.get("sources").size()).as(tool + ": a fact without a source: " + node).isPositive();
					facts++;
				}
			}
			if (node.has("confidence") && node.has("validFrom") && !"read_only_cypher".equals(tool)) {
				assertThat(node.get("confidence").isNumber()).as(tool).isTrue();
				assertThat(node.get("validFrom").isNull()).as(tool + ": a fact without a date: " + node).isFalse();
				assertThat(node.has("quote")).as(tool + ": quote field").isTrue();
			}
			List<JsonNode> children = new ArrayList<>();
			node.forEach(children::add);
			for (JsonNode child : children) {
				facts += checkCitations(tool, child);
			}
		}
		return facts;
	}

}
