package org.lodestone.mcp;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A tool's input as JSON Schema, built from the same bounds {@link ToolArguments} enforces, so what an assistant is
 * told it may send is what is accepted.
 */
final class InputSchema {

	private final Map<String, Object> properties = new LinkedHashMap<>();

	private final List<String> required = new ArrayList<>();

	static InputSchema none() {
		return new InputSchema();
	}

	static InputSchema object() {
		return new InputSchema();
	}

	InputSchema text(String name, String description, int maxLength, boolean isRequired) {
		return property(name, Map.of("type", "string", "description", description, "maxLength", maxLength),
				isRequired);
	}

	InputSchema text(String name, String description, boolean isRequired) {
		return text(name, description, ToolArguments.MAX_TEXT, isRequired);
	}

	InputSchema choice(String name, String description, List<String> values, boolean isRequired) {
		return property(name, Map.of("type", "string", "description", description, "enum", values), isRequired);
	}

	InputSchema date(String name, String description, boolean isRequired) {
		return property(name, Map.of("type", "string", "format", "date", "description", description + " (YYYY-MM-DD)"),
				isRequired);
	}

	InputSchema integer(String name, String description, int min, int max, int fallback) {
		return property(name, Map.of("type", "integer", "description", description, "minimum", min, "maximum", max,
				"default", fallback), false);
	}

	InputSchema fraction(String name, String description) {
		return property(name, Map.of("type", "number", "description", description, "minimum", 0, "maximum", 1), false);
	}

	InputSchema strings(String name, String description, List<String> values, int maxItems, boolean isRequired) {
		Map<String, Object> items = (values != null)
				? Map.of("type", "string", "enum", values)
				: Map.of("type", "string", "maxLength", ToolArguments.MAX_TEXT);
		return property(name, Map.of("type", "array", "description", description, "items", items, "maxItems", maxItems),
				isRequired);
	}

	InputSchema map(String name, String description, int maxEntries) {
		return property(name, Map.of("type", "object", "description", description, "maxProperties", maxEntries), false);
	}

	/**
	 * An object of named row lists, such as a proposal's {@code sources}, {@code entities} and {@code relationships}:
	 * each row an object of the named columns, every cell a string as it would stand in the CSV file.
	 */
	InputSchema rows(String name, String description, Map<String, List<String>> columns, int maxRows, int maxCell,
			boolean isRequired) {
		Map<String, Object> lists = new LinkedHashMap<>();
		columns.forEach((list, names) -> {
			Map<String, Object> cells = new LinkedHashMap<>();
			names.forEach(column -> cells.put(column, Map.of("type", "string", "maxLength", maxCell)));
			lists.put(list, Map.of("type", "array", "maxItems", maxRows, "items",
					Map.of("type", "object", "properties", cells, "additionalProperties", false)));
		});
		return property(name, Map.of("type", "object", "description", description, "properties", lists,
				"additionalProperties", false), isRequired);
	}

	private InputSchema property(String name, Map<String, Object> schema, boolean isRequired) {
		this.properties.put(name, schema);
		if (isRequired) {
			this.required.add(name);
		}
		return this;
	}

	Set<String> names() {
		return this.properties.keySet();
	}

	Map<String, Object> toMap() {
		Map<String, Object> schema = new LinkedHashMap<>();
		schema.put("type", "object");
		schema.put("properties", this.properties);
		if (!this.required.isEmpty()) {
			schema.put("required", this.required);
		}
		schema.put("additionalProperties", false);
		return schema;
	}

}
