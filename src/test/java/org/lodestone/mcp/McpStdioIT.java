package org.lodestone.mcp;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.ServerParameters;
import io.modelcontextprotocol.client.transport.StdioClientTransport;
import io.modelcontextprotocol.json.jackson3.JacksonMcpJsonMapper;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.Tool;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.lodestone.support.FreePorts;
import org.lodestone.support.TestStores;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code lodestone mcp} as a desktop assistant runs it: the SDK's stdio client starts the application in a child JVM
 * (its own embedded engine on a new store, which the first start loads), talks to it over standard input and output,
 * and closes standard input to end it. Standard output must carry protocol messages only, so the logs must arrive on
 * standard error.
 */
// A forked JVM with its own engine: a durability test, left out of -Pfast.
@Tag("durability")
class McpStdioIT {

	@Test
	void aDesktopAssistantUsesTheToolsOverStdioAndEndsTheProcessByClosingInput() {
		Path store = TestStores.create("mcp-stdio");
		ServerParameters command = ServerParameters
			.builder(Path.of(System.getProperty("java.home"), "bin", "java").toString())
			.args("-cp", System.getProperty("java.class.path"), "org.lodestone.LodestoneApplication", "mcp",
					"--lodestone.neo4j.directory=" + store, "--lodestone.neo4j.bolt-port=" + FreePorts.next(),
					"--lodestone.neo4j.http-port=" + FreePorts.next())
			.build();
		JsonMapper json = JsonMapper.builder().build();
		StdioClientTransport transport = new StdioClientTransport(command, new JacksonMcpJsonMapper(json));
		List<String> stderr = new CopyOnWriteArrayList<>();
		transport.setStdErrorHandler(stderr::add);
		McpSyncClient client = McpClient.sync(transport)
			// The child starts an engine and loads the bundled data before it reads its first message.
			.initializationTimeout(Duration.ofMinutes(5))
			.requestTimeout(Duration.ofMinutes(5))
			.build();
		try {
			client.initialize();
			assertThat(client.getServerInfo().name()).isEqualTo("lodestone");
			assertThat(client.listTools().tools()).extracting(Tool::name)
				// propose_fact acts on a credential's WRITE role, which only HTTP carries: not offered here.
				.containsExactlyInAnyOrderElementsOf(McpServerIT.READ_TOOLS);
			CallToolResult paths = client.callTool(new CallToolRequest("connect_entities",
					Map.of("from", "H20", "to", "NdPr", "k", 2)));
			String text = McpServerIT.text(paths);
			assertThat(paths.isError()).as(text).isFalse();
			JsonNode answer = json.readTree(text).get("answer");
			assertThat(answer.get("paths").size()).isPositive();
			assertThat(McpServerIT.checkCitations("connect_entities", answer)).isPositive();
			CallToolResult write = client.callTool(new CallToolRequest("read_only_cypher",
					Map.of("query", "CREATE (n:Entity {id: 'x:stdio'}) RETURN n")));
			assertThat(write.isError()).isTrue();
		}
		finally {
			client.closeGracefully();
		}
		transport.awaitForExit();
		assertThat(String.join("\n", stderr)).as("logs go to standard error").contains("Started LodestoneApplication");
	}

}
