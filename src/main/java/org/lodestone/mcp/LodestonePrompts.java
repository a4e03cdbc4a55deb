package org.lodestone.mcp;

import java.util.List;
import java.util.Map;

import io.modelcontextprotocol.server.McpServerFeatures.SyncPromptSpecification;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.GetPromptResult;
import io.modelcontextprotocol.spec.McpSchema.Prompt;
import io.modelcontextprotocol.spec.McpSchema.PromptArgument;
import io.modelcontextprotocol.spec.McpSchema.PromptMessage;
import io.modelcontextprotocol.spec.McpSchema.Role;
import io.modelcontextprotocol.spec.McpSchema.TextContent;

import org.springframework.stereotype.Component;

/**
 * Analyst workflows as MCP prompts: the steps an analyst takes with the tools, and the standard of the answer (every
 * statement cited to a source with its date). The arguments only fill in the text; the assistant then calls the
 * tools, which check them.
 */
@Component
class LodestonePrompts {

	private static final String CITE = " Cite every statement with the publisher, date and URL of its sources as the"
			+ " tools return them, give each relationship's dates and confidence, quote only the quotes the tools"
			+ " return, and say plainly where the graph has no source for something.";

	List<SyncPromptSpecification> prompts() {
		return List.of(
				prompt("brief_on_measure", "Brief me on a measure",
						"A sourced brief on one export control, licence, ban, deal or concession.",
						List.of(argument("measure", "the measure's id or name", true),
								argument("asOf", "the date of the brief (YYYY-MM-DD); default today", false)),
						args -> "Brief me on the measure \"" + args.get("measure") + "\""
								+ asOf(args.get("asOf")) + ". Steps: 1. get_entity for what it is and its lifecycle"
								+ " dates. 2. timeline for what happened to it, in order. 3. neighbours (depth 1"
								+ asOfArgument(args.get("asOf")) + ") for who issued it, what it restricts, covers or"
								+ " licenses and who criticised or disputed it. 4. linkages, keeping those that tie"
								+ " this measure to another side's. 5. measures_in_force on the date to say whether"
								+ " it is in force or suspended. Write: what it is, who issued it and when, what it"
								+ " covers, what changed since, what it is tied to, and who objected." + CITE),
				prompt("trace_product_to_mineral", "Trace a product to a mineral",
						"How a product depends on a mineral, who controls that mineral's supply and which measures"
								+ " restrict it.",
						List.of(argument("product", "the product's id or name", true),
								argument("mineral", "the mineral's id or name; default: every mineral it depends on",
										false),
								argument("asOf", "the date (YYYY-MM-DD); default today", false)),
						args -> "Trace the product \"" + args.get("product") + "\" to "
								+ ((args.get("mineral") != null) ? "the mineral \"" + args.get("mineral") + "\""
										: "the minerals it depends on")
								+ asOf(args.get("asOf")) + ". Steps: 1. chokepoint_exposure for the product"
								+ asOfArgument(args.get("asOf")) + ": the inputs, their dominant supplier's share"
								+ " and the measures restricting each. 2. connect_entities from the product to the"
								+ " mineral with types [\"USED_IN\"] and direction any, to show the supply chain hop"
								+ " by hop. 3. connect_entities again without the type filter, to find the measures"
								+ " and actors between them. Write the chain, the chokepoints and the measures in"
								+ " force on them." + CITE),
				prompt("what_changed", "What changed between two dates",
						"The measures and relationships that changed in a window, with what was in force after.",
						List.of(argument("from", "the day before the window (YYYY-MM-DD)", true),
								argument("to", "the window's last day (YYYY-MM-DD)", true)),
						args -> "What changed in tech-mineral diplomacy after " + args.get("from") + " up to "
								+ args.get("to") + "? Steps: 1. diff_between_dates from " + args.get("from")
								+ " to " + args.get("to") + ". 2. measure_calendar for the same window, for dates"
								+ " still ahead of each measure. 3. measures_in_force on " + args.get("to") + "."
								+ " Group the changes by side (who acted) and say which answered which, using"
								+ " linkages where one is recorded." + CITE));
	}

	private static String asOf(Object date) {
		return (date != null) ? " as of " + date : "";
	}

	private static String asOfArgument(Object date) {
		return (date != null) ? ", asOf " + date : "";
	}

	private static PromptArgument argument(String name, String description, boolean required) {
		return new PromptArgument(name, description, required);
	}

	private static SyncPromptSpecification prompt(String name, String title, String description,
			List<PromptArgument> arguments, java.util.function.Function<Map<String, Object>, String> text) {
		Prompt prompt = new Prompt(name, title, description, arguments);
		return new SyncPromptSpecification(prompt, (exchange, request) -> {
			Map<String, Object> args = (request.arguments() != null) ? request.arguments() : Map.of();
			for (PromptArgument argument : arguments) {
				Object value = args.get(argument.name());
				if (Boolean.TRUE.equals(argument.required()) && (value == null || value.toString().isBlank())) {
					throw new McpError(new McpSchema.JSONRPCResponse.JSONRPCError(McpSchema.ErrorCodes.INVALID_PARAMS,
							"argument '" + argument.name() + "' is required", null));
				}
				if (value != null && value.toString().length() > ToolArguments.MAX_TEXT) {
					throw new McpError(new McpSchema.JSONRPCResponse.JSONRPCError(McpSchema.ErrorCodes.INVALID_PARAMS,
							"argument '" + argument.name() + "' may have at most " + ToolArguments.MAX_TEXT
									+ " characters",
							null));
				}
			}
			return new GetPromptResult(description,
					List.of(new PromptMessage(Role.USER, new TextContent(text.apply(args)))));
		});
	}

}
