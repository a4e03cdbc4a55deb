package org.lodestone.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.lodestone.synth.SyntheticGraph;
import org.neo4j.driver.Driver;

import org.springframework.util.FileSystemUtils;

/**
 * The read-throughput figures of issue 19 in one run, on the bundled data and on the synthetic M graph, with 8
 * connections: a path asked by names against the same path by ids; the mixed load uncached against the same
 * statements sent over raw Bolt at the same concurrency; and the cached answers, reported apart. Rewrites
 * docs/throughput.md. Started by {@code ./mvnw -Pbench-throughput -DskipTests verify}.
 */
public final class ThroughputSuite {

	private static final long SEED = 42;

	private static final int CONNECTIONS = 8;

	private final Path work;

	private final Path jar;

	private final Path report;

	private final Path mixedScript;

	private final int seconds;

	private final int rounds;

	private final List<String> targets = new ArrayList<>();

	private final StringBuilder table = new StringBuilder();

	private final StringBuilder loadsTable = new StringBuilder();

	private final List<String> loads = new ArrayList<>();

	private final List<String> notes = new ArrayList<>();

	private ThroughputSuite(Map<String, String> args) {
		this.work = Path.of(args.getOrDefault("work", "target/bench")).toAbsolutePath();
		this.jar = Path.of(args.getOrDefault("jar", "target/lodestone-0.1.0-SNAPSHOT.jar")).toAbsolutePath();
		this.report = Path.of(args.getOrDefault("report", "docs/throughput.md"));
		this.mixedScript = Path.of(args.getOrDefault("mixed", "docs/load/mixed.lua"));
		this.seconds = Integer.parseInt(args.getOrDefault("seconds", "10"));
		this.rounds = Integer.parseInt(args.getOrDefault("rounds", "3"));
	}

	public static void main(String[] arguments) throws Exception {
		Map<String, String> args = new LinkedHashMap<>();
		for (String argument : arguments) {
			int equals = argument.indexOf('=');
			args.put(argument.substring(2, equals), argument.substring(equals + 1));
		}
		new ThroughputSuite(args).run();
		System.exit(0);
	}

	/** A load's requests, and the same paths asked by names and by ids. */
	private record Workload(List<String> mixed, List<String> byName, List<String> byId) {
	}

	private void run() throws Exception {
		Instant started = Instant.now();
		if (!Files.isRegularFile(this.jar)) {
			throw new IllegalStateException(this.jar + " is missing; run ./mvnw -Pbench-throughput -DskipTests verify");
		}
		this.table.append("| Data | Server | Load | Requests/s | p50 ms | p99 ms | Errors |\n|---|---|---|---|---|---|---|\n");
		this.loads.add("start: " + BenchmarkSuite.loadAverage());
		List<String> bundledMixed = mixedLuaRequests();
		measure("bundled", fresh(this.work.resolve("throughput/bundled/store")), driver -> new Workload(bundledMixed,
				List.of("/api/paths?from=H20&to=NdPr&maxDepth=3"),
				List.of("/api/paths?from=product:nvidia-h20&to=mineral:ndpr&maxDepth=3")));
		this.loads.add("after bundled: " + BenchmarkSuite.loadAverage());
		measure("M", storeOfM(), ThroughputSuite::syntheticWorkload);
		this.loads.add("after M: " + BenchmarkSuite.loadAverage());
		write(started);
	}

