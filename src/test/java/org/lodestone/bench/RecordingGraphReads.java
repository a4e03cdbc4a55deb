package org.lodestone.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.lodestone.neo4j.GraphReads;

/**
 * The application's read port with a tape: every read transaction it runs, with each statement and its parameters,
 * is kept in order until {@link #drain()}. The throughput benchmark replays the tape over Bolt, so the baseline sends
 * the engine exactly what the REST endpoints sent it, not a hand-written approximation.
 */
final class RecordingGraphReads implements GraphReads {

	/** One statement as the application sent it. */
	record Statement(String cypher, Map<String, Object> parameters) {
	}

	private final GraphReads delegate;

	private final List<List<Statement>> tape = new ArrayList<>();

	RecordingGraphReads(GraphReads delegate) {
		this.delegate = delegate;
	}

	/**
	 * @return the read transactions recorded since the last call, oldest first, each its statements in order
	 */
	synchronized List<List<Statement>> drain() {
		List<List<Statement>> recorded = List.copyOf(this.tape);
		this.tape.clear();
		return recorded;
	}

	private synchronized void record(List<Statement> transaction) {
		this.tape.add(transaction);
	}

	// Parameters may hold nulls (an absent asOf), which Map.copyOf refuses.
	private static Map<String, Object> copy(Map<String, Object> parameters) {
		return java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(parameters));
	}

	@Override
	public Duration timeout() {
		return this.delegate.timeout();
	}

	@Override
	public Map<String, Object> single(String cypher, Map<String, Object> parameters, Duration timeout,
			String application) {
		record(List.of(new Statement(cypher, copy(parameters))));
		return this.delegate.single(cypher, parameters, timeout, application);
	}

	@Override
	public List<Map<String, Object>> list(String cypher, Map<String, Object> parameters, Duration timeout,
			String application) {
		record(List.of(new Statement(cypher, copy(parameters))));
		return this.delegate.list(cypher, parameters, timeout, application);
	}

	@Override
	public ReadTransaction open(Duration timeout, String application) {
		ReadTransaction transaction = this.delegate.open(timeout, application);
		List<Statement> statements = new ArrayList<>();
		return new ReadTransaction() {

			@Override
			public void stream(String cypher, Map<String, Object> parameters, Consumer<Map<String, Object>> visitor) {
				statements.add(new Statement(cypher, copy(parameters)));
				transaction.stream(cypher, parameters, visitor);
			}

			@Override
			public void close() {
				transaction.close();
				if (!statements.isEmpty()) {
					record(List.copyOf(statements));
				}
			}

		};
	}

	@Override
	public UserQuery userQuery(String cypher, Map<String, Object> parameters, Duration timeout, String application) {
		// Power users' queries are not part of the replayed loads; recording them would need the guard's plan step too.
		return this.delegate.userQuery(cypher, parameters, timeout, application);
	}

}
