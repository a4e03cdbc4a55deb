package org.lodestone.graph;

import java.util.function.Consumer;

/**
 * A read of (part of) the graph that exporters walk once, node by node and then edge by edge, without holding it all
 * in memory. Every edge's endpoints are among the nodes.
 */
public interface GraphSnapshot {

	/**
	 * Visits every node, sources included, in a stable order.
	 * @param visitor called once per node
	 */
	void forEachNode(Consumer<GraphNode> visitor);

	/**
	 * Visits every edge, in a stable order.
	 * @param visitor called once per edge
	 */
	void forEachEdge(Consumer<GraphEdge> visitor);

}