	private void measure(String data, Path store, Function<Driver, Workload> choose) throws Exception {
		Workload[] chosen = new Workload[1];
		RecordedLoad load = RecordedLoad.record(store, driver -> {
			chosen[0] = choose.apply(driver);
			return chosen[0].mixed();
		});
		Workload workload = chosen[0];
		if (!load.unrecorded().isEmpty()) {
			this.notes.add(data + ": left out of the mixed load because they read nothing through the read port, so "
					+ "have no statements to replay: " + String.join(", ", load.unrecorded()));
		}
		Path dir = Files.createDirectories(this.work.resolve("throughput").resolve(data));
		Path mixed = script(dir, "mixed.lua", load.paths(), false);
		Path byName = script(dir, "name.lua", workload.byName(), false);
		Path byId = script(dir, "id.lua", workload.byId(), false);
		Path byNameFresh = script(dir, "name-fresh.lua", workload.byName(), true);
		Path byIdFresh = script(dir, "id-fresh.lua", workload.byId(), true);

		try (BenchServer server = BenchServer.start(this.jar, store, dir.resolve("uncached.log"),
				List.of("--spring.cache.type=none")); Driver driver = server.driver()) {
			requireOk(server, workload.byName());
			requireOk(server, workload.byId());
			// Warm-ups, not reported: the JIT of both sides, the engine's page cache and query plans.
			wrk(mixed, server, 5);
			load.replay(driver, CONNECTIONS, Duration.ofSeconds(5));
			List<RecordedLoad.Measurement> rest = new ArrayList<>();
			List<RecordedLoad.Measurement> bolt = new ArrayList<>();
			for (int round = 0; round < this.rounds; round++) {
				// The order turns every round, so neither side always runs on a machine the other has just warmed.
				if (round % 2 == 0) {
					rest.add(wrk(mixed, server, this.seconds));
					bolt.add(load.replay(driver, CONNECTIONS, Duration.ofSeconds(this.seconds)));
				}
				else {
					bolt.add(load.replay(driver, CONNECTIONS, Duration.ofSeconds(this.seconds)));
					rest.add(wrk(mixed, server, this.seconds));
				}
			}
			row(data, "caches off", "mixed over REST (" + load.requests().size() + " requests)", rest);
			row(data, "caches off", "the same statements over Bolt", bolt);
			double ratio = median(rest, RecordedLoad.Measurement::requestsPerSecond)
					/ median(bolt, RecordedLoad.Measurement::requestsPerSecond);
			target("Mixed load uncached, REST ÷ same statements over Bolt (req/s)", data, ratio, "≥ 0.8x",
					ratio >= 0.8, errors(rest) + errors(bolt));
			nameAgainstId(data, "caches off", server, byName, byId, "Path by id ÷ path by name (req/s), uncached");
		}
		try (BenchServer server = BenchServer.start(this.jar, store, dir.resolve("cached.log"), List.of())) {
			requireOk(server, workload.byName());
			requireOk(server, workload.byId());
			nameAgainstId(data, "caches on, answers computed", server, byNameFresh, byIdFresh,
					"Path by id ÷ path by name (req/s), name resolution cached");
			wrk(mixed, server, 5);
			List<RecordedLoad.Measurement> cached = new ArrayList<>();
			for (int round = 0; round < this.rounds; round++) {
				cached.add(wrk(mixed, server, this.seconds));
			}
			row(data, "caches on (warm)", "mixed over REST, cached answers", cached);
		}
	}

	private void nameAgainstId(String data, String serverLabel, BenchServer server, Path byName, Path byId,
			String measure) throws Exception {
		wrk(byName, server, 5);
		wrk(byId, server, 5);
		List<RecordedLoad.Measurement> names = new ArrayList<>();
		List<RecordedLoad.Measurement> ids = new ArrayList<>();
		for (int round = 0; round < this.rounds; round++) {
			if (round % 2 == 0) {
				names.add(wrk(byName, server, this.seconds));
				ids.add(wrk(byId, server, this.seconds));
			}
			else {
				ids.add(wrk(byId, server, this.seconds));
				names.add(wrk(byName, server, this.seconds));
			}
		}
		row(data, serverLabel, "path by names", names);
		row(data, serverLabel, "path by ids", ids);
		double ratio = median(ids, RecordedLoad.Measurement::requestsPerSecond)
				/ median(names, RecordedLoad.Measurement::requestsPerSecond);
		target(measure, data, ratio, "≤ 1.2x", ratio <= 1.2, errors(names) + errors(ids));
	}

	private RecordedLoad.Measurement wrk(Path script, BenchServer server, int duration) throws Exception {
		double[] result = BenchmarkSuite.wrk(script, server, duration);
		return new RecordedLoad.Measurement(result[0], result[1], result[2], (long) result[3]);
	}

	// Each path must be answered before it is measured. A server that has just started compiles its first plans and
	// JIT-compiles its code while answering, which on a busy machine outlasts the query timeout: those first tries
	// are retried, and only a path that still fails is an error.
	private static void requireOk(BenchServer server, List<String> paths) throws IOException, InterruptedException {
		HttpClient client = HttpClient.newHttpClient();
		for (String path : paths) {
			HttpResponse<String> response = null;
			for (int attempt = 0; attempt < 10; attempt++) {
				response = client.send(HttpRequest.newBuilder(server.base().resolve(path)).build(),
						HttpResponse.BodyHandlers.ofString());
				if (response.statusCode() != 503) {
					break;
				}
			}
			if (response.statusCode() != 200 || !response.body().contains("\"hops\"")) {
				throw new IllegalStateException(path + " answered " + response.statusCode() + ": " + response.body());
			}
		}
	}

