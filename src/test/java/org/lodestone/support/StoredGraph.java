package org.lodestone.support;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.lodestone.graph.GraphEdge;
import org.lodestone.graph.GraphNode;
import org.lodestone.graph.GraphSnapshot;
import org.lodestone.graph.RelationshipType;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Value;

/**
 * The current graph, as comparable sets, to check that two ways of writing a graph give the same one: every entity
 * and source with its labels and properties, and every relationship. The recorded history beside it (the
 * {@code :Version}, {@code :Change} and {@code :ChangeLog} nodes, linked to nothing) is not part of it; the history
 * tests read that themselves.
 *
 * @param nodes every node with its labels and properties
 * @param edges every relationship with its properties
 */
public record StoredGraph(Set<GraphNode> nodes, Set<GraphEdge> edges) {

	public static StoredGraph read(Driver driver) {
		Set<GraphNode> nodes = new HashSet<>();
		driver.executableQuery("""
				MATCH (n) WHERE n:Entity OR n:Source RETURN n.id AS id, labels(n) AS labels, properties(n) AS props
				""")
			.execute()
			.records()
			.forEach(record -> nodes.add(new GraphNode(record.get("id").asString(), labels(record.get("labels")),
					new TreeMap<>(record.get("props").asMap()))));
		Set<GraphEdge> edges = new HashSet<>();
		driver.executableQuery("""
				MATCH (a)-[r]->(b) RETURN a.id AS from, type(r) AS type, b.id AS to, properties(r) AS props
				""")
			.execute()
			.records()
			.forEach(record -> edges.add(new GraphEdge(record.get("from").asString(),
					RelationshipType.valueOf(record.get("type").asString()), record.get("to").asString(),
					new TreeMap<>(record.get("props").asMap()))));
		return new StoredGraph(nodes, edges);
	}

	public static StoredGraph of(GraphSnapshot snapshot) {
		Set<GraphNode> nodes = new HashSet<>();
		snapshot.forEachNode(node -> nodes.add(new GraphNode(node.id(), sortedLabels(node.labels()),
				new TreeMap<>(node.properties()))));
		Set<GraphEdge> edges = new HashSet<>();
		snapshot.forEachEdge(edge -> edges.add(new GraphEdge(edge.from(), edge.type(), edge.to(),
				new TreeMap<>(edge.properties()))));
		return new StoredGraph(nodes, edges);
	}

	private static List<String> labels(Value value) {
		return sortedLabels(value.asList(Value::asString));
	}

	private static List<String> sortedLabels(List<String> labels) {
		List<String> sorted = new ArrayList<>(labels);
		sorted.sort(null);
		return sorted;
	}

	public Map<String, GraphNode> nodesById() {
		Map<String, GraphNode> byId = new TreeMap<>();
		this.nodes.forEach(node -> byId.put(node.id(), node));
		return byId;
	}

}
