package org.lodestone.mcp;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.TextContent;
import io.modelcontextprotocol.spec.McpSchema.Tool;
import io.modelcontextprotocol.spec.McpSchema.ToolAnnotations;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.lodestone.analysis.AsOfDiff;
import org.lodestone.analysis.ChokepointExposure;
import org.lodestone.analysis.LinkageLedger;
import org.lodestone.analysis.MeasureCalendar;
import org.lodestone.analysis.MeasuresInForce;
import org.lodestone.analysis.WhatIfScenarios;
import org.lodestone.cypher.CypherForbiddenException;
import org.lodestone.cypher.CypherQueryService;
import org.lodestone.cypher.InvalidCypherException;
import org.lodestone.cypher.QueryBusyException;
import org.lodestone.cypher.QueryTooLargeException;
import org.lodestone.entity.AmbiguousEntityException;
import org.lodestone.entity.EntityNotFoundException;
import org.lodestone.entity.EntityService;
import org.lodestone.graph.EntitySummary;
import org.lodestone.graph.Kind;
import org.lodestone.graph.RelationshipType;
import org.lodestone.graph.Subtype;
import org.lodestone.inbox.InboxService;
import org.lodestone.inbox.ProposedRows;
import org.lodestone.ingest.DatasetReader;
import org.lodestone.ingest.InvalidDatasetException;
import org.lodestone.ingest.RecordedGraphs;
import org.lodestone.neo4j.GraphUnavailableException;
import org.lodestone.neo4j.QueryTimeoutException;
import org.lodestone.path.PathOptions;
import org.lodestone.path.PathService;
import org.lodestone.request.InvalidRequestException;
import org.lodestone.request.RequestValues;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The MCP tools. Each calls the service behind the matching REST endpoint (the same checks, caches and Cypher), reads
 * its arguments through {@link ToolArguments}, and answers through {@link AnswerBudget}. Every tool but one only reads
 * and says so in its annotations; the one that writes, {@value #PROPOSE_FACT}, only adds a proposal to the inbox for
 * a person to review, as {@code POST /api/inbox/documents} does, and only for a caller with the WRITE role. None
 * reaches outside the graph: the proposal's document is pasted, never fetched.
 */
@Component
class LodestoneTools {

	private static final Log logger = LogFactory.getLog(LodestoneTools.class);

	/** The longest Cypher query the tool accepts, as {@code /api/cypher} does. */
	static final int MAX_CYPHER = 20_000;

	/** The most query parameters one Cypher call may pass. */
	static final int MAX_CYPHER_PARAMETERS = 50;

	/** The one tool that writes. */
	static final String PROPOSE_FACT = "propose_fact";

	/** The longest cell of a proposed row. */
	static final int MAX_CELL = 5_000;

	// The longest instant an analyst writes: 2026-03-01T12:00:00.123456789+05:30.
	private static final int MAX_KNOWN_AT = 40;

	private static final Map<String, List<String>> CLAIM_COLUMNS = claimColumns();

	private static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);

	private static final LocalDate LATEST = LocalDate.of(2100, 12, 31);

	static final String CITATIONS = " Every relationship carries validFrom/validTo (with precision and basis), a"
			+ " confidence in [0, 1], a verbatim quote where recorded, and its sources (title, publisher, date, url):"
			+ " cite them.";

	private static final List<String> TYPES = Arrays.stream(RelationshipType.values()).map(Enum::name).toList();

	private static final List<String> KINDS = labels();

	private final EntityService entities;

	private final PathService paths;

	private final MeasuresInForce inForce;

	private final AsOfDiff diff;

	private final ChokepointExposure exposure;

	private final LinkageLedger ledger;

	private final MeasureCalendar calendar;

	private final WhatIfScenarios scenarios;

	private final CypherQueryService cypher;

	private final AnswerBudget budget;

	private final InboxService inbox;

	private final RecordedGraphs recorded;

	private final JsonMapper json;

	LodestoneTools(EntityService entities, PathService paths, MeasuresInForce inForce, AsOfDiff diff,
			ChokepointExposure exposure, LinkageLedger ledger, MeasureCalendar calendar, WhatIfScenarios scenarios,
			CypherQueryService cypher, InboxService inbox, JsonMapper json, RecordedGraphs recorded,
			@Value("${lodestone.mcp.max-answer-chars:40000}") int maxAnswerChars) {
		this.entities = entities;
		this.paths = paths;
		this.inForce = inForce;
		this.diff = diff;
		this.exposure = exposure;
		this.ledger = ledger;
		this.calendar = calendar;
		this.scenarios = scenarios;
		this.cypher = cypher;
		this.inbox = inbox;
		this.json = json;
		this.recorded = recorded;
		this.budget = new AnswerBudget(json, maxAnswerChars);
	}

	/**
	 * @return the read-only tools and {@value #PROPOSE_FACT}
	 */
	List<SyncToolSpecification> tools() {
		List<SyncToolSpecification> tools = new ArrayList<>(readTools());
		tools.add(proposeFact());
		return tools;
	}

	/**
	 * @return the tools that only read
	 */
	List<SyncToolSpecification> readTools() {
		List<SyncToolSpecification> tools = new ArrayList<>();
		tools.add(recordedTool("search_entities", "Search entities",
				"Find actors (states, agencies, companies, people), products, minerals, measures and linkages by name"
						+ " or alias, fuzzy. Returns ids to pass to the other tools.",
				InputSchema.object().text("q", "what to look for; blank lists entities by name", false)
					.choice("kind", "only this kind or subtype", KINDS, false)
					.integer("limit", "the most matches", 1, EntityService.MAX_LIMIT, 10),
				args -> this.entities.search(args.text("q"), args.text("kind"), args.integer("limit", 1,
						EntityService.MAX_LIMIT, 10))));
		tools.add(recordedTool("get_entity", "Get an entity",
				"One entity in full: kind, subtype, aliases, description, a measure's lifecycle dates (announced,"
						+ " effective, suspendedUntil, rescinded) and every source describing it or a relationship"
						+ " touching it.",
				InputSchema.object().text("entity", "an id (e.g. mineral:ndpr) or a name or alias", true),
				args -> this.entities.details(resolve(args.requiredText("entity")).id())));
		tools.add(recordedTool("connect_entities", "Connect two entities",
				"How two entities are connected: ranked paths of dated, sourced relationships with a plain-English"
						+ " explanation; the options of GET /api/paths." + CITATIONS,
				InputSchema.object().text("from", "start: an id or a name", true)
					.text("to", "end: an id or a name", true)
					.choice("mode", "shortest, k-shortest (default) or all", List.of("shortest", "k-shortest", "all"),
							false)
					.integer("k", "how many paths", 1, PathOptions.MAX_K, 5)
					.integer("maxDepth", "the most hops", 1, PathOptions.MAX_DEPTH, 6)
					.strings("types", "only these relationship types", TYPES, TYPES.size(), false)
					.strings("excludeTypes", "never these relationship types", TYPES, TYPES.size(), false)
					.strings("kinds", "only these kinds or subtypes in the middle of a path", KINDS, KINDS.size(),
							false)
					.date("asOf", "only relationships that held on this date", false)
					.fraction("minConfidence", "the least confidence every hop must have")
					.choice("direction", "any (default) or outgoing", List.of("any", "outgoing"), false),
				args -> this.paths.connect(args.requiredText("from"), args.requiredText("to"),
						PathOptions.parse(or(args.text("mode"), PathOptions.DEFAULT_MODE),
								String.valueOf(args.integer("k", 1, PathOptions.MAX_K, 5)),
								String.valueOf(args.integer("maxDepth", 1, PathOptions.MAX_DEPTH, 6)),
								args.commaList("types"), args.commaList("excludeTypes"), args.commaList("kinds"),
								args.text("asOf", 10), args.fraction("minConfidence"),
								or(args.text("direction"), PathOptions.DEFAULT_DIRECTION)))));
		tools.add(recordedTool("neighbours", "Neighbours of an entity",
				"The entities around one entity and the relationships between them, up to 3 hops, optionally on a"
						+ " date." + CITATIONS,
				InputSchema.object().text("entity", "an id or a name", true)
					.integer("depth", "how many hops", 1, 3, 1)
					.strings("types", "only these relationship types", TYPES, TYPES.size(), false)
					.date("asOf", "only relationships that held on this date", false),
				args -> this.entities.neighbors(resolve(args.requiredText("entity")).id(),
						args.integer("depth", 1, 3, 1), RequestValues.types("types", args.commaList("types")),
						args.date("asOf"))));
		tools.add(recordedTool("timeline", "Timeline of an entity",
				"Everything dated about one entity, oldest first: its lifecycle and every relationship's start and"
						+ " end." + CITATIONS,
				InputSchema.object().text("entity", "an id or a name", true),
				args -> this.entities.timeline(resolve(args.requiredText("entity")).id())));
		tools.add(recordedTool("measures_in_force", "Measures in force on a date",
				"The export controls, licences, bans, deals, concessions, tariffs and investments in force on a date"
						+ " (effective, or announced when no effective date is known, and not rescinded or reversed),"
						+ " with issuers, whether suspended that day, and their sources.",
				InputSchema.object().date("date", "the day; default today", false),
				args -> this.inForce.on(or(args.date("date"), LocalDate.now()))));
		tools.add(recordedTool("diff_between_dates", "What changed between two dates",
				"Every measure announced, effective, rescinded, suspended or reversed, licence granted, linkage made"
						+ " and relationship started or ended after one date up to another, with sources.",
				InputSchema.object().date("from", "the day before the window", true)
					.date("to", "the window's last day", true),
				args -> this.diff.between(required(args, "from"), required(args, "to"))));
		tools.add(recordedTool("chokepoint_exposure", "Chokepoint exposure",
				"The minerals and components an entity depends on through USED_IN, each with its dominant supplier's"
						+ " sourced share and the measures restricting it on a date, most exposed first.",
				InputSchema.object().text("entity", "an id or a name, usually a product", true)
					.date("asOf", "the day; default today", false),
				args -> this.exposure.exposure(args.requiredText("entity"), args.date("asOf"))));
		tools.add(recordedTool("linkages", "Linkage ledger",
				"Every recorded linkage: measures on one side tied to measures on the other (chips for minerals), who"
						+ " asserted or disputed the tie, with dates, quotes, confidence and sources.",
				InputSchema.none(), args -> this.ledger.linkages()));
		tools.add(recordedTool("measure_calendar", "Measure calendar",
				"Dated events of measures (announced, effective, suspended-until, rescinded) in a window, with issuers"
						+ " and sources.",
				InputSchema.object().date("from", "first day; default the earliest", false)
					.date("to", "last day; default the latest", false),
				args -> this.calendar.events(or(args.date("from"), EARLIEST), or(args.date("to"), LATEST))));
		tools.add(recordedTool("what_if_scenario", "What-if scenario",
				"Suppose minerals or products are restricted, or measures revoked: what is reached downstream"
						+ " (products that depend on them, suppliers, targeted actors, the other side of a linkage),"
						+ " each with the relationships that lead there." + CITATIONS,
				InputSchema.object().choice("action", "restrict (minerals, products) or revoke (measures)",
						List.of("restrict", "revoke"), true)
					.strings("subjects", "ids or names", null, WhatIfScenarios.MAX_SUBJECTS, true)
					.date("asOf", "start from the graph as it was on this date", false)
					.text("description", "what the scenario supposes, in words", false),
				args -> this.scenarios.run(new WhatIfScenarios.Scenario(args.text("description"),
						args.requiredText("action"), args.strings("subjects", WhatIfScenarios.MAX_SUBJECTS),
						args.date("asOf")))));
		tools.add(recordedTool("read_only_cypher", "Read-only Cypher",
				"Run a read-only Cypher query through the guard of POST /api/cypher: write clauses, LOAD CSV,"
						+ " procedures outside a read-only allow-list and anything the engine does not plan as a read are"
						+ " refused; 5 s and 1,000 rows at most. Nodes are :Entity with id, name, kind, subtype;"
						+ " relationships carry validFrom, validTo, confidence, quote and sources (Source node ids):"
						+ " return them so the answer can be cited. The resources hold the ontology and tested queries.",
				InputSchema.object().text("query", "one Cypher statement", MAX_CYPHER, true)
					.map("parameters", "query parameters ($name)", MAX_CYPHER_PARAMETERS),
				args -> this.cypher.run(args.requiredText("query", MAX_CYPHER),
						args.object("parameters", MAX_CYPHER_PARAMETERS))));
		return tools;
	}

	/**
	 * Proposes rows into the inbox from a document the assistant was given, as {@code POST /api/inbox/documents}:
	 * every quote must stand word for word in the pasted text and the rows must pass the importer's checks, or
	 * nothing is proposed. Nothing reaches the graph until a person accepts the proposal. The same claim twice is the
	 * same proposal, so the tool is idempotent.
	 */
	SyncToolSpecification proposeFact() {
		String title = "Propose a fact";
		InputSchema input = InputSchema.object()
			.text("url", "the document's http(s) address, which the claim's sources cite", InboxService.MAX_URL, true)
			.text("title", "a line for the inbox list; default 'Claim from <url>'", InboxService.MAX_TITLE, false)
			.text("text", "the document's text, pasted: every quote of the claim must stand in it word for word",
					InboxService.MAX_TEXT, true)
			.rows("claim", "the rows claimed, in the dataset's own columns (docs/data-format.md): sources, entities"
					+ " and relationships, every cell a string as in the CSV files; each relationship's quote is"
					+ " verbatim from text",
					CLAIM_COLUMNS,
					InboxService.MAX_ROWS, MAX_CELL, true);
		Tool tool = Tool.builder()
			.name(PROPOSE_FACT)
			.title(title)
			.description("Propose a sourced fact into the review inbox, from a document whose text you paste. The"
					+ " claim is checked as an import would be (columns, ids, ontology, dates) and every"
					+ " relationship's quote must be found verbatim in the text; a person then accepts or rejects it"
					+ " in the inbox, and nothing reaches the graph before. Needs a credential with the WRITE role."
					+ " Answers with the proposal's id; the same claim again proposes nothing new.")
			.inputSchema(input.toMap())
			.annotations(ToolAnnotations.builder()
				.title(title)
				.readOnlyHint(false)
				.destructiveHint(false)
				.idempotentHint(true)
				.openWorldHint(false)
				.build())
			.build();
		return SyncToolSpecification.builder().tool(tool).callHandler((exchange, request) -> {
			Caller caller = Caller.of(exchange.transportContext());
			if (!caller.mayWrite()) {
				return error(PROPOSE_FACT + " needs a credential with the WRITE role; this "
						+ ((caller.name() != null) ? "credential ('" + caller.name() + "') may only read"
								: "request carries none")
						+ ". Send an X-API-Key with the WRITE role to /mcp, or ask someone who holds one.");
			}
			return answer(PROPOSE_FACT, input, request.arguments(), args -> {
				Map<String, List<Map<String, String>>> rows = args.rows("claim", CLAIM_COLUMNS.keySet(),
						InboxService.MAX_ROWS, MAX_CELL);
				ProposedRows claim = new ProposedRows(rows.get("sources"), rows.get("entities"),
						rows.get("relationships"));
				if (claim.size() == 0) {
					throw new InvalidRequestException("claim", "claim holds at least one row");
				}
				InboxService.Proposed proposed = this.inbox.proposeFromDocument(
						args.requiredText("url", InboxService.MAX_URL), args.text("title", InboxService.MAX_TITLE),
						args.requiredVerbatim("text", InboxService.MAX_TEXT), claim);
				// The inbox records the document, not who proposed; the log does, for the reviewer who asks.
				logger.info("MCP propose_fact by '" + caller.name() + "': " + proposed.id()
						+ (proposed.created() ? " proposed" : " already in the inbox"));
				Map<String, Object> answer = new java.util.LinkedHashMap<>();
				answer.put("id", proposed.id());
				answer.put("title", proposed.title());
				answer.put("created", proposed.created());
				answer.put("review", "/api/inbox/" + proposed.id());
				answer.put("note", proposed.created()
						? "Proposed, pending review: nothing is in the graph until a person with the WRITE role"
								+ " accepts it in the inbox."
						: "The inbox already holds this claim from this document; nothing new was proposed.");
				return answer;
			});
		}).build();
	}

	private EntitySummary resolve(String text) {
		return this.entities.resolve(text);
	}

	// Every read tool answers as the graph was recorded at an instant when given knownAt, as the REST API does.
	private SyncToolSpecification recordedTool(String name, String title, String description, InputSchema input,
			Function<ToolArguments, Object> call) {
		return tool(name, title, description, input.text("knownAt", "answer as the graph had recorded it at this"
				+ " instant (YYYY-MM-DDTHH:MM:SSZ, or a date: its start in UTC); default: the graph now", MAX_KNOWN_AT,
				false), args -> this.recorded.read(args.text("knownAt", MAX_KNOWN_AT), () -> call.apply(args)));
	}

	private SyncToolSpecification tool(String name, String title, String description, InputSchema input,
			Function<ToolArguments, Object> call) {
		Tool tool = Tool.builder()
			.name(name)
			.title(title)
			.description(description + " Answers are JSON {answer, truncated, omitted, note}, at most "
					+ this.budget.maxChars() + " characters.")
			.inputSchema(input.toMap())
			.annotations(ToolAnnotations.builder()
				.title(title)
				.readOnlyHint(true)
				.destructiveHint(false)
				.idempotentHint(true)
				.openWorldHint(false)
				.build())
			.build();
		return SyncToolSpecification.builder()
			.tool(tool)
			.callHandler((exchange, request) -> answer(name, input, request.arguments(), call))
			.build();
	}

	CallToolResult answer(String name, InputSchema input, Map<String, Object> arguments,
			Function<ToolArguments, Object> call) {
		try {
			ObjectNode envelope = this.budget.fit(call.apply(new ToolArguments(arguments, input.names())));
			return CallToolResult.builder()
				.addContent(new TextContent(this.json.writeValueAsString(envelope)))
				.structuredContent(this.json.convertValue(envelope, Map.class))
				.isError(false)
				.build();
		}
		catch (InvalidRequestException | EntityNotFoundException | AmbiguousEntityException
				| CypherForbiddenException | InvalidCypherException | QueryTooLargeException
				| InvalidDatasetException ex) {
			return error(refusal(ex));
		}
		catch (QueryBusyException | QueryTimeoutException | GraphUnavailableException ex) {
			return error("The graph cannot answer now (" + ex.getMessage() + "); try again shortly.");
		}
		catch (RuntimeException ex) {
			logger.error("MCP tool " + name + " failed", ex);
			return error("The tool failed; the server log has the details.");
		}
	}

	// Tool errors go back as results, not protocol errors, so the assistant reads why and can correct its call.
	private static CallToolResult error(String message) {
		return CallToolResult.builder().addContent(new TextContent(message)).isError(true).build();
	}

	private static String refusal(RuntimeException ex) {
		if (ex instanceof EntityNotFoundException notFound && !notFound.closeMatches().isEmpty()) {
			return ex.getMessage() + ". Close matches: " + ids(notFound.closeMatches());
		}
		if (ex instanceof AmbiguousEntityException ambiguous) {
			return ex.getMessage() + ". Candidates: " + ids(ambiguous.candidates());
		}
		return ex.getMessage();
	}

	private static String ids(List<EntitySummary> entities) {
		return String.join(", ", entities.stream().map(e -> e.id() + " (" + e.name() + ")").toList());
	}

	private static LocalDate required(ToolArguments args, String name) {
		LocalDate date = args.date(name);
		if (date == null) {
			throw new InvalidRequestException(name, name + " is required");
		}
		return date;
	}

	private static <T> T or(T value, T fallback) {
		return (value != null) ? value : fallback;
	}

	private static Map<String, List<String>> claimColumns() {
		Map<String, List<String>> columns = new java.util.LinkedHashMap<>();
		columns.put("sources", DatasetReader.SOURCE_COLUMNS);
		columns.put("entities", DatasetReader.ENTITY_COLUMNS);
		columns.put("relationships", DatasetReader.RELATIONSHIP_COLUMNS);
		return java.util.Collections.unmodifiableMap(columns);
	}

	private static List<String> labels() {
		List<String> labels = new ArrayList<>();
		for (Kind kind : Kind.values()) {
			if (kind != Kind.SOURCE) {
				labels.add(kind.label());
			}
		}
		for (Subtype subtype : Subtype.values()) {
			if (!labels.contains(subtype.label())) {
				labels.add(subtype.label());
			}
		}
		return List.copyOf(labels);
	}

}
