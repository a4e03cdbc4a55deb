package org.lodestone.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;

import org.neo4j.driver.Driver;

/**
 * Latency of one path query shape at one distance, REST and Bolt timed call by call in alternation from one client.
 * <p>
 * JMH runs each benchmark method in its own fork, one after the other, so REST and Bolt used to be measured a minute
 * or more apart, and on a shared machine the load changed in between and landed in their ratio. Here each step asks
 * both for the same pair, one right after the other, and the order flips every step so neither always runs on the
 * other's warmed caches. Every iteration asks every pair equally often. Every step also checks that both gave the same paths, so a benchmark of wrong answers fails.
 */
public final class InterleavedPathLatency {

	/**
	 * How long to measure.
	 *
	 * @param warmUp the warm-up before the measured iterations, not reported
	 * @param iterations measured iterations; each gives one p50 and one p99 per side
	 * @param iteration the least time an iteration runs
	 * @param minSteps the fewest steps (one REST and one Bolt call each) in the warm-up and in every iteration; an
	 * iteration runs on to the end of its round over the pairs
	 */
	public record Settings(Duration warmUp, int iterations, Duration iteration, int minSteps) {

		/** What docs/benchmarks.md uses. */
		public static final Settings SUITE = new Settings(Duration.ofSeconds(2), 3, Duration.ofSeconds(4), 20);

	}

	/**
	 * The figures of a measurement, in milliseconds: for each side the median over iterations of each iteration's
	 * percentile, with the spread over iterations.
	 *
	 * @param restP50 REST p50
	 * @param boltP50 Bolt p50
	 * @param restP99 REST p99
	 * @param boltP99 Bolt p99
	 * @param samples calls timed per side, over all iterations
	 */
	public record Latency(Spread restP50, Spread boltP50, Spread restP99, Spread boltP99, int samples) {
	}

	private final HttpClient client;

	private final URI base;

	private final Driver driver;

	/**
	 * @param client the HTTP client for {@code /api/paths}
	 * @param base the application's base URI
	 * @param driver a driver to the engine the application uses
	 */
	public InterleavedPathLatency(HttpClient client, URI base, Driver driver) {
		this.client = client;
		this.base = base;
		this.driver = driver;
	}

	/**
	 * Sends queries without timing them, so the application's and the client's code is compiled and the store's
	 * pages are cached before the first measurement.
	 *
	 * @param query the query shape
	 * @param pairs the pairs, taken in turn
	 * @param time how long
	 */
	public void warmUp(PathWorkloads.Query query, List<PathPairs.Pair> pairs, Duration time) {
		run(query, query.cypher(), new Cursor(pairs), time, 1, null, null);
	}

	/**
	 * @param query the query shape
	 * @param pairs the pairs, taken in turn
	 * @param settings how long to measure
	 * @return the latencies of both sides
	 * @throws IllegalStateException when a call fails or REST and Bolt answer with different paths
	 */
	public Latency measure(PathWorkloads.Query query, List<PathPairs.Pair> pairs, Settings settings) {
		String cypher = query.cypher();
		Cursor cursor = new Cursor(pairs);
		run(query, cypher, cursor, settings.warmUp(), settings.minSteps(), null, null);
		List<Double> restP50 = new ArrayList<>();
		List<Double> boltP50 = new ArrayList<>();
		List<Double> restP99 = new ArrayList<>();
		List<Double> boltP99 = new ArrayList<>();
		int samples = 0;
		for (int i = 0; i < settings.iterations(); i++) {
			Timings rest = new Timings();
			Timings bolt = new Timings();
			run(query, cypher, cursor, settings.iteration(), settings.minSteps(), rest, bolt);
			restP50.add(rest.percentile(50));
			boltP50.add(bolt.percentile(50));
			restP99.add(rest.percentile(99));
			boltP99.add(bolt.percentile(99));
			samples += rest.size();
		}
		return new Latency(Spread.of(restP50), Spread.of(boltP50), Spread.of(restP99), Spread.of(boltP99), samples);
	}

