package org.lodestone.mcp;

import java.time.Duration;

import io.modelcontextprotocol.json.jackson3.JacksonMcpJsonMapper;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.spec.McpSchema.ServerCapabilities;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.info.BuildProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * One definition of the MCP server, whatever carries it: the same tools, resources, prompts and instructions over
 * Streamable HTTP ({@link McpHttpConfiguration}) and stdio ({@link McpStdioCommand}).
 */
@Component
class LodestoneMcpServer {

	static final String INSTRUCTIONS = """
			Lodestone is a knowledge graph of tech-mineral diplomacy: export controls, licences, bans, deals and \
			concessions, the states, agencies, companies and people behind them, and the chips, components and \
			minerals they concern. Every relationship is dated (validFrom, validTo), weighted by a confidence and \
			supported by sources with a publisher, a date and a URL; some carry a verbatim quote. Start with \
			search_entities to find ids, then use the other tools. Cite the sources the tools return for every \
			statement; do not state what no tool returned. The resources hold the ontology and tested Cypher \
			queries for read_only_cypher. Where propose_fact is offered (over HTTP, with a WRITE credential), it \
			puts a claim from a document the user gave you into a review inbox, with a quote found word for word \
			in that document; nothing reaches the graph until a person accepts it.""";

	private final LodestoneTools tools;

	private final LodestoneResources resources;

	private final LodestonePrompts prompts;

	private final JacksonMcpJsonMapper mapper;

	private final String version;

	LodestoneMcpServer(LodestoneTools tools, LodestoneResources resources, LodestonePrompts prompts, JsonMapper json,
			ObjectProvider<BuildProperties> build) {
		this.tools = tools;
		this.resources = resources;
		this.prompts = prompts;
		this.mapper = new JacksonMcpJsonMapper(json);
		BuildProperties properties = build.getIfAvailable();
		this.version = (properties != null) ? properties.getVersion() : "dev";
	}

	JacksonMcpJsonMapper mapper() {
		return this.mapper;
	}

	/**
	 * @param spec a transport's server specification
	 * @param carriesCredentials whether the transport tells the tools who calls ({@link Caller}); only then is the
	 * one tool that writes offered, since without a credential it could only refuse
	 * @return the server, started on that transport
	 */
	<S extends McpServer.SyncSpecification<S>> McpSyncServer build(McpServer.SyncSpecification<S> spec,
			boolean carriesCredentials) {
		return spec.serverInfo("lodestone", this.version)
			.instructions(INSTRUCTIONS)
			.jsonMapper(this.mapper)
			.capabilities(ServerCapabilities.builder().tools(false).resources(false, false).prompts(false).build())
			.tools(carriesCredentials ? this.tools.tools() : this.tools.readTools())
			.resources(this.resources.resources())
			.prompts(this.prompts.prompts())
			// Tools run on the calling thread (a servlet thread over HTTP): the request's limits and timeouts
			// apply, and no second pool grows under load.
			.immediateExecution(true)
			.requestTimeout(Duration.ofSeconds(30))
			.build();
	}

}
