package org.lodestone.bench;

import java.io.IOException;
import java.io.Writer;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import org.lodestone.export.GexfExporter;
import org.lodestone.export.GraphExporter;
import org.lodestone.export.GraphMlExporter;
import org.lodestone.export.JsonGraphExporter;
import org.lodestone.export.SnapshotExports;
import org.lodestone.graph.GraphEdge;
import org.lodestone.graph.GraphNode;
import org.lodestone.graph.GraphSnapshot;
import org.lodestone.neo4j.GraphReads;
import org.neo4j.driver.AccessMode;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.neo4j.driver.Result;
import org.neo4j.driver.Session;
import org.neo4j.driver.SessionConfig;
import org.neo4j.driver.Transaction;

/**
 * Writing the whole graph out, two ways: Lodestone's streaming exporters (the same snapshot and writers as
 * {@code GET /api/export?scope=graph}), and the baseline, every node and relationship streamed with the driver into a
 * sink that only counts them.
 */
public final class ExportWorkloads {

	/** The formats the benchmarks measure. */
	public enum Format {

		GRAPHML, GEXF, JSON;

		GraphExporter exporter() {
			return switch (this) {
				case GRAPHML -> new GraphMlExporter();
				case GEXF -> new GexfExporter();
				case JSON -> new JsonGraphExporter();
			};
		}

		public String label() {
			return name().equals("GRAPHML") ? "GraphML" : name().equals("GEXF") ? "GEXF" : "JSON";
		}

		public static Format of(String name) {
			return valueOf(name.toUpperCase(Locale.ROOT));
		}

	}

	/**
	 * What an export wrote.
	 *
	 * @param nodes nodes written
	 * @param relationships relationships written
	 * @param chars characters written
	 */
	public record Written(long nodes, long relationships, long chars) {
	}

	private ExportWorkloads() {
	}

	/**
	 * @param reads reads of the graph, as the application makes them
	 * @param format the file format
	 * @return what was written; the characters go nowhere
	 * @throws IOException when writing fails
	 */
	public static Written export(GraphReads reads, Format format) throws IOException {
		AtomicLong nodes = new AtomicLong();
		AtomicLong edges = new AtomicLong();
		CountingWriter out = new CountingWriter();
		GraphExporter exporter = format.exporter();
		SnapshotExports.export(reads, (snapshot, writer) -> exporter.export(new GraphSnapshot() {

			@Override
			public void forEachNode(Consumer<GraphNode> visitor) {
				snapshot.forEachNode(node -> {
					nodes.incrementAndGet();
					visitor.accept(node);
				});
			}

			@Override
			public void forEachEdge(Consumer<GraphEdge> visitor) {
				snapshot.forEachEdge(edge -> {
					edges.incrementAndGet();
					visitor.accept(edge);
				});
			}

		}, writer), out);
		return new Written(nodes.get(), edges.get(), out.chars);
	}

	/**
	 * The baseline: every node and relationship, read in one read transaction and dropped.
	 * @param driver a driver to the graph
	 * @return how many were read
	 */
	public static GraphCounts nullSink(Driver driver) {
		try (Session session = driver.session(SessionConfig.builder().withDefaultAccessMode(AccessMode.READ).build());
				Transaction tx = session.beginTransaction()) {
			long nodes = drain(tx.run("MATCH (n) WHERE n:Entity OR n:Source RETURN n"));
			long relationships = drain(tx.run("MATCH ()-[r]->() RETURN r"));
			return new GraphCounts(nodes, relationships);
		}
	}

	private static long drain(Result result) {
		long count = 0;
		long sink = 0;
		while (result.hasNext()) {
			Record record = result.next();
			sink += record.get(0).size();
			count++;
		}
		// Keeps the JIT from dropping the reads as dead code.
		return (sink == Long.MIN_VALUE) ? -1 : count;
	}

	private static final class CountingWriter extends Writer {

		private long chars;

		@Override
		public void write(char[] buffer, int offset, int length) {
			this.chars += length;
		}

		@Override
		public void write(String text, int offset, int length) {
			this.chars += length;
		}

		@Override
		public void write(int c) {
			this.chars++;
		}

		@Override
		public void flush() {
		}

		@Override
		public void close() {
		}

	}

}
