package org.lodestone.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAccessor;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.lodestone.graph.GraphEdge;
import org.lodestone.graph.RelationshipType;
import org.lodestone.neo4j.CypherResources;
import org.lodestone.neo4j.GraphReads;
import org.lodestone.neo4j.ReplicaStore;
import org.lodestone.neo4j.ScopedGraphReads;
import org.lodestone.request.InvalidRequestException;
import org.lodestone.request.RequestValues;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Reads of the graph as it was recorded at an instant ({@code knownAt}): "what did the graph say at K". The graph at K
 * is the graph the last change committed at or before K left, so it is rebuilt from the versions current then into a
 * read-only replica (an embedded store of its own, loaded offline, with the live store's schema), and the whole read
 * runs on it through the same {@link GraphReads} port as every read of the live graph: each feature answers at K with
 * its own statements, unchanged (docs/architecture.md, "Reading the graph as recorded").
 * <p>
 * Replicas are kept by change number, the least recently used closed and deleted beyond
 * {@code lodestone.history.replicas}; a knownAt at or after the latest change reads the live graph, which is that
 * change's graph. The versions are read through the application's reads, so this works with an external server too;
 * the replica is always local.
 */
@Component
public class RecordedGraphs implements DisposableBean {

	private static final Log logger = LogFactory.getLog(RecordedGraphs.class);

	private static final String APPLICATION = "lodestone-history-replica";

	private static final int RESOLVED = 1_024;

	private static final String CHANGE_AT = CypherResources.load(RecordedGraphs.class, "change-at.cypher");

	private static final String VERSIONS_AT = CypherResources.load(RecordedGraphs.class, "versions-at.cypher");

	// Elements stored before history was kept have no version: the live word of those is added to every recorded graph.
	private static final String UNVERSIONED_NODES = CypherResources.load(RecordedGraphs.class,
			"unversioned-nodes.cypher");

	private static final String UNVERSIONED_RELATIONSHIPS = CypherResources.load(RecordedGraphs.class,
			"unversioned-relationships.cypher");

	private static final List<String> PERIOD_TYPES = java.util.Arrays.stream(RelationshipType.values())
		.filter(RelationshipType::keyedByPeriod)
		.map(RelationshipType::name)
		.toList();

	private final ScopedGraphReads reads;

	private final ReplicaCache<ReplicaStore> replicas;

	// Instants already resolved to a change before the latest: that answer never changes (later changes come after
	// it), so a warm knownAt read skips the resolution. An instant answered by the live graph is not kept: the next
	// import makes it a replica's.
	private final Map<Instant, Recorded> resolved = java.util.Collections
		.synchronizedMap(new java.util.LinkedHashMap<>(64, 0.75f, true) {

			@Override
			protected boolean removeEldestEntry(Map.Entry<Instant, Recorded> eldest) {
				return size() > RESOLVED;
			}

		});

	private final String pageCache;

	private final Duration rebuildTimeout;

	private final String directorySetting;

	private Path directory;

	// Whether the directory is a temporary one of this application's, deleted when it stops.
	private boolean temporary;

	/**
	 * @param reads the application's reads; the versions are read through their live side
	 * @param replicas how many replicas stay built between reads ({@code lodestone.history.replicas})
	 * @param pageCache each replica engine's page cache ({@code lodestone.history.replica-page-cache})
	 * @param directory where replicas are written, or blank for a temporary directory
	 * ({@code lodestone.history.replica-directory})
	 * @param rebuildTimeout how long reading the versions of one recorded graph may take
	 * ({@code lodestone.history.rebuild-timeout})
	 * @param rebuildWait how long a read at {@code knownAt} may wait for the one builder of recorded graphs before it
	 * is refused ({@code lodestone.history.rebuild-wait})
	 */
	public RecordedGraphs(ScopedGraphReads reads, @Value("${lodestone.history.replicas:2}") int replicas,
			@Value("${lodestone.history.replica-page-cache:64m}") String pageCache,
			@Value("${lodestone.history.replica-directory:}") String directory,
			@Value("${lodestone.history.rebuild-timeout:10m}") Duration rebuildTimeout,
			@Value("${lodestone.history.rebuild-wait:30s}") Duration rebuildWait) {
		this.reads = reads;
		this.replicas = new ReplicaCache<>(replicas, rebuildWait);
		this.pageCache = pageCache;
		this.directorySetting = directory;
		this.rebuildTimeout = rebuildTimeout;
	}

	/**
	 * Which graph answers for an instant.
	 *
	 * @param seq the number of the last change committed at or before the instant, 0 before the first change
	 * @param at that change's time (the instant itself before the first change)
	 * @param live whether that change is the latest, so the live graph is the graph at the instant
	 */
	public record Recorded(long seq, Instant at, boolean live) {
	}

	/**
	 * Runs a read on the graph as recorded at {@code knownAt}: every {@link GraphReads} read the calling thread makes
	 * inside {@code read} goes to that graph.
	 * @param <T> the answer
	 * @param knownAt the instant, or {@code null} for the live graph (the read then runs as it always did)
	 * @param read the read
	 * @return its answer
	 * @throws InvalidRequestException (naming {@code knownAt}) when the instant is in the future or before anything
	 * was recorded
	 */
	public <T> T read(Instant knownAt, Supplier<T> read) {
		if (knownAt == null) {
			return read.get();
		}
		Recorded recorded = this.resolved.get(knownAt);
		if (recorded == null) {
			recorded = resolve(knownAt);
			if (!recorded.live()) {
				this.resolved.put(knownAt, recorded);
			}
		}
		if (recorded.live()) {
			return read.get();
		}
		Recorded graph = recorded;
		try (ReplicaCache.Lease<ReplicaStore> lease = this.replicas.lease(graph.seq(), seq -> build(graph, knownAt))) {
			return ScopedGraphReads.within(lease.replica().reads(), "change:" + graph.seq(), read);
		}
	}

	/**
	 * {@link #read(Instant, Supplier)} with the instant as a request gives it.
	 * @param <T> the answer
	 * @param knownAt the {@code knownAt} parameter: an instant, a date (its start in UTC), or absent for the live graph
	 * @param read the read
	 * @return its answer
	 * @throws InvalidRequestException (naming {@code knownAt}) when it is not an instant, in the future, or before
	 * anything was recorded
	 */
	public <T> T read(String knownAt, Supplier<T> read) {
		return read(RequestValues.instant("knownAt", knownAt), read);
	}

	/**
	 * @param knownAt an instant, not in the future
	 * @return the change whose graph answers for it
	 * @throws InvalidRequestException when the instant is in the future
	 */
	public Recorded resolve(Instant knownAt) {
		Instant now = Instant.now();
		if (knownAt.isAfter(now)) {
			// The graph at a future instant is not yet known: an answer now could change by then, so a cited link
			// would not stay true.
			throw new InvalidRequestException("knownAt", "knownAt " + knownAt + " is in the future (now is " + now
					+ "); the graph can only say what it had recorded by now");
		}
		Map<String, Object> row = this.reads.live().single(CHANGE_AT,
				Map.of("knownAt", OffsetDateTime.ofInstant(knownAt, ZoneOffset.UTC)), APPLICATION);
		return recorded(knownAt, number(row.get("seq")), instant(row.get("at")), number(row.get("latest")));
	}

	/**
	 * The change-number rule, apart from the store: the last change at or before the instant; the live graph when
	 * that is the latest change, or when nothing was ever recorded (a store made before history was kept).
	 * @param knownAt the instant
	 * @param seq the last change at or before it, or {@code null}
	 * @param at that change's time, or {@code null}
	 * @param latest the latest change, or {@code null} when there is none
	 * @return which graph answers
	 */
	static Recorded recorded(Instant knownAt, Long seq, Instant at, Long latest) {
		if (latest == null) {
			return new Recorded(0, knownAt, true);
		}
		if (seq == null) {
			return new Recorded(0, knownAt, false);
		}
		return new Recorded(seq, at, seq.longValue() == latest.longValue());
	}

	/**
	 * @return the change numbers of the replicas built now, least recently used first
	 */
	public List<Long> replicas() {
		return this.replicas.keys();
	}

	private ReplicaStore build(Recorded recorded, Instant knownAt) {
		long started = System.nanoTime();
		GraphReads live = this.reads.live();
		RecordedGraph graph = new RecordedGraph();
		try (GraphReads.ReadTransaction tx = live.open(this.rebuildTimeout, APPLICATION)) {
			tx.stream(VERSIONS_AT, Map.of("at", OffsetDateTime.ofInstant(recorded.at(), ZoneOffset.UTC)),
					row -> graph.addVersion(map(row.get("props"))));
			addUnversioned(tx, graph);
		}
		graph.complete();
		if (recorded.seq() == 0 && graph.nodeCount() == 0) {
			throw new InvalidRequestException("knownAt", "knownAt " + knownAt + " is before the graph's first "
					+ "recorded change; the graph said nothing then (GET /api/changes lists the changes)");
		}
		if (graph.dangling() > 0) {
			logger.warn("The graph as recorded at change " + recorded.seq() + " leaves out " + graph.dangling()
					+ " relationships whose ends it did not hold (a store written around the importer)");
		}
		Path home = directory().resolve("change-" + recorded.seq() + "-" + System.nanoTime());
		ReplicaStore replica = ReplicaStore.build(home, graph, live.timeout(), this.pageCache);
		logger.info("The graph as recorded at change " + recorded.seq() + " (" + recorded.at() + "): "
				+ graph.nodeCount() + " nodes and " + graph.edgeCount() + " relationships rebuilt in "
				+ Duration.ofNanos(System.nanoTime() - started).toMillis() + " ms");
		return replica;
	}

	// Elements stored before history was kept have no version; their live word held from before the first change and
	// has not changed since (a change would have written their old version).
	private static void addUnversioned(GraphReads.ReadTransaction tx, RecordedGraph graph) {
		tx.stream(UNVERSIONED_NODES, Map.of(), row -> {
			@SuppressWarnings("unchecked")
			List<String> labels = (List<String>) row.get("labels");
			graph.addUnversionedNode((String) row.get("id"), labels, map(row.get("props")));
		});
		tx.stream(UNVERSIONED_RELATIONSHIPS, Map.of("periodTypes", PERIOD_TYPES), row -> {
			RelationshipType type = RelationshipType.fromName((String) row.get("type"));
			if (type != null) {
				graph.addUnversionedEdge(new GraphEdge((String) row.get("from"), type, (String) row.get("to"),
						map(row.get("props"))));
			}
		});
	}

	private synchronized Path directory() {
		if (this.directory == null) {
			try {
				this.temporary = this.directorySetting.isBlank();
				this.directory = this.temporary ? Files.createTempDirectory("lodestone-replicas")
						: Files.createDirectories(Path.of(this.directorySetting));
			}
			catch (IOException ex) {
				throw new UncheckedIOException("The directory for recorded-graph replicas cannot be created: "
						+ ex.getMessage(), ex);
			}
		}
		return this.directory;
	}

	/** Closes and deletes every replica when the application stops. */
	@Override
	public synchronized void destroy() {
		this.replicas.close();
		if (this.temporary) {
			try {
				org.springframework.util.FileSystemUtils.deleteRecursively(this.directory);
			}
			catch (IOException ex) {
				logger.warn("The replicas' temporary directory " + this.directory + " could not be deleted: "
						+ ex.getMessage());
			}
		}
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> map(Object value) {
		return (Map<String, Object>) value;
	}

	private static Long number(Object value) {
		return (value instanceof Number number) ? number.longValue() : null;
	}

	private static Instant instant(Object value) {
		if (value instanceof ZonedDateTime zoned) {
			return zoned.toInstant();
		}
		if (value instanceof OffsetDateTime offset) {
			return offset.toInstant();
		}
		return (value instanceof TemporalAccessor temporal) ? Instant.from(temporal) : null;
	}

}
