package org.lodestone.graph;

import java.util.function.Consumer;

/**
 * A graph held in memory whose nodes and edges can be read by position, so a bulk loader can hand out ranges of them
 * to several threads at once.
 */
public interface IndexedGraph extends GraphSnapshot {

	/**
	 * @return how many nodes there are, sources included
	 */
	int nodeCount();

	/**
	 * @param index from 0 to {@link #nodeCount()} (exclusive), in the order of {@link #forEachNode}
	 * @return that node
	 */
	GraphNode node(int index);

	/**
	 * @param index from 0 to {@link #nodeCount()} (exclusive)
	 * @return that node's id; override where the id is cheaper to get than the whole node
	 */
	default String nodeId(int index) {
		return node(index).id();
	}

	/**
	 * @return how many edges there are
	 */
	int edgeCount();

	/**
	 * @param index from 0 to {@link #edgeCount()} (exclusive), in the order of {@link #forEachEdge}
	 * @return that edge
	 */
	GraphEdge edge(int index);

	@Override
	default void forEachNode(Consumer<GraphNode> visitor) {
		for (int i = 0; i < nodeCount(); i++) {
			visitor.accept(node(i));
		}
	}

	@Override
	default void forEachEdge(Consumer<GraphEdge> visitor) {
		for (int i = 0; i < edgeCount(); i++) {
			visitor.accept(edge(i));
		}
	}

}
