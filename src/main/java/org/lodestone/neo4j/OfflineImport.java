package org.lodestone.neo4j;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

import org.lodestone.graph.GraphEdge;
import org.lodestone.graph.IndexedGraph;
import org.neo4j.batchimport.api.BatchImporter;
import org.neo4j.batchimport.api.Configuration;
import org.neo4j.batchimport.api.IndexImporterFactory;
import org.neo4j.batchimport.api.InputIterable;
import org.neo4j.batchimport.api.InputIterator;
import org.neo4j.batchimport.api.Monitor;
import org.neo4j.batchimport.api.input.Collector;
import org.neo4j.batchimport.api.input.IdType;
import org.neo4j.batchimport.api.input.Input;
import org.neo4j.batchimport.api.input.InputChunk;
import org.neo4j.batchimport.api.input.InputEntityVisitor;
import org.neo4j.configuration.Config;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.internal.batchimport.BatchImporterFactory;
import org.neo4j.internal.batchimport.DefaultAdditionalIds;
import org.neo4j.internal.batchimport.input.Groups;
import org.neo4j.internal.batchimport.staging.ExecutionMonitor;
import org.neo4j.io.fs.DefaultFileSystemAbstraction;
import org.neo4j.io.layout.DatabaseLayout;
import org.neo4j.io.layout.Neo4jLayout;
import org.neo4j.io.pagecache.context.CursorContextFactory;
import org.neo4j.io.pagecache.tracing.PageCacheTracer;
import org.neo4j.kernel.impl.scheduler.JobSchedulerFactory;
import org.neo4j.kernel.impl.transaction.log.EmptyLogTailMetadata;
import org.neo4j.kernel.impl.transaction.log.files.TransactionLogInitializer;
import org.neo4j.logging.internal.NullLogService;
import org.neo4j.memory.EmptyMemoryTracker;
import org.neo4j.scheduler.JobScheduler;

import org.springframework.util.FileSystemUtils;

/**
 * Writes a graph into a new store, before any engine has opened it, with Neo4j's offline batch importer: the engine
 * behind {@code neo4j-admin database import}, fed the nodes and relationships directly instead of CSV files. It writes
 * store files without transactions, which on two cores is several times faster than any transactional write
 * (docs/benchmarks.md), and is only possible for a store nobody has opened yet. Indexes and constraints are not
 * written; the schema applied at start builds them from the loaded data.
 */
public final class OfflineImport {

	/** The database the embedded engine serves. */
	static final String DATABASE = GraphDatabaseSettings.DEFAULT_DATABASE_NAME;

	// Entities handed to an importer thread at a time.
	private static final int CHUNK = 10_000;

	// Nodes and edges looked at to estimate property counts and sizes, which size the importer's memory.
	private static final int SAMPLE = 1_000;

	private OfflineImport() {
	}

	/**
	 * What was loaded.
	 *
	 * @param nodes the nodes written
	 * @param relationships the relationships written
	 * @param took how long the import ran
	 */
	public record Result(long nodes, long relationships, Duration took) {
	}

	/**
	 * @param home the engine's home directory ({@code lodestone.neo4j.directory})
	 * @return whether the engine's database has never been created there, so an offline import may write it
	 */
	public static boolean isNewStore(Path home) {
		DatabaseLayout layout = layout(config(home));
		return !Files.exists(layout.databaseDirectory()) && !Files.exists(layout.getTransactionLogsDirectory());
	}

	/**
	 * Loads the graph into the new store under {@code home}. On failure the partly written store is removed, so the
	 * next start finds a new store again.
	 * @param home the engine's home directory, with no database yet
	 * @param graph the graph; every edge's endpoints are among its nodes
	 * @return what was written
	 * @throws IllegalStateException when the store exists already
	 * @throws UncheckedIOException when the import fails
	 */
	public static Result load(Path home, IndexedGraph graph) {
		if (!isNewStore(home)) {
			throw new IllegalStateException("The store in " + home + " exists already; an offline import only "
					+ "writes a new one");
		}
		long started = System.nanoTime();
		Config config = config(home);
		DatabaseLayout layout = layout(config);
		// Node ids are the nodes' positions: a new store takes them as they are (IdType.ACTUAL), which spares the
		// importer mapping and sorting a million string ids, a third of its time on L (docs/benchmarks.md).
		Map<String, Integer> positions = new HashMap<>(graph.nodeCount() * 2);
		for (int i = 0; i < graph.nodeCount(); i++) {
			if (positions.putIfAbsent(graph.nodeId(i), i) != null) {
				throw new IllegalArgumentException("Node id '" + graph.nodeId(i) + "' occurs twice");
			}
		}
		Input input = Input.input(chunked(graph.nodeCount(), graph::node, (position, node, visitor) -> {
			visitor.id(position);
			visitor.labels(node.labels().toArray(String[]::new));
			properties(node.properties(), visitor);
		}), chunked(graph.edgeCount(), graph::edge, (position, edge, visitor) -> {
			visitor.startId(position(positions, edge, edge.from()));
			visitor.endId(position(positions, edge, edge.to()));
			visitor.type(edge.type().name());
			properties(edge.properties(), visitor);
		}), IdType.ACTUAL, estimates(graph), new Groups());
		boolean done = false;
		// Strict: the graph comes validated, so a duplicate id or a dangling edge is a bug, not data to skip. (The
		// collector neo4j-admin uses to log bad entries runs a thread that, left unclosed, keeps the JVM alive.)
		try (JobScheduler scheduler = JobSchedulerFactory.createInitialisedScheduler();
				DefaultFileSystemAbstraction files = new DefaultFileSystemAbstraction()) {
			BatchImporter importer = BatchImporterFactory.withHighestPriority()
				.instantiate(layout, files, PageCacheTracer.NULL, Configuration.DEFAULT, NullLogService.getInstance(),
						ExecutionMonitor.INVISIBLE, DefaultAdditionalIds.EMPTY, new EmptyLogTailMetadata(config),
						config, Monitor.NO_MONITOR, scheduler, Collector.STRICT,
						TransactionLogInitializer.getLogFilesInitializer(), IndexImporterFactory.EMPTY,
						EmptyMemoryTracker.INSTANCE, CursorContextFactory.NULL_CONTEXT_FACTORY);
			importer.doImport(input);
			done = true;
		}
		catch (Exception ex) {
			throw new UncheckedIOException("The offline import into " + layout.databaseDirectory() + " failed: "
					+ ex.getMessage(), (ex instanceof IOException io) ? io : new IOException(ex));
		}
		finally {
			if (!done) {
				remove(layout);
			}
		}
		return new Result(graph.nodeCount(), graph.edgeCount(), Duration.ofNanos(System.nanoTime() - started));
	}

