package org.lodestone.neo4j;

import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The application's {@link GraphReads}: the live graph's reads, unless the calling thread runs a read of the graph as
 * it was recorded at an earlier instant ({@code knownAt}), in which case every read that thread makes goes to that
 * graph's replica instead. The switch is made once, around a whole request ({@link #within}), so the resolution of a
 * name, the path search, the linkage mentions and an export's stream all read the same graph, and no feature carries
 * history code of its own (docs/architecture.md, "Reading the graph as recorded").
 * <p>
 * Without a scope the delegation costs one thread-local lookup per statement; the statements and the engine are the
 * live graph's, exactly as before.
 */
public final class ScopedGraphReads implements GraphReads {

	private static final ThreadLocal<Scope> SCOPE = new ThreadLocal<>();

	private final GraphReads live;

	/**
	 * @param live the reads of the live graph
	 */
	public ScopedGraphReads(GraphReads live) {
		this.live = live;
	}

	/**
	 * @return the live graph's reads, whatever the calling thread's scope: what history itself is read with
	 */
	public GraphReads live() {
		return this.live;
	}

	/**
	 * Runs {@code work} with every read of this thread going to {@code reads}.
	 * @param <T> what the work answers
	 * @param reads the reads to use, a recorded graph's
	 * @param key what tells this graph apart from the live one and from the others, for answer caches
	 * @param work the reads of one request
	 * @return what the work answered
	 */
	public static <T> T within(GraphReads reads, String key, Supplier<T> work) {
		Scope outer = SCOPE.get();
		SCOPE.set(new Scope(reads, key));
		try {
			return work.get();
		}
		finally {
			if (outer == null) {
				SCOPE.remove();
			}
			else {
				SCOPE.set(outer);
			}
		}
	}

	/**
	 * @return the key of the graph the calling thread reads, {@code null} for the live graph: answer caches keep
	 * answers of a recorded graph apart from the live graph's
	 */
	public static String scopeKey() {
		Scope scope = SCOPE.get();
		return (scope != null) ? scope.key() : null;
	}

	private GraphReads current() {
		Scope scope = SCOPE.get();
		return (scope != null) ? scope.reads() : this.live;
	}

	@Override
	public Duration timeout() {
		return this.live.timeout();
	}

	@Override
	public Map<String, Object> single(String cypher, Map<String, Object> parameters, Duration timeout,
			String application) {
		return current().single(cypher, parameters, timeout, application);
	}

	@Override
	public java.util.List<Map<String, Object>> list(String cypher, Map<String, Object> parameters, Duration timeout,
			String application) {
		return current().list(cypher, parameters, timeout, application);
	}

	@Override
	public ReadTransaction open(Duration timeout, String application) {
		return current().open(timeout, application);
	}

	@Override
	public UserQuery userQuery(String cypher, Map<String, Object> parameters, Duration timeout, String application) {
		return current().userQuery(cypher, parameters, timeout, application);
	}

	private record Scope(GraphReads reads, String key) {
	}

}