	// The requests of docs/load/mixed.lua, so the suite and the hand-run load are the same mix.
	private List<String> mixedLuaRequests() throws IOException {
		String lua = Files.readString(this.mixedScript, StandardCharsets.UTF_8);
		Matcher matcher = Pattern.compile("\"(/[^\"]+)\"").matcher(lua);
		List<String> requests = new ArrayList<>();
		while (matcher.find()) {
			requests.add(matcher.group(1));
		}
		if (requests.isEmpty()) {
			throw new IllegalStateException(this.mixedScript + " lists no requests");
		}
		return requests;
	}

	// The same mix as docs/load/mixed.lua on the synthetic graph: three path questions by names (one shortest, one
	// as of a date), a search, an entity, its depth-2 neighbourhood and timeline, /api/info and the health check.
	private static Workload syntheticWorkload(Driver driver) {
		Map<Integer, List<PathPairs.Pair>> pairs = PathPairs.choose(driver, 3, 5, SEED);
		List<PathPairs.Pair> three = pairs.get(3);
		List<PathPairs.Pair> two = pairs.get(2);
		Map<String, String> names = new LinkedHashMap<>();
		List<String> ids = new ArrayList<>();
		three.forEach(pair -> ids.addAll(List.of(pair.from(), pair.to())));
		two.forEach(pair -> ids.addAll(List.of(pair.from(), pair.to())));
		driver.executableQuery("MATCH (n:Entity) WHERE n.id IN $ids RETURN n.id AS id, n.name AS name")
			.withParameters(Map.of("ids", ids))
			.execute()
			.records()
			.forEach(record -> names.put(record.get("id").asString(), record.get("name").asString()));
		Function<PathPairs.Pair, String> byName = pair -> "/api/paths?from=" + encode(names.get(pair.from())) + "&to="
				+ encode(names.get(pair.to())) + "&maxDepth=3";
		Function<PathPairs.Pair, String> byId = pair -> "/api/paths?from=" + encode(pair.from()) + "&to="
				+ encode(pair.to()) + "&maxDepth=3";
		String entity = encode(three.get(0).from());
		String word = names.get(three.get(0).from()).split(" ")[1].toLowerCase(Locale.ROOT);
		List<String> mixed = List.of(byName.apply(three.get(0)), byName.apply(two.get(0)) + "&mode=shortest",
				byName.apply(three.get(1)) + "&asOf=2025-09-01", "/api/entities?q=" + encode(word),
				"/api/entities/" + entity, "/api/entities/" + entity + "/neighbors?depth=2",
				"/api/entities/" + entity + "/timeline", "/api/info", "/actuator/health");
		return new Workload(mixed, three.stream().map(byName).toList(), three.stream().map(byId).toList());
	}

	private Path storeOfM() throws IOException {
		Path dir = this.work.resolve(SyntheticGraph.Size.M.name());
		Path data = dir.resolve("data");
		Path store = dir.resolve("store");
		if (!Files.isRegularFile(data.resolve("relationships.csv"))) {
			SyntheticGraph.write(SyntheticGraph.Size.M, SEED, data);
		}
		if (!Files.isDirectory(store.resolve("data"))) {
			fresh(store);
			try (BenchEngine engine = BenchEngine.forImport(store)) {
				ImportWorkloads.importer(engine.driver(), data);
			}
		}
		return store;
	}

	private static Path fresh(Path dir) throws IOException {
		FileSystemUtils.deleteRecursively(dir);
		return Files.createDirectories(dir);
	}

	// A wrk script over the paths; "fresh" gives each request another negligible minConfidence (below 0.06; every
	// hop's confidence is above 0.5 in both graphs), so no answer comes from the cache while name resolution does.
	private static Path script(Path dir, String name, List<String> paths, boolean fresh) throws IOException {
		String lua = BenchmarkSuite.lua(paths);
		if (fresh) {
			lua = lua.replace("return wrk.format(\"GET\", requests[(i % #requests) + 1])",
					"return wrk.format(\"GET\", string.format(\"%s&minConfidence=%.12f\", "
							+ "requests[(i % #requests) + 1], (offset + i) * 1e-12))")
				.replace("local i = 0", """
						local i = 0
						-- Each thread starts at its own random offset, so no two requests share a cache key.
						math.randomseed(os.time() + tonumber(tostring({}):match("0x(%x+)") or "0", 16) % 100003)
						local offset = math.random(1, 50000000) * 1000""");
		}
		Path file = dir.resolve(name);
		Files.writeString(file, lua, StandardCharsets.UTF_8);
		return file;
	}

