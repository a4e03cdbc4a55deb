package org.lodestone.export;

import java.io.IOException;
import java.io.Writer;
import java.util.Map;

import tools.jackson.core.JsonGenerator;

import org.lodestone.graph.GraphEdge;
import org.lodestone.graph.GraphNode;
import org.lodestone.graph.GraphSnapshot;

/**
 * Writes the graph as Lodestone's JSON graph, {@code {"nodes": [{"id", "labels", "properties"}], "edges": [{"from",
 * "type", "to", "properties"}]}}, with every property (dates as ISO strings, lists as arrays). The importer reads it
 * back (a {@code .json} file given to {@code import} or {@code POST /api/import}) with the same checks as the CSV
 * files, and the graph it writes is the one exported.
 */
public final class JsonGraphExporter implements GraphExporter {

	@Override
	public void export(GraphSnapshot snapshot, Writer out) throws IOException {
		try (JsonGenerator json = JsonValues.MAPPER.createGenerator(out)) {
			json.writeStartObject();
			json.writeArrayPropertyStart("nodes");
			snapshot.forEachNode(node -> node(json, node));
			json.writeEndArray();
			json.writeArrayPropertyStart("edges");
			snapshot.forEachEdge(edge -> edge(json, edge));
			json.writeEndArray();
			json.writeEndObject();
		}
		out.flush();
	}

	private static void node(JsonGenerator json, GraphNode node) {
		json.writeStartObject();
		json.writeStringProperty("id", node.id());
		json.writeName("labels");
		JsonValues.write(json, node.labels());
		properties(json, node.properties());
		json.writeEndObject();
	}

	private static void edge(JsonGenerator json, GraphEdge edge) {
		json.writeStartObject();
		json.writeStringProperty("from", edge.from());
		json.writeStringProperty("type", edge.type().name());
		json.writeStringProperty("to", edge.to());
		properties(json, edge.properties());
		json.writeEndObject();
	}

	private static void properties(JsonGenerator json, Map<String, Object> properties) {
		json.writeObjectPropertyStart("properties");
		properties.forEach((key, value) -> {
			json.writeName(key);
			JsonValues.write(json, value);
		});
		json.writeEndObject();
	}

}
