package org.lodestone.neo4j;

import java.util.Optional;

import org.lodestone.graph.IndexedGraph;

/**
 * What the embedded engine's store holds when it is created: asked once, only when the engine starts on a directory
 * with no database yet, and loaded offline before the engine opens it.
 */
@FunctionalInterface
public interface NewStoreContent {

	/**
	 * @return the graph to load into the new store, or empty to start with an empty one
	 */
	Optional<IndexedGraph> graph();

}
