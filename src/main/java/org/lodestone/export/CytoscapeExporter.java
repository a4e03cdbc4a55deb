package org.lodestone.export;

import java.io.IOException;
import java.io.Writer;
import java.util.Map;

import tools.jackson.core.JsonGenerator;

import org.lodestone.graph.GraphEdge;
import org.lodestone.graph.GraphNode;
import org.lodestone.graph.GraphSnapshot;

/**
 * Writes Cytoscape.js elements JSON, {@code {"elements": {"nodes": [{"data": {...}, "classes": ...}], "edges": [...]}}},
 * which {@code cytoscape({elements: ...})} and Cytoscape desktop read. Each node's data holds its id, a display
 * {@code label}, its {@code labels} and every property; each edge's data its id, {@code source}, {@code target},
 * {@code label} (the type) and every property. Classes carry the kind and subtype for stylesheets.
 */
public final class CytoscapeExporter implements GraphExporter {

	@Override
	public void export(GraphSnapshot snapshot, Writer out) throws IOException {
		try (JsonGenerator json = JsonValues.MAPPER.createGenerator(out)) {
			json.writeStartObject();
			json.writeObjectPropertyStart("elements");
			json.writeArrayPropertyStart("nodes");
			snapshot.forEachNode(node -> node(json, node));
			json.writeEndArray();
			json.writeArrayPropertyStart("edges");
			snapshot.forEachEdge(edge -> edge(json, edge));
			json.writeEndArray();
			json.writeEndObject();
			json.writeEndObject();
		}
		out.flush();
	}

	private static void node(JsonGenerator json, GraphNode node) {
		json.writeStartObject();
		json.writeObjectPropertyStart("data");
		json.writeStringProperty("id", node.id());
		json.writeStringProperty("label", KindStyle.label(node));
		json.writeName("labels");
		JsonValues.write(json, node.labels());
		properties(json, node.properties());
		json.writeEndObject();
		json.writeStringProperty("classes",
				String.join(" ", node.labels().stream().filter(label -> !label.equals(GraphNode.ENTITY)).toList()));
		json.writeEndObject();
	}

	private static void edge(JsonGenerator json, GraphEdge edge) {
		json.writeStartObject();
		json.writeObjectPropertyStart("data");
		json.writeStringProperty("id", edge.id());
		json.writeStringProperty("source", edge.from());
		json.writeStringProperty("target", edge.to());
		json.writeStringProperty("label", edge.type().name());
		json.writeStringProperty("type", edge.type().name());
		properties(json, edge.properties());
		json.writeEndObject();
		json.writeStringProperty("classes", edge.type().name());
		json.writeEndObject();
	}

	private static void properties(JsonGenerator json, Map<String, Object> properties) {
		properties.forEach((key, value) -> {
			// id, source, target and label are Cytoscape's own; the stored id equals the element id anyway.
			if (!key.equals("id") && !key.equals("source") && !key.equals("target") && !key.equals("label")) {
				json.writeName(key);
				JsonValues.write(json, value);
			}
		});
	}

}