	private static Config config(Path home) {
		return Config.newBuilder().set(GraphDatabaseSettings.neo4j_home, home.toAbsolutePath()).build();
	}

	private static DatabaseLayout layout(Config config) {
		return Neo4jLayout.of(config).databaseLayout(DATABASE);
	}

	private static void remove(DatabaseLayout layout) {
		try {
			FileSystemUtils.deleteRecursively(layout.databaseDirectory());
			FileSystemUtils.deleteRecursively(layout.getTransactionLogsDirectory());
		}
		catch (IOException ex) {
			throw new UncheckedIOException("The failed offline import left a partial store in "
					+ layout.databaseDirectory() + " that could not be removed; delete it before the next start", ex);
		}
	}

	private static long position(Map<String, Integer> positions, GraphEdge edge, String id) {
		Integer position = positions.get(id);
		if (position == null) {
			throw new IllegalArgumentException("Edge " + edge.from() + " " + edge.type() + " " + edge.to()
					+ " refers to node '" + id + "', which is not in the graph");
		}
		return position;
	}

	private static void properties(Map<String, Object> properties, InputEntityVisitor visitor) {
		properties.forEach((key, value) -> visitor.property(key,
				(value instanceof List<?> list) ? list.stream().map(String::valueOf).toArray(String[]::new) : value));
	}

	private static Input.Estimates estimates(IndexedGraph graph) {
		long[] node = sample(graph.nodeCount(), i -> graph.node(i).properties());
		long[] edge = sample(graph.edgeCount(), i -> graph.edge(i).properties());
		return Input.knownEstimates(graph.nodeCount(), graph.edgeCount(), node[0], edge[0], node[1], edge[1],
				graph.nodeCount() * 3L);
	}

	// Property count and size of the whole graph, extrapolated from evenly spaced elements.
	private static long[] sample(int count, IntFunction<Map<String, Object>> properties) {
		if (count == 0) {
			return new long[] { 0, 0 };
		}
		int step = Math.max(1, count / SAMPLE);
		long seen = 0;
		long number = 0;
		long size = 0;
		for (int i = 0; i < count; i += step) {
			seen++;
			for (Object value : properties.apply(i).values()) {
				number++;
				size += (value instanceof List<?> list) ? list.stream().mapToInt(v -> String.valueOf(v).length()).sum()
						: String.valueOf(value).length();
			}
		}
		return new long[] { number * count / seen, size * count / seen };
	}

	// Gets each element with its position, which for a node is its store id.
	private interface Writer<T> {

		void write(int position, T element, InputEntityVisitor visitor);

	}

	private static <T> InputIterable chunked(int count, IntFunction<T> element, Writer<T> writer) {
		return () -> new InputIterator() {

			private final AtomicInteger next = new AtomicInteger();

			@Override
			public InputChunk newChunk() {
				return new Chunk<>(element, writer);
			}

			// Called by several importer threads at once: each takes the next range.
			@Override
			public boolean next(InputChunk chunk) {
				int start = this.next.getAndAdd(CHUNK);
				if (start >= count) {
					return false;
				}
				((Chunk<?>) chunk).range(start, Math.min(count, start + CHUNK));
				return true;
			}

			@Override
			public void close() {
			}

		};
	}

	private static final class Chunk<T> implements InputChunk {

		private final IntFunction<T> element;

		private final Writer<T> writer;

		private int position;

		private int end;

		Chunk(IntFunction<T> element, Writer<T> writer) {
			this.element = element;
			this.writer = writer;
		}

		void range(int start, int end) {
			this.position = start;
			this.end = end;
		}

		@Override
		public boolean next(InputEntityVisitor visitor) throws IOException {
			if (this.position >= this.end) {
				return false;
			}
			this.writer.write(this.position, this.element.apply(this.position), visitor);
			this.position++;
			visitor.endOfEntity();
			return true;
		}

		@Override
		public void close() {
		}

	}

}
