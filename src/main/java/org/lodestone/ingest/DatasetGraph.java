package org.lodestone.ingest;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.lodestone.graph.DateBasis;
import org.lodestone.graph.DatePrecision;
import org.lodestone.graph.GraphEdge;
import org.lodestone.graph.GraphNode;
import org.lodestone.graph.IndexedGraph;

/**
 * The dataset as the nodes and edges it becomes in Neo4j. The importer writes exactly these, and the seed script is
 * generated from them, so the two cannot drift apart.
 */
public final class DatasetGraph implements IndexedGraph {

	private final Dataset dataset;

	/**
	 * @param dataset a validated dataset
	 */
	public DatasetGraph(Dataset dataset) {
		this.dataset = dataset;
	}

	@Override
	public int nodeCount() {
		return this.dataset.sources().size() + this.dataset.entities().size();
	}

	@Override
	public GraphNode node(int index) {
		int sources = this.dataset.sources().size();
		return (index < sources) ? node(this.dataset.sources().get(index))
				: node(this.dataset.entities().get(index - sources));
	}

	// Without building the node and its property map: a bulk load asks every id before it asks any node.
	@Override
	public String nodeId(int index) {
		int sources = this.dataset.sources().size();
		return (index < sources) ? this.dataset.sources().get(index).id()
				: this.dataset.entities().get(index - sources).id();
	}

	@Override
	public int edgeCount() {
		return this.dataset.relationships().size();
	}

	@Override
	public GraphEdge edge(int index) {
		return edge(this.dataset.relationships().get(index));
	}

	static GraphNode node(Dataset.Source source) {
		Map<String, Object> props = new LinkedHashMap<>();
		props.put("id", source.id());
		props.put("publisher", source.publisher());
		props.put("title", source.title());
		props.put("date", source.date());
		props.put("url", source.url());
		props.put("type", source.type());
		putIfPresent(props, "checkedOn", source.checkedOn());
		putIfPresent(props, "checkedWhere", source.checkedWhere());
		putIfPresent(props, "retrievedAt", source.retrievedAt());
		putIfPresent(props, "contentSha256", source.contentSha256());
		return new GraphNode(source.id(), List.of(GraphNode.SOURCE), props);
	}

	static GraphNode node(Dataset.Entity entity) {
		Map<String, Object> props = new LinkedHashMap<>();
		props.put("id", entity.id());
		props.put("name", entity.name());
		props.put("kind", entity.subtype().kind().label());
		props.put("subtype", entity.subtype().label());
		putList(props, "aliases", entity.aliases());
		if (!entity.aliases().isEmpty()) {
			// Full-text indexes cover string properties; the joined copy makes aliases searchable.
			props.put("aliasText", String.join(" | ", entity.aliases()));
		}
		putIfPresent(props, "description", entity.description());
		putIfPresent(props, "announced", entity.announced());
		putIfPresent(props, "effective", entity.effective());
		putIfPresent(props, "suspendedUntil", entity.suspendedUntil());
		putIfPresent(props, "rescinded", entity.rescinded());
		putList(props, "sources", entity.sources());
		entity.identifiers().forEach((scheme, value) -> props.put(scheme.property(), value));
		// A Linkage's kind and subtype share one label.
		List<String> labels = List.of(GraphNode.ENTITY, entity.subtype().kind().label(), entity.subtype().label())
			.stream().distinct().toList();
		return new GraphNode(entity.id(), labels, props);
	}

	static GraphEdge edge(Dataset.Relationship relationship) {
		Map<String, Object> props = new LinkedHashMap<>();
		props.put("validFrom", relationship.validFrom());
		putIfPresent(props, "validTo", relationship.validTo());
		props.put("confidence", relationship.confidence());
		putList(props, "sources", relationship.sources());
		putIfPresent(props, "quote", relationship.quote());
		putIfPresent(props, "share", relationship.share());
		putIfPresent(props, "note", relationship.note());
		// Only what differs from the default is stored: an edge without them is a start known to the day.
		if (relationship.precision() != DatePrecision.DAY) {
			props.put("precision", relationship.precision().value());
		}
		if (relationship.basis() != DateBasis.START) {
			props.put("basis", relationship.basis().value());
		}
		return new GraphEdge(relationship.from(), relationship.type(), relationship.to(), props);
	}

	private static void putIfPresent(Map<String, Object> props, String key, Object value) {
		if (value != null) {
			props.put(key, value);
		}
	}

	// Empty lists are left out rather than stored, so "no aliases" reads the same whichever way it was written.
	private static void putList(Map<String, Object> props, String key, List<String> values) {
		if (!values.isEmpty()) {
			props.put(key, values);
		}
	}

}
