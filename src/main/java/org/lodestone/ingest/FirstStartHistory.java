package org.lodestone.ingest;

import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.lodestone.graph.GraphEdge;
import org.lodestone.graph.GraphNode;
import org.lodestone.graph.IndexedGraph;

/**
 * A first-start graph with its history, for the offline load: the graph's nodes, then what an import adding them all
 * would have recorded (docs/architecture.md, "Recorded history"): an open {@code :Version} per source, entity and
 * relationship, shaped as {@link ImportStatements} writes them, one {@code :Change} by {@code first-start}, and the
 * {@code :ChangeLog} counter at that change. So a new store knows from its first instant what it said, and its first
 * correction closes a version like any other instead of inventing one from before history was kept.
 */
public final class FirstStartHistory implements IndexedGraph {

	/** The first change's number; the change log starts there. */
	static final long SEQ = 1;

	static final String CHANGE = "change:" + SEQ;

	private static final String VERSION = "Version";

	private final IndexedGraph graph;

	private final OffsetDateTime at;

	/**
	 * @param graph the first-start dataset's graph
	 * @param at when the load records it, in UTC to the millisecond like an import's change
	 */
	public FirstStartHistory(IndexedGraph graph, OffsetDateTime at) {
		this.graph = graph;
		this.at = at;
	}

	// The graph's nodes, a version per node, a version per edge, the change, the change log.
	@Override
	public int nodeCount() {
		return 2 * this.graph.nodeCount() + this.graph.edgeCount() + 2;
	}

	@Override
	public String nodeId(int index) {
		int nodes = this.graph.nodeCount();
		if (index < nodes) {
			return this.graph.nodeId(index);
		}
		if (index < 2 * nodes) {
			return versionId(this.graph.nodeId(index - nodes));
		}
		if (index < nodeCount() - 2) {
			return versionId(this.graph.edge(index - 2 * nodes).id());
		}
		return (index == nodeCount() - 2) ? CHANGE : "changelog";
	}

	@Override
	public GraphNode node(int index) {
		int nodes = this.graph.nodeCount();
		if (index < nodes) {
			return this.graph.node(index);
		}
		if (index < 2 * nodes) {
			GraphNode node = this.graph.node(index - nodes);
			return version(node.id(), node.isSource() ? "source" : "entity", node.properties(), Map.of());
		}
		if (index < nodeCount() - 2) {
			GraphEdge edge = this.graph.edge(index - 2 * nodes);
			return version(edge.id(), "relationship", edge.properties(),
					Map.of("from", edge.from(), "type", edge.type().name(), "to", edge.to()));
		}
		if (index == nodeCount() - 2) {
			// Like record-change.cypher; a first start needs no reason, and retracts nothing.
			Map<String, Object> change = new HashMap<>();
			change.put("id", CHANGE);
			change.put("seq", SEQ);
			change.put("at", this.at);
			change.put("by", "first-start");
			change.put("fullSnapshot", false);
			change.put("added", (long) this.graph.nodeCount() + this.graph.edgeCount());
			change.put("corrected", 0L);
			change.put("retracted", 0L);
			change.put("unchanged", 0L);
			return new GraphNode(CHANGE, List.of("Change"), change);
		}
		return new GraphNode("changelog", List.of("ChangeLog"), Map.of("id", "changelog", "last", SEQ));
	}

	@Override
	public int edgeCount() {
		return this.graph.edgeCount();
	}

	@Override
	public GraphEdge edge(int index) {
		return this.graph.edge(index);
	}

	// The open version ImportStatements.recordVersion writes for an added element: its properties and ends, then
	// the version's own keys over them.
	private GraphNode version(String element, String of, Map<String, Object> properties, Map<String, Object> ends) {
		Map<String, Object> props = new HashMap<>(properties);
		props.putAll(ends);
		props.put("id", versionId(element));
		props.put("element", element);
		props.put("of", of);
		props.put("recordedAt", this.at);
		props.put("changeId", CHANGE);
		props.put("recordedAs", "added");
		return new GraphNode(versionId(element), List.of(VERSION), props);
	}

	private static String versionId(String element) {
		return CHANGE + "/" + element;
	}

}
