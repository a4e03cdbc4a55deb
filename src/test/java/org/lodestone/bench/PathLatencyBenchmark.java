package org.lodestone.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Latency of one path query from a client on the same machine: {@code GET /api/paths} on a running Lodestone against
 * the same Cypher sent over Bolt to its embedded engine. Each invocation takes the next pair of the distance, round
 * robin, so a figure is about the distance rather than one pair.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class PathLatencyBenchmark {

	/** The file of pairs {@link PathPairs#write} wrote. */
	@Param("")
	public String pairs;

	/** The application's base URI. */
	@Param("")
	public String http;

	/** The embedded engine's Bolt URI. */
	@Param("")
	public String bolt;

	/** shortest, k-shortest or all. */
	@Param("shortest")
	public String mode;

	/** The distance of the pairs, or -1 for unreachable ones. */
	@Param("1")
	public int distance;

	private List<PathPairs.Pair> chosen;

	private PathWorkloads.Query query;

	private String cypher;

	private HttpClient client;

	private Driver driver;

	private URI base;

	private int next;

	@Setup(Level.Trial)
	public void connect() throws IOException {
		this.chosen = PathPairs.read(Path.of(this.pairs), this.distance);
		if (this.chosen.isEmpty()) {
			throw new IllegalStateException("no pairs at distance " + this.distance + " in " + this.pairs);
		}
		this.query = PathWorkloads.Query.of(this.mode);
		this.cypher = this.query.cypher();
		this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
		this.driver = GraphDatabase.driver(this.bolt, AuthTokens.none());
		this.base = URI.create(this.http);
	}

	@Benchmark
	public List<List<String>> rest() {
		return PathWorkloads.rest(this.client, this.base, this.query, pair());
	}

	@Benchmark
	public List<List<String>> bolt() {
		return PathWorkloads.bolt(this.driver, this.cypher, this.query.parameters(pair()));
	}

	private PathPairs.Pair pair() {
		PathPairs.Pair pair = this.chosen.get(this.next);
		this.next = (this.next + 1) % this.chosen.size();
		return pair;
	}

	@TearDown(Level.Trial)
	public void disconnect() {
		this.driver.close();
	}

}
