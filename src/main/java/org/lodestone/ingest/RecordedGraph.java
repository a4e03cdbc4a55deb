package org.lodestone.ingest;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.lodestone.graph.GraphEdge;
import org.lodestone.graph.GraphNode;
import org.lodestone.graph.IndexedGraph;
import org.lodestone.graph.RelationshipType;

/**
 * The graph as it was recorded at one change, made from the {@code :Version} nodes current then: each version becomes
 * the element it is a version of, with the element's own properties and, for an entity, the labels its kind and
 * subtype give it ({@code Entity}, the kind's, the subtype's), as the importer stores it.
 */
final class RecordedGraph implements IndexedGraph {

	// What a :Version node holds besides the element's own properties (ImportStatements).
	private static final Set<String> VERSION_KEYS = Set.of("id", "element", "of", "recordedAt", "recordedAs",
			"changeId", "supersededAt", "supersededBy", "endedBy");

	// A relationship version's ends and type.
	private static final Set<String> ENDS = Set.of("from", "type", "to");

	private final List<GraphNode> nodes = new ArrayList<>();

	private final List<GraphEdge> edges = new ArrayList<>();

	private final Set<String> nodeIds = new HashSet<>();

	private final Set<String> edgeIds = new HashSet<>();

	// Relationships whose ends the recorded graph lacked, left out (only a store written around the importer has any).
	private long dangling;

	private final List<GraphEdge> pending = new ArrayList<>();

	/**
	 * Adds the element a version holds; a second version of the same element (which only a store written around the
	 * importer can have) is left out.
	 * @param version a version's properties
	 */
	void addVersion(Map<String, Object> version) {
		String element = (String) version.get("element");
		Map<String, Object> props = new LinkedHashMap<>();
		boolean relationship = "relationship".equals(version.get("of"));
		version.forEach((key, value) -> {
			if (!VERSION_KEYS.contains(key) && !(relationship && ENDS.contains(key)) && value != null) {
				props.put(key, value);
			}
		});
		if (relationship) {
			RelationshipType type = RelationshipType.fromName((String) version.get("type"));
			if (type != null && this.edgeIds.add(element)) {
				this.pending.add(new GraphEdge((String) version.get("from"), type, (String) version.get("to"), props));
			}
			return;
		}
		props.put("id", element);
		if (this.nodeIds.add(element)) {
			this.nodes.add(new GraphNode(element, labels(version.get("of"), props), props));
		}
	}

	/**
	 * Adds a live element stored before history was kept, unless a version of it was added.
	 * @param id its id
	 * @param labels its labels
	 * @param props its properties
	 */
	void addUnversionedNode(String id, List<String> labels, Map<String, Object> props) {
		if (this.nodeIds.add(id)) {
			this.nodes.add(new GraphNode(id, labels, props));
		}
	}

	/**
	 * @param edge a live relationship stored before history was kept
	 */
	void addUnversionedEdge(GraphEdge edge) {
		if (this.edgeIds.add(edge.id())) {
			this.pending.add(edge);
		}
	}

	/**
	 * Takes in the relationships whose ends are among the nodes; call once every node is added.
	 * @return this graph
	 */
	RecordedGraph complete() {
		for (GraphEdge edge : this.pending) {
			if (this.nodeIds.contains(edge.from()) && this.nodeIds.contains(edge.to())) {
				this.edges.add(edge);
			}
			else {
				this.dangling++;
			}
		}
		this.pending.clear();
		return this;
	}

	/**
	 * @return relationships left out because an end was not in the recorded graph
	 */
	long dangling() {
		return this.dangling;
	}

	private static List<String> labels(Object of, Map<String, Object> props) {
		if ("source".equals(of)) {
			return List.of(GraphNode.SOURCE);
		}
		Set<String> labels = new LinkedHashSet<>();
		labels.add(GraphNode.ENTITY);
		if (props.get("kind") instanceof String kind) {
			labels.add(kind);
		}
		if (props.get("subtype") instanceof String subtype) {
			labels.add(subtype);
		}
		return List.copyOf(labels);
	}

	@Override
	public int nodeCount() {
		return this.nodes.size();
	}

	@Override
	public GraphNode node(int index) {
		return this.nodes.get(index);
	}

	@Override
	public int edgeCount() {
		return this.edges.size();
	}

	@Override
	public GraphEdge edge(int index) {
		return this.edges.get(index);
	}

}
