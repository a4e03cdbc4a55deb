package org.lodestone.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a JSON graph as exported by Lodestone ({@code {"nodes": [{"id", "labels", "properties"}], "edges": [{"from",
 * "type", "to", "properties"}]}}) into the same rows the CSV files give, so it goes through exactly the same checks
 * and becomes exactly the same records. Nodes labelled {@code Source} are source rows, nodes labelled {@code Entity}
 * entity rows; properties become the columns of the same name, lists joined as the CSV files join them. Properties the
 * importer derives itself ({@code kind}, {@code aliasText}) are accepted and ignored. Nodes and edges are parsed one at
 * a time, each problem located by the line the element starts on.
 */
final class JsonGraphFile {

	private static final Set<String> DERIVED = Set.of("kind", "aliasText");

	// Elements are read one at a time from the middle of the document, so what follows one is not an error.
	private static final JsonMapper MAPPER = JsonMapper.builder()
		.disable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
		.build();

	private final DatasetFile file;

	private final List<DatasetProblem> problems;

	final List<Parsed> sources = new ArrayList<>();

	final List<Parsed> entities = new ArrayList<>();

	final List<Parsed> relationships = new ArrayList<>();

	/**
	 * One element as a row of column values.
	 *
	 * @param line the line the element starts on
	 * @param values the non-empty values by column
	 */
	record Parsed(long line, Map<String, String> values) {
	}

	private JsonGraphFile(DatasetFile file, List<DatasetProblem> problems) {
		this.file = file;
		this.problems = problems;
	}

	static JsonGraphFile read(DatasetFile file, List<DatasetProblem> problems) {
		JsonGraphFile graph = new JsonGraphFile(file, problems);
		graph.parse();
		return graph;
	}

	private void parse() {
		JsonMapper mapper = MAPPER;
		try (InputStream in = this.file.content().open(); JsonParser parser = mapper.createParser(in)) {
			if (parser.nextToken() != JsonToken.START_OBJECT) {
				problem(parser.currentTokenLocation().getLineNr(),
						"is not a JSON graph: expected an object with \"nodes\" and \"edges\"");
				return;
			}
			while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
				String field = parser.currentName();
				JsonToken value = parser.nextToken();
				if (("nodes".equals(field) || "edges".equals(field)) && value == JsonToken.START_ARRAY) {
					while (parser.nextToken() == JsonToken.START_OBJECT) {
						long line = parser.currentTokenLocation().getLineNr();
						JsonNode element = mapper.readTree(parser);
						if ("nodes".equals(field)) {
							node(line, element);
						}
						else {
							edge(line, element);
						}
					}
				}
				else {
					problem(parser.currentTokenLocation().getLineNr(),
							"unknown field '" + field + "'; a JSON graph has \"nodes\" and \"edges\" arrays");
					parser.skipChildren();
				}
			}
		}
		catch (JacksonException ex) {
			problem(ex.getLocation() != null ? ex.getLocation().getLineNr() : 0,
					"is not valid JSON: " + ex.getOriginalMessage());
		}
		catch (IOException ex) {
			problem(0, "cannot be read: " + ex.getMessage());
		}
	}

	private void node(long line, JsonNode node) {
		List<String> labels = new ArrayList<>();
		node.path("labels").forEach(label -> labels.add(label.asString()));
		boolean source = labels.contains("Source");
		if (!source && !labels.contains("Entity")) {
			problem(line, "node " + node.path("id").asString("(no id)")
					+ " is labelled neither Source nor Entity");
			return;
		}
		List<String> columns = source ? DatasetReader.SOURCE_COLUMNS : DatasetReader.ENTITY_COLUMNS;
		Map<String, String> values = values(line, node.path("properties"), columns, source ? Set.of() : DERIVED);
		String id = node.path("id").asString(null);
		if (id != null && values.containsKey("id") && !id.equals(values.get("id"))) {
			problem(line, "node id '" + id + "' differs from its id property '" + values.get("id") + "'");
			return;
		}
		if (id != null) {
			values.putIfAbsent("id", id);
		}
		(source ? this.sources : this.entities).add(new Parsed(line, values));
	}

	private void edge(long line, JsonNode edge) {
		Map<String, String> values = values(line, edge.path("properties"), DatasetReader.RELATIONSHIP_COLUMNS,
				Set.of());
		for (String end : List.of("from", "type", "to")) {
			if (values.containsKey(end)) {
				problem(line, "'" + end + "' belongs on the edge, not in its properties");
				return;
			}
			String value = edge.path(end).asString(null);
			if (value != null && !value.isBlank()) {
				values.put(end, value.strip());
			}
		}
		this.relationships.add(new Parsed(line, values));
	}

	private Map<String, String> values(long line, JsonNode properties, List<String> columns, Set<String> ignored) {
		Map<String, String> values = new LinkedHashMap<>();
		for (Map.Entry<String, JsonNode> property : properties.properties()) {
			String name = property.getKey();
			JsonNode value = property.getValue();
			if (ignored.contains(name)) {
				continue;
			}
			if (!columns.contains(name)) {
				problem(line, "unknown property '" + name + "'; the properties are " + String.join(",", columns));
				continue;
			}
			String text = text(value);
			if (text == null) {
				problem(line, "property '" + name + "' must be text, a number or a list of text");
			}
			else if (!text.isBlank()) {
				values.put(name, text.strip());
			}
		}
		return values;
	}

	// Lists are joined the way the CSV files join them, so the list parsing (and its checks) is the same.
	private static String text(JsonNode value) {
		if (value.isString() || value.isNumber()) {
			return value.asString();
		}
		if (value.isArray()) {
			List<String> items = new ArrayList<>();
			for (JsonNode item : value) {
				if (!item.isString() || item.asString().contains("|")) {
					return null;
				}
				items.add(item.asString());
			}
			return String.join("|", items);
		}
		return value.isNull() ? "" : null;
	}

	private void problem(long line, String reason) {
		this.problems.add(new DatasetProblem(this.file.name(), line, reason));
	}

}