	private void run(PathWorkloads.Query query, String cypher, Cursor cursor, Duration atLeast, int minSteps,
			Timings rest, Timings bolt) {
		long deadline = System.nanoTime() + atLeast.toNanos();
		// Whole rounds over the pairs: pairs at one distance can differ in cost a hundredfold, and a percentile over
		// pairs asked unequally often would move with the share of the slow ones.
		for (int step = 0; step < minSteps || System.nanoTime() < deadline || !cursor.atRoundStart(); step++) {
			PathPairs.Pair pair = cursor.next();
			List<List<String>> restPaths;
			List<List<String>> boltPaths;
			if (step % 2 == 0) {
				restPaths = timeRest(query, pair, rest);
				boltPaths = timeBolt(query, cypher, pair, bolt);
			}
			else {
				boltPaths = timeBolt(query, cypher, pair, bolt);
				restPaths = timeRest(query, pair, rest);
			}
			if (!sameAnswer(restPaths, boltPaths)) {
				throw new IllegalStateException(query + " " + pair + ": REST answered " + restPaths + " but Bolt "
						+ boltPaths);
			}
		}
	}

	/** Whether both sides gave the same paths; the service may order the k paths again, so order does not count. */
	static boolean sameAnswer(List<List<String>> rest, List<List<String>> bolt) {
		return rest.size() == bolt.size() && new HashSet<>(rest).equals(new HashSet<>(bolt));
	}

	private List<List<String>> timeRest(PathWorkloads.Query query, PathPairs.Pair pair, Timings timings) {
		long start = System.nanoTime();
		try {
			List<List<String>> paths = PathWorkloads.rest(this.client, this.base, query, pair);
			record(timings, start);
			return paths;
		}
		catch (RuntimeException ex) {
			throw new IllegalStateException("REST failed for " + query + " " + pair + ": " + ex.getMessage(), ex);
		}
	}

	private List<List<String>> timeBolt(PathWorkloads.Query query, String cypher, PathPairs.Pair pair,
			Timings timings) {
		long start = System.nanoTime();
		try {
			List<List<String>> paths = PathWorkloads.bolt(this.driver, cypher, query.parameters(pair));
			record(timings, start);
			return paths;
		}
		catch (RuntimeException ex) {
			throw new IllegalStateException("Bolt failed for " + query + " " + pair + ": " + ex.getMessage(), ex);
		}
	}

	private static void record(Timings timings, long start) {
		long elapsed = System.nanoTime() - start;
		if (timings != null) {
			timings.add(elapsed);
		}
	}

	private static final class Cursor {

		private final List<PathPairs.Pair> pairs;

		private int next;

		Cursor(List<PathPairs.Pair> pairs) {
			if (pairs.isEmpty()) {
				throw new IllegalArgumentException("no pairs to measure");
			}
			this.pairs = pairs;
		}

		boolean atRoundStart() {
			return this.next == 0;
		}

		PathPairs.Pair next() {
			PathPairs.Pair pair = this.pairs.get(this.next);
			this.next = (this.next + 1) % this.pairs.size();
			return pair;
		}

	}

	/** Call times of one side in one iteration. */
	static final class Timings {

		private long[] nanos = new long[64];

		private int size;

		void add(long value) {
			if (this.size == this.nanos.length) {
				this.nanos = Arrays.copyOf(this.nanos, this.size * 2);
			}
			this.nanos[this.size++] = value;
		}

		int size() {
			return this.size;
		}

		/** The nearest-rank percentile in milliseconds: the smallest time at least that share of calls took. */
		double percentile(double percentile) {
			if (this.size == 0) {
				throw new IllegalStateException("no calls timed");
			}
			long[] sorted = Arrays.copyOf(this.nanos, this.size);
			Arrays.sort(sorted);
			int rank = (int) Math.ceil(percentile / 100 * this.size);
			return sorted[Math.max(rank, 1) - 1] / 1e6;
		}

	}

}
