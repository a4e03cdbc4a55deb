package org.lodestone.export;

import java.io.IOException;
import java.io.Writer;

import org.lodestone.graph.GraphSnapshot;

/**
 * Writes a graph snapshot in one file format, streaming: nodes and edges are written as they are visited.
 */
public interface GraphExporter {

	/**
	 * @param snapshot the graph to write
	 * @param out where to write it; not closed
	 * @throws IOException when writing fails
	 */
	void export(GraphSnapshot snapshot, Writer out) throws IOException;

}
