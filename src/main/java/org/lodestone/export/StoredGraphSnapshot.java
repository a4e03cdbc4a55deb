package org.lodestone.export;

import static org.lodestone.export.SnapshotStatements.ALL_EDGES;
import static org.lodestone.export.SnapshotStatements.ALL_ENTITIES;
import static org.lodestone.export.SnapshotStatements.ALL_SOURCES;
import static org.lodestone.export.SnapshotStatements.COUNT_ALL;
import static org.lodestone.export.SnapshotStatements.COUNT_SELECTED_SOURCES;
import static org.lodestone.export.SnapshotStatements.SELECTED_EDGES;
import static org.lodestone.export.SnapshotStatements.SELECTED_ENTITIES;
import static org.lodestone.export.SnapshotStatements.SELECTED_SOURCES;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.lodestone.graph.GraphEdge;
import org.lodestone.graph.GraphNode;
import org.lodestone.graph.GraphSnapshot;
import org.lodestone.graph.Kind;
import org.lodestone.graph.RelationshipType;
import org.lodestone.graph.Subtype;
import org.lodestone.neo4j.GraphReads;

/**
 * The stored graph, or the part of it a path or neighbourhood selected, read from Neo4j as the exporter walks it: each
 * visit runs one query and hands every row to the visitor as it is read (in-process with the embedded engine, else as
 * the driver receives it, in batches of its fetch size), so nothing but the current row or batch is held in memory.
 * Both visits run in one read-only transaction, so the nodes and edges come from the same state of the graph;
 * {@link #close()} ends it.
 * <p>
 * Nodes come sources first, then entities, each ordered by id; edges by start id, type and end id.
 */
final class StoredGraphSnapshot implements GraphSnapshot, AutoCloseable {

	private final GraphReads reads;

	private final Duration timeout;

	private final Selection selection;

	private GraphReads.ReadTransaction transaction;

	/**
	 * What to read: everything (with an optional date relationships must hold on), or the listed entities and
	 * relationships with the sources they cite.
	 *
	 * @param asOf the date relationships must hold on, or {@code null}; only for the whole graph
	 * @param ids the selected entity ids, or {@code null} for the whole graph
	 * @param edges the selected relationships as {@code from}, {@code type}, {@code to} maps, or {@code null}
	 */
	record Selection(LocalDate asOf, List<String> ids, List<Map<String, Object>> edges) {

		static Selection all(LocalDate asOf) {
			return new Selection(asOf, null, null);
		}

		static Selection of(List<String> ids, List<GraphEdgeKey> edges) {
			List<Map<String, Object>> rows = new ArrayList<>();
			edges.forEach(edge -> rows.add(Map.of("from", edge.from(), "type", edge.type().name(), "to", edge.to())));
			return new Selection(null, List.copyOf(ids), rows);
		}

		boolean isAll() {
			return this.ids == null;
		}

	}

	/**
	 * A relationship by its ends and type.
	 *
	 * @param from the start entity's id
	 * @param type the type
	 * @param to the end entity's id
	 */
	record GraphEdgeKey(String from, RelationshipType type, String to) {
	}

	StoredGraphSnapshot(GraphReads reads, Duration timeout, Selection selection) {
		this.reads = reads;
		this.timeout = timeout;
		this.selection = selection;
	}

	/**
	 * @return how many nodes and relationships the selection holds: an upper bound, since relationships of types
	 * outside the ontology are counted but not exported
	 */
	static long count(GraphReads reads, Duration timeout, Selection selection) {
		try (StoredGraphSnapshot snapshot = new StoredGraphSnapshot(reads, timeout, selection)) {
			long[] counted = new long[1];
			snapshot.stream(selection.isAll() ? COUNT_ALL : COUNT_SELECTED_SOURCES, snapshot.parameters(),
					row -> counted[0] = ((Number) row.get("elements")).longValue());
			return selection.isAll() ? counted[0] : counted[0] + selection.ids().size() + selection.edges().size();
		}
	}

	@Override
	public void forEachNode(Consumer<GraphNode> visitor) {
		Map<String, Object> parameters = parameters();
		stream(this.selection.isAll() ? ALL_SOURCES : SELECTED_SOURCES, parameters,
				row -> visitor.accept(node(row)));
		stream(this.selection.isAll() ? ALL_ENTITIES : SELECTED_ENTITIES, parameters,
				row -> visitor.accept(node(row)));
	}

	@Override
	public void forEachEdge(Consumer<GraphEdge> visitor) {
		stream(this.selection.isAll() ? ALL_EDGES : SELECTED_EDGES, parameters(), row -> {
			RelationshipType type = RelationshipType.fromName((String) row.get("type"));
			// Only the ontology's types are exported; a relationship someone added by hand in Browser is skipped.
			if (type != null) {
				visitor.accept(new GraphEdge((String) row.get("from"), type, (String) row.get("to"), properties(row)));
			}
		});
	}

	@Override
	public void close() {
		if (this.transaction != null) {
			this.transaction.close();
			this.transaction = null;
		}
	}

	private Map<String, Object> parameters() {
		Map<String, Object> parameters = new HashMap<>();
		parameters.put("asOf", this.selection.asOf());
		parameters.put("ids", (this.selection.ids() != null) ? this.selection.ids() : List.of());
		parameters.put("edges", (this.selection.edges() != null) ? this.selection.edges() : List.of());
		return parameters;
	}

	private void stream(String query, Map<String, Object> parameters, Consumer<Map<String, Object>> visitor) {
		if (this.transaction == null) {
			this.transaction = this.reads.open(this.timeout, "lodestone-export");
		}
		this.transaction.stream(query, parameters, visitor);
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> properties(Map<String, Object> row) {
		return (Map<String, Object>) row.get("props");
	}

	// Labels in the order GraphNode promises, most general first: Entity, the kind, the subtype (or Source).
	@SuppressWarnings("unchecked")
	private static GraphNode node(Map<String, Object> row) {
		Map<String, Object> props = properties(row);
		List<String> labels = new ArrayList<>((List<String>) row.get("labels"));
		labels.sort(Comparator.comparingInt(StoredGraphSnapshot::generality).thenComparing(Comparator.naturalOrder()));
		return new GraphNode(String.valueOf(props.get("id")), List.copyOf(labels), props);
	}

	private static int generality(String label) {
		if (label.equals(GraphNode.ENTITY) || label.equals(GraphNode.SOURCE)) {
			return 0;
		}
		if (Kind.fromLabel(label) != null) {
			return 1;
		}
		return (Subtype.fromLabel(label) != null) ? 2 : 3;
	}

}