	private void row(String data, String server, String load, List<RecordedLoad.Measurement> runs) {
		this.table.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %s | %d |%n", data, server, load,
				spread(runs, RecordedLoad.Measurement::requestsPerSecond, "%.0f"),
				spread(runs, RecordedLoad.Measurement::p50Millis, "%.1f"),
				spread(runs, RecordedLoad.Measurement::p99Millis, "%.1f"), errors(runs)));
	}

	private void target(String measure, String data, double ratio, String target, boolean pass, long errors) {
		this.targets.add(String.format(Locale.ROOT, "| %s | %s | %.2fx | %s | %s |", measure, data, ratio,
				target + ", zero errors", (pass && errors == 0) ? "pass" : "**miss**"));
	}

	private static String spread(List<RecordedLoad.Measurement> runs,
			java.util.function.ToDoubleFunction<RecordedLoad.Measurement> figure, String pattern) {
		return Spread.of(runs.stream().map(figure::applyAsDouble).toList()).format(pattern);
	}

	private static double median(List<RecordedLoad.Measurement> runs,
			java.util.function.ToDoubleFunction<RecordedLoad.Measurement> figure) {
		return Spread.of(runs.stream().map(figure::applyAsDouble).toList()).median();
	}

	private static long errors(List<RecordedLoad.Measurement> runs) {
		return runs.stream().mapToLong(RecordedLoad.Measurement::errors).sum();
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	private void write(Instant started) throws IOException {
		var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
		String md = """
				# Read throughput

				Written by `./mvnw -Pbench-throughput -DskipTests verify`, run at %s, %d minutes. The whole file is \
				regenerated; the load-test runs of docs/reliability.md are separate.

				## Machine

				- %d cores, %d GB RAM, %s %s; %s %s; wrk with 2 threads and %d connections
				- Load average (1, 5, 15 min): %s. Absolute figures move with whatever else runs on the machine;
				  every target is a ratio of two measurements taken in alternation in the same run.

				## Targets

				| Measure | Data | Figure (ratio of medians) | Target | Result |
				|---|---|---|---|---|
				%s

				## Measurements

				%s
				Each cell: the median of %d runs of %d s with min–max; latency percentiles as wrk reports them (REST) or
				nearest rank over every request of the run (Bolt), from clients on the same machine.
				%s
				## Method

				- **Servers**: the packaged jar in its own process on the store (`BenchServer`), rate limiting off. "Caches
				  off" runs it with `spring.cache.type=none`, so every request reads the graph; "caches on" is the default
				  configuration. Each server is warmed with 5 s of every load before its measured runs.
				- **Data**: the bundled dataset (loaded into a new store on the suite's first start), and the synthetic M
				  graph (`SyntheticGraph`, 100k relationships, seed 42) loaded by the importer.
				- **Mixed load**: on the bundled data, the requests of docs/load/mixed.lua; on M the same mix on synthetic
				  entities (three path questions by names at distances 2 and 3, one of them shortest and one as of a date,
				  a search, an entity, its depth-2 neighbourhood, its timeline, /api/info, the health check).
				- **The same statements over Bolt**: before the servers start, the application runs in the suite's JVM on
				  the same store with its read port wrapped by `RecordingGraphReads`; every request of the load is sent
				  twice and the read transactions of the second (warm) answer are kept: each statement with its exact
				  parameters, grouped by transaction. `RecordedLoad.replay` sends them with the Java driver from 8 client
				  threads (one READ session each, each request's transactions in order, every row materialized as a map):
				  the work the engine would do for a client that wrote the same Cypher itself. Both clients share the server's 2
  cores: wrk is a small C program, the Bolt side is the Java driver decoding and materializing every row, which a
  real client would also pay; with the embedded engine the application runs the same statements in-process, with no
  Bolt encoding at all, which is why it can beat the baseline. Requests that read nothing
				  through the port (the health check) have nothing to replay and are left out of both sides.
				- **Path by names against ids**: the same paths (bundled: H20 to NdPr, maxDepth 3; M: five pairs at
				  distance 3), once named and once by id, measured in alternation. With caches on, each request carries
				  another negligible `minConfidence`, so every path answer is computed while name resolution is cached
				  (how the application runs); with caches off, the names are resolved on every request.
				- **Cached answers** are reported in rows of their own and are in no target.
				""".formatted(started.truncatedTo(ChronoUnit.SECONDS), ChronoUnit.MINUTES.between(started, Instant.now()),
				os.getAvailableProcessors(), os.getTotalMemorySize() / (1024 * 1024 * 1024),
				System.getProperty("os.name"), System.getProperty("os.version"), System.getProperty("java.vm.name"),
				System.getProperty("java.runtime.version"), CONNECTIONS, String.join("; ", this.loads),
				String.join("\n", this.targets), this.table, this.rounds, this.seconds,
				this.notes.isEmpty() ? "" : "\n" + this.notes.stream().map(n -> "- " + n).collect(Collectors.joining("\n"))
						+ "\n");
		Files.writeString(this.report, md, StandardCharsets.UTF_8);
	}

}
