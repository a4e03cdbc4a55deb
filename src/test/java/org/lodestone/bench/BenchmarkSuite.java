package org.lodestone.bench;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.lodestone.export.SnapshotExports;
import org.lodestone.neo4j.GraphReads;
import org.lodestone.synth.SyntheticGraph;
import org.neo4j.driver.Driver;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;

import org.springframework.util.FileSystemUtils;

/**
 * Runs every benchmark of docs/benchmarks.md and rewrites that file: for each synthetic size, import (importer,
 * UNWIND baseline, offline neo4j-admin), export (three formats, null-sink baseline, live heap growth), path latency
 * (REST against Bolt, with plan checks), HTTP throughput with wrk, and startup of the packaged jar; then the same
 * throughput and startup on the bundled data. Started by {@code ./mvnw -Pbench -DskipTests verify}.
 */
public final class BenchmarkSuite {

	private static final long SEED = 42;

	private static final String HAND_WRITTEN = "<!-- hand-written -->";

	private final Map<String, String> args;

	private final Path work;

	private final Path jar;

	private final List<String> targets = new ArrayList<>();

	private final StringBuilder paths = new StringBuilder();

	private final StringBuilder plans = new StringBuilder();

	private final StringBuilder imports = new StringBuilder();

	private final StringBuilder exports = new StringBuilder();

	private final StringBuilder throughput = new StringBuilder();

	private final StringBuilder startup = new StringBuilder();

	private final List<String> loads = new ArrayList<>();

	private final List<String> notes = new ArrayList<>();

	private BenchmarkSuite(Map<String, String> args) {
		this.args = args;
		this.work = Path.of(args.getOrDefault("work", "target/bench")).toAbsolutePath();
		this.jar = Path.of(args.getOrDefault("jar", "target/lodestone-0.1.0-SNAPSHOT.jar")).toAbsolutePath();
	}

	public static void main(String[] arguments) throws Exception {
		Map<String, String> args = new LinkedHashMap<>();
		for (String argument : arguments) {
			int equals = argument.indexOf('=');
			args.put(argument.substring(2, equals), argument.substring(equals + 1));
		}
		new BenchmarkSuite(args).run();
		System.exit(0);
	}

	private void run() throws Exception {
		Instant started = Instant.now();
		List<SyntheticGraph.Size> sizes = new ArrayList<>();
		for (String size : this.args.getOrDefault("sizes", "S,M,L").split(",")) {
			if (!size.isBlank()) {
				sizes.add(SyntheticGraph.Size.valueOf(size.strip().toUpperCase(Locale.ROOT)));
			}
		}
		if (!Files.isRegularFile(this.jar)) {
			throw new IllegalStateException(this.jar + " is missing; run ./mvnw -Pbench -DskipTests verify");
		}
		header(this.paths, "| Size | Mode | Distance | REST p50 ms | Bolt p50 ms | p50 ratio | REST p99 ms | Bolt p99 ms | p99 ratio | Calls per side |",
				"|---|---|---|---|---|---|---|---|---|---|");
		header(this.plans, "| Size | Mode | Operators (root first) | Violations |", "|---|---|---|---|");
		header(this.imports, "| Size | Way | Time s | Relationships/s | Ratio to baseline (throughput) |",
				"|---|---|---|---|---|");
		header(this.exports, "| Size | Way | Time s | Ratio to baseline (throughput) | Output MB | Live heap growth MB |",
				"|---|---|---|---|---|---|");
		header(this.throughput, "| Data | Endpoint | Requests/s | Latency p50 ms | Latency p99 ms | Errors |",
				"|---|---|---|---|---|---|");
		header(this.startup, "| Data | Start | Time to healthy s | RSS MB | Heap used MB |", "|---|---|---|---|---|");
		this.loads.add("start: " + loadAverage());
		bundled();
		write(started, sizes);
		for (SyntheticGraph.Size size : sizes) {
			size(size);
			this.loads.add("after " + size + ": " + loadAverage());
			// Written after every size, so a long run that is stopped still leaves its figures.
			write(started, sizes);
		}
	}

	// The bundled dataset: startup (first start loads it; later starts open the store) and HTTP throughput.
	private void bundled() throws Exception {
		Path store = fresh(this.work.resolve("bundled").resolve("store"));
		List<Double> first = new ArrayList<>();
		List<Double> later = new ArrayList<>();
		long[] memory = new long[2];
		try (BenchServer server = BenchServer.start(this.jar, store, this.work.resolve("bundled/server-0.log"))) {
			first.add(server.startupSeconds());
		}
		for (int i = 1; i <= 2; i++) {
			try (BenchServer server = BenchServer.start(this.jar, store, this.work.resolve("bundled/server-" + i + ".log"))) {
				later.add(server.startupSeconds());
				Thread.sleep(2000);
				memory[0] = Math.max(memory[0], server.residentBytes());
				memory[1] = Math.max(memory[1], server.heapUsedBytes());
				if (i == 2) {
					throughput("bundled", server);
				}
			}
		}
		this.startup.append(row("bundled", "first (loads the data)", Spread.of(first).format("%.1f"), "", ""));
		this.startup.append(row("bundled", "later (store exists)", Spread.of(later).format("%.1f"), mb(memory[0]),
				mb(memory[1])));
	}

	private void size(SyntheticGraph.Size size) throws Exception {
		Path dir = this.work.resolve(size.name());
		Path data = dir.resolve("data");
		if (!Files.isRegularFile(data.resolve("relationships.csv"))) {
			SyntheticGraph.write(size, SEED, data);
		}
		boolean large = size == SyntheticGraph.Size.L;
		importBenchmark(size, data, dir);
		Path store = dir.resolve("store");
		GraphCounts counts;
		if (!Files.isDirectory(store.resolve("data"))) {
			fresh(store);
			try (BenchEngine engine = BenchEngine.forImport(store)) {
				ImportWorkloads.importer(engine.driver(), data);
			}
			catch (RuntimeException ex) {
				// The rest of the benchmarks still need the graph; say so in the report.
				this.notes.add(size + ": the importer failed to load the graph (" + ex.getMessage()
						+ "); the store for the export and path benchmarks was written by the UNWIND baseline.");
				fresh(store);
				try (BenchEngine engine = BenchEngine.forImport(store)) {
					ImportWorkloads.unwind(engine.driver(), data);
				}
			}
		}
		Path pairs = dir.resolve("pairs.txt");
		try (BenchEngine engine = BenchEngine.start(store)) {
			counts = engine.counts();
			PathPairs.write(PathPairs.choose(engine.driver(), 6, 5, SEED), pairs);
			for (PathWorkloads.Query query : PathWorkloads.Query.ALL) {
				List<PathPairs.Pair> one = PathPairs.read(pairs, 1);
				PlanCheck.Result plan = PlanCheck.check(engine.driver(), query.cypher(),
						query.parameters(one.get(0)));
				this.plans.append(row(size.name(), query.mode(), String.join(" ← ",
						plan.operators().stream().map(op -> op.replace("@neo4j", "")).toList()),
						plan.violations().isEmpty() ? "none" : String.join("; ", plan.violations())));
				this.targets.add(row("Plan check", size.name(), query.mode(), plan.violations().isEmpty() ? "clean" : "violations",
						"no exhaustive fallback, no unbounded expansion", pass(plan.violations().isEmpty())));
			}
			adminImport(size, engine.reads(), dir);
		}
		try {
			exportBenchmark(size, store, counts);
		}
		catch (RuntimeException ex) {
			this.notes.add(size + ": the export benchmark failed: " + ex);
		}
		try (BenchServer server = BenchServer.start(this.jar, store, dir.resolve("server.log"))) {
			Thread.sleep(2000);
			this.startup.append(row(size.name() + " (" + counts.relationships() + " relationships)",
					"store exists", String.format(Locale.ROOT, "%.1f (n=1)", server.startupSeconds()),
					mb(server.residentBytes()), mb(server.heapUsedBytes())));
			try {
				pathBenchmark(size, server, pairs);
			}
			catch (RuntimeException ex) {
				this.notes.add(size + ": the path benchmark failed: " + ex);
			}
			if (size == SyntheticGraph.Size.M) {
				throughput(size.name(), server);
			}
		}
		if (large) {
			// The L store is large; keep the data files so a rerun skips generation.
			FileSystemUtils.deleteRecursively(store);
		}
	}

	private void importBenchmark(SyntheticGraph.Size size, Path data, Path dir) throws Exception {
		// An S import takes a few seconds, so its first loads still run partly interpreted: in a probe the importer
		// took 16.1, 4.7, 4.5, 3.8, 3.1, 3.4 and 2.9 s in a row. L's transactional loads take over two minutes each,
		// long enough to warm up within; its offline load takes 20-40 s and is 40% slower in a cold JVM.
		int warmUps = switch (size) {
			case S -> 3;
			case M -> 2;
			case L -> 1;
		};
		String warmUpWays = (size == SyntheticGraph.Size.L) ? InterleavedImport.Way.OFFLINE.name()
				: String.join(",", Arrays.stream(InterleavedImport.Way.values()).map(Enum::name).toList());
		int rounds = switch (size) {
			case S -> 5;
			case M -> 4;
			case L -> 3;
		};
		Path output = dir.resolve("import-timings.txt");
		List<String> command = List.of(java(), "-Xmx6g", "-cp", System.getProperty("java.class.path"),
				InterleavedImport.class.getName(), data.toString(), dir.resolve("import-stores").toString(),
				Integer.toString(warmUps), warmUpWays, Integer.toString(rounds), output.toString());
		Process process = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(dir.resolve("import.log").toFile())
			.start();
		boolean finished = process.waitFor(120, TimeUnit.MINUTES);
		Map<InterleavedImport.Way, List<Double>> seconds = new EnumMap<>(InterleavedImport.Way.class);
		List<Double> engineStarts = new ArrayList<>();
		List<Double> coldOffline = new ArrayList<>();
		for (InterleavedImport.Timing timing : Files.isRegularFile(output) ? InterleavedImport.read(output)
				: List.<InterleavedImport.Timing>of()) {
			if (timing.warmUp()) {
				if (timing.way() == InterleavedImport.Way.OFFLINE && timing.round() == 0) {
					coldOffline.add(timing.seconds());
				}
				continue;
			}
			seconds.computeIfAbsent(timing.way(), way -> new ArrayList<>()).add(timing.seconds());
			if (timing.way() == InterleavedImport.Way.OFFLINE) {
				engineStarts.add(timing.engineStartSeconds());
			}
		}
		if (!finished || process.exitValue() != 0 || seconds.size() < InterleavedImport.Way.values().length) {
			process.destroyForcibly();
			this.notes.add(size + ": the import benchmark failed; see " + dir.resolve("import.log"));
			this.targets.add(row("Import, importer / baseline throughput", size.name(), "failed", "≥ 0.8x", pass(false)));
			return;
		}
		double relationships = size.relationships();
		Spread baseline = Spread.of(seconds.get(InterleavedImport.Way.BASELINE));
		for (InterleavedImport.Way way : InterleavedImport.Way.values()) {
			Spread spread = Spread.of(seconds.get(way));
			double ratio = baseline.median() / spread.median();
			this.imports.append(row(size.name(), way.label(), spread.format("%.2f"),
					spread.inverse(relationships).format("%.0f"),
					(way == InterleavedImport.Way.BASELINE) ? "1" : String.format(Locale.ROOT, "%.3f", ratio)));
		}
		Spread engineStart = Spread.of(engineStarts);
		this.imports.append(row(size.name(), "(engine start between the offline load and the index build, not in its time)",
				engineStart.format("%.2f"), "", ""));
		if (!coldOffline.isEmpty()) {
			this.imports.append(row(size.name(), "Lodestone first start, first load in a cold JVM (warm-up, not in the figures above)",
					String.format(Locale.ROOT, "%.2f (n=1)", coldOffline.get(0)),
					String.format(Locale.ROOT, "%.0f (n=1)", relationships / coldOffline.get(0)), ""));
		}
		Spread importer = Spread.of(seconds.get(InterleavedImport.Way.IMPORTER));
		double ratio = baseline.median() / importer.median();
		this.targets.add(row("Import, importer / baseline throughput", size.name(),
				String.format(Locale.ROOT, "%.3fx", ratio), "≥ 0.8x", pass(ratio >= 0.8)));
		if (size == SyntheticGraph.Size.L) {
			Spread offline = Spread.of(seconds.get(InterleavedImport.Way.OFFLINE));
			double rate = relationships / offline.median();
			this.targets.add(row("Import relationships/s, first start (offline into a new store)", size.name(),
					String.format(Locale.ROOT, "%.0f", rate), "≥ 40000", pass(rate >= 40_000)));
			double withStart = relationships / (offline.median() + engineStart.median());
			this.targets.add(row("Import relationships/s, first start counting the engine start too", size.name(),
					String.format(Locale.ROOT, "%.0f", withStart), "≥ 40000", pass(withStart >= 40_000)));
			this.targets.add(row("Import relationships/s, importer into a running engine (one transaction)", size.name(),
					String.format(Locale.ROOT, "%.0f", relationships / importer.median()), "≥ 40000",
					pass(relationships / importer.median() >= 40_000)));
		}
	}

	// The offline importer on the CSV export of the same graph, as Neo4jAdminImportIT runs it.
	private void adminImport(SyntheticGraph.Size size, GraphReads reads, Path dir) throws Exception {
		ByteArrayOutputStream zip = new ByteArrayOutputStream();
		SnapshotExports.exportCsv(reads, zip);
		List<Double> seconds = new ArrayList<>();
		int runs = (size == SyntheticGraph.Size.L) ? 1 : 3;
		for (int i = 0; i < runs; i++) {
			Path home = fresh(dir.resolve("neo4j-admin"));
			Path importDir = Files.createDirectories(home.resolve("import"));
			unzip(zip.toByteArray(), importDir);
			Files.createDirectories(home.resolve("conf"));
			Files.writeString(home.resolve("conf").resolve("neo4j.conf"), "");
			List<String> command = new ArrayList<>(List.of(java(), "-cp", System.getProperty("java.class.path"),
					"org.neo4j.cli.AdminTool"));
			command.addAll(SnapshotExports.adminImportArguments(importDir));
			// In the throwaway home, so the import.report neo4j-admin writes to its working directory goes with it.
			ProcessBuilder builder = new ProcessBuilder(command).directory(home.toFile())
				.redirectErrorStream(true)
				.redirectOutput(dir.resolve("neo4j-admin.log").toFile());
			builder.environment().put("NEO4J_HOME", home.toString());
			builder.environment().put("NEO4J_CONF", home.resolve("conf").toString());
			long start = System.nanoTime();
			Process process = builder.start();
			if (!process.waitFor(30, TimeUnit.MINUTES) || process.exitValue() != 0
					|| !Files.readString(dir.resolve("neo4j-admin.log")).contains("IMPORT DONE")) {
				throw new IllegalStateException("neo4j-admin import failed; see " + dir.resolve("neo4j-admin.log"));
			}
			seconds.add((System.nanoTime() - start) / 1e9);
			FileSystemUtils.deleteRecursively(home);
		}
		Spread spread = Spread.of(seconds);
		this.imports.append(row(size.name(), "offline `neo4j-admin database import full` of the CSV export (JVM start included)",
				spread.format("%.2f"), spread.inverse(size.relationships()).format("%.0f"), "n/a (offline)"));
	}

	private void exportBenchmark(SyntheticGraph.Size size, Path store, GraphCounts counts) throws Exception {
		// An S export takes 0.15-0.6 s, so it is still warming up after 3 single-shot iterations: in a probe, GraphML
		// took 604, 279 and 161 ms as medians of three rounds of seven exports in a row, and the previous run measured
		// S at 0.3-0.6 s with a collection in every export. S gets ten warm-ups and ten measured exports.
		int iterations = switch (size) {
			case S -> 10;
			case M -> 4;
			case L -> 3;
		};
		int warmups = (size == SyntheticGraph.Size.S) ? 10 : 3;
		ChainedOptionsBuilder options = new OptionsBuilder().include("^" + ExportBenchmark.class.getName() + "\\.")
			.param("store", store.toString())
			.warmupIterations(warmups)
			.measurementIterations(iterations)
			.forks(1)
			.jvmArgsAppend("-Xmx2g");
		Map<String, Spread> seconds = new LinkedHashMap<>();
		for (RunResult result : new Runner(options.build()).run()) {
			seconds.put(result.getParams().getParam("format"), samples(result, 1e-3));
		}
		Map<String, long[]> heap = heapProbe(store, "-Xmx1g");
		long live = heap.get(ExportBenchmark.BASELINE)[0];
		long limit = live + 256L * 1024 * 1024;
		boolean proven = heapProbeSucceeds(store, "-Xmx" + (limit / (1024 * 1024)) + "m");
		Spread baseline = seconds.get(ExportBenchmark.BASELINE);
		Map<String, Long> chars = new LinkedHashMap<>();
		try (BenchEngine engine = BenchEngine.start(store)) {
			for (ExportWorkloads.Format format : ExportWorkloads.Format.values()) {
				chars.put(format.name().toLowerCase(Locale.ROOT), ExportWorkloads.export(engine.reads(), format).chars());
			}
		}
		for (Map.Entry<String, Spread> entry : seconds.entrySet()) {
			String name = entry.getKey();
			long[] probe = heap.get(name);
			double growth = (probe[1] - probe[0]) / 1048576.0;
			double ratio = baseline.median() / entry.getValue().median();
			boolean isBaseline = name.equals(ExportBenchmark.BASELINE);
			this.exports.append(row(size.name(), isBaseline ? "null-sink baseline (driver)" : name,
					entry.getValue().format("%.2f"), isBaseline ? "1" : String.format(Locale.ROOT, "%.2f", ratio),
					isBaseline ? "" : String.format(Locale.ROOT, "%.1f", chars.get(name) / 1048576.0),
					String.format(Locale.ROOT, "%.0f", growth)));
			if (!isBaseline) {
				this.targets.add(row("Export " + name + ", throughput / baseline", size.name(),
						String.format(Locale.ROOT, "%.2fx", ratio), "≥ 0.6x", pass(ratio >= 0.6)));
				if (size == SyntheticGraph.Size.L) {
					this.targets.add(row("Export " + name + ", live heap growth", size.name(),
							String.format(Locale.ROOT, "%.0f MB", growth), "< 256 MB", pass(growth < 256)));
				}
			}
		}
		this.exports.append("\n").append(size.name()).append(": live heap before the exports ")
			.append(mb(live)).append(" MB (").append(counts.nodes()).append(" nodes, ").append(counts.relationships())
			.append(" relationships); every export ")
			.append(proven ? "completed" : "did NOT complete")
			.append(" again in a JVM capped at that plus 256 MB (-Xmx").append(limit / (1024 * 1024)).append("m).\n\n");
		if (size == SyntheticGraph.Size.L) {
			this.targets.add(row("Export, all formats in live heap + 256 MB", size.name(), proven ? "completed" : "failed",
					"completes", pass(proven)));
		}
	}

	private Map<String, long[]> heapProbe(Path store, String xmx) throws Exception {
		List<String> command = List.of(java(), xmx, "-cp", System.getProperty("java.class.path"),
				ExportHeapProbe.class.getName(), store.toString());
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		if (process.waitFor() != 0) {
			throw new IllegalStateException("heap probe failed:\n" + output);
		}
		Map<String, long[]> probes = new LinkedHashMap<>();
		output.lines().filter(line -> line.startsWith("probe ")).forEach(line -> {
			String[] parts = line.split(" ");
			probes.put(parts[1], new long[] { Long.parseLong(parts[2]), Long.parseLong(parts[3]) });
		});
		return probes;
	}

	private boolean heapProbeSucceeds(Path store, String xmx) {
		try {
			return heapProbe(store, xmx).size() == 4;
		}
		catch (Exception ex) {
			System.err.println(ex.getMessage());
			return false;
		}
	}

	private void pathBenchmark(SyntheticGraph.Size size, BenchServer server, Path pairs) throws Exception {
		boolean large = size == SyntheticGraph.Size.L;
		try (Driver driver = server.driver()) {
			InterleavedPathLatency latency = new InterleavedPathLatency(
					HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build(), server.base(), driver);
			// The server has just started: without this, the first distance measured would also time its JIT.
			List<PathPairs.Pair> near = new ArrayList<>();
			for (int d = 1; d <= 4; d++) {
				near.addAll(PathPairs.read(pairs, d));
			}
			latency.warmUp(PathWorkloads.Query.of("shortest"), near, Duration.ofSeconds(15));
			for (PathWorkloads.Query query : PathWorkloads.Query.ALL) {
				if (large && !query.mode().equals("shortest")) {
					continue;
				}
				int deepest = large ? 4 : query.maxDepth();
				List<Integer> distances = new ArrayList<>();
				for (int d = 1; d <= deepest; d++) {
					distances.add(d);
				}
				if (!large) {
					distances.add(PathPairs.UNREACHABLE);
				}
				for (int distance : distances) {
					List<PathPairs.Pair> chosen = PathPairs.read(pairs, distance);
					if (!chosen.isEmpty()) {
						pathLatency(size, latency, query, distance, chosen);
					}
				}
			}
		}
	}

	private void pathLatency(SyntheticGraph.Size size, InterleavedPathLatency latency, PathWorkloads.Query query,
			int distance, List<PathPairs.Pair> chosen) {
		boolean large = size == SyntheticGraph.Size.L;
		String label = (distance == PathPairs.UNREACHABLE) ? "unreachable" : Integer.toString(distance);
		String shape = query.mode() + " (maxDepth " + query.maxDepth() + ")";
		InterleavedPathLatency.Latency measured;
		try {
			measured = latency.measure(query, chosen, InterleavedPathLatency.Settings.SUITE);
		}
		catch (RuntimeException ex) {
			// A query timeout (answered with 503 over REST) or a wrong answer leaves no figure for this row.
			this.paths.append(row(size.name(), shape, label, "failed", "failed", "", "", "", "", ""));
			this.targets.add(row("Path " + query.mode() + ", REST p50 / Bolt p50", size.name() + ", distance " + label,
					"failed", "≤ 1.2x", pass(false)));
			this.notes.add(size + ": " + query.mode() + " at distance " + label + ": " + ex.getMessage());
			return;
		}
		double ratio50 = measured.restP50().median() / measured.boltP50().median();
		double ratio99 = measured.restP99().median() / measured.boltP99().median();
		this.paths.append(row(size.name(), shape, label, measured.restP50().format("%.2f"),
				measured.boltP50().format("%.2f"), String.format(Locale.ROOT, "%.2f", ratio50),
				measured.restP99().format("%.2f"), measured.boltP99().format("%.2f"),
				String.format(Locale.ROOT, "%.2f", ratio99), Integer.toString(measured.samples())));
		this.targets.add(row("Path " + query.mode() + ", REST p50 / Bolt p50", size.name() + ", distance " + label,
				String.format(Locale.ROOT, "%.2fx", ratio50), "≤ 1.2x", pass(ratio50 <= 1.2)));
		if (large) {
			this.targets.add(row("Path shortest, REST p50", size.name() + ", distance " + label,
					String.format(Locale.ROOT, "%.2f ms", measured.restP50().median()), "≤ 10 ms",
					pass(measured.restP50().median() <= 10)));
		}
	}

	// wrk: entity lookups by id, and shortest paths between pairs at distances 1 to 4, each three times.
	private void throughput(String data, BenchServer server) throws Exception {
		Path dir = Files.createDirectories(this.work.resolve("wrk"));
		List<String> entities = new ArrayList<>();
		List<String> shortest = new ArrayList<>();
		try (Driver driver = server.driver()) {
			driver.executableQuery("MATCH (n:Entity) RETURN n.id AS id ORDER BY id").execute().records()
				.forEach(record -> entities.add(record.get("id").asString()));
			PathPairs.choose(driver, 4, 5, SEED).forEach((distance, list) -> {
				if (distance > 0) {
					list.forEach(pair -> shortest.add("/api/paths?mode=shortest&maxDepth=6&from="
							+ encode(pair.from()) + "&to=" + encode(pair.to())));
				}
			});
		}
		List<String> lookups = new ArrayList<>();
		for (int i = 0; i < 200 && !entities.isEmpty(); i++) {
			lookups.add("/api/entities/" + encode(entities.get((int) ((i * 7919L) % entities.size()))));
		}
		Map<String, List<String>> endpoints = new LinkedHashMap<>();
		endpoints.put("GET /api/entities/{id}", lookups);
		endpoints.put("GET /api/paths?mode=shortest (distances 1–4)", shortest);
		for (Map.Entry<String, List<String>> endpoint : endpoints.entrySet()) {
			Path script = dir.resolve("requests.lua");
			Files.writeString(script, lua(endpoint.getValue()));
			List<Double> rates = new ArrayList<>();
			List<Double> p50 = new ArrayList<>();
			List<Double> p99 = new ArrayList<>();
			long errors = 0;
			// One warm-up run, not reported.
			wrk(script, server, 5);
			for (int i = 0; i < 3; i++) {
				double[] result = wrk(script, server, 10);
				rates.add(result[0]);
				p50.add(result[1]);
				p99.add(result[2]);
				errors += (long) result[3];
			}
			this.throughput.append(row(data, endpoint.getKey(), Spread.of(rates).format("%.0f"),
					Spread.of(p50).format("%.1f"), Spread.of(p99).format("%.1f"), Long.toString(errors)));
			this.targets.add(row("HTTP throughput " + endpoint.getKey(), data,
					Spread.of(rates).format("%.0f") + " req/s", "zero errors", pass(errors == 0)));
		}
	}

	static String lua(List<String> paths) {
		String list = paths.stream().map(path -> "  \"" + path + "\",").collect(Collectors.joining("\n"));
		return """
				-- Written by BenchmarkSuite: cycles through these requests.
				local requests = {
				%s
				}
				local i = 0
				request = function()
				  i = i + 1
				  return wrk.format("GET", requests[(i %% #requests) + 1])
				end
				done = function(summary, latency, requests)
				  io.write(string.format("result %%.1f %%.3f %%.3f %%d\\n",
				    summary.requests / (summary.duration / 1000000), latency:percentile(50) / 1000,
				    latency:percentile(99) / 1000, summary.errors.status + summary.errors.connect
				    + summary.errors.read + summary.errors.write + summary.errors.timeout))
				end
				""".formatted(list);
	}

	static double[] wrk(Path script, BenchServer server, int seconds) throws Exception {
		Process process = new ProcessBuilder("wrk", "-t2", "-c8", "-d" + seconds + "s", "--timeout", "10s", "-s",
				script.toString(), server.base().toString())
			.redirectErrorStream(true)
			.start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		process.waitFor();
		String line = output.lines().filter(l -> l.startsWith("result ")).findFirst()
			.orElseThrow(() -> new IllegalStateException("wrk failed:\n" + output));
		String[] parts = line.split(" ");
		return new double[] { Double.parseDouble(parts[1]), Double.parseDouble(parts[2]), Double.parseDouble(parts[3]),
				Double.parseDouble(parts[4]) };
	}

	private void write(Instant started, List<SyntheticGraph.Size> sizes) throws IOException {
		Path report = Path.of(this.args.getOrDefault("report", "docs/benchmarks.md"));
		String notes = "";
		if (Files.isRegularFile(report)) {
			String old = Files.readString(report);
			int from = old.indexOf(HAND_WRITTEN);
			int to = old.lastIndexOf(HAND_WRITTEN);
			if (from >= 0 && to > from) {
				notes = old.substring(from, to + HAND_WRITTEN.length());
			}
		}
		if (notes.isEmpty()) {
			notes = HAND_WRITTEN + "\n## Findings, changes, before and after\n\n(None yet.)\n" + HAND_WRITTEN;
		}
		long minutes = ChronoUnit.MINUTES.between(started, Instant.now());
		var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
		StringBuilder md = new StringBuilder();
		md.append("# Benchmarks\n\n")
			.append("Written by `./mvnw -Pbench -DskipTests verify` (sizes ")
			.append(sizes.stream().map(Enum::name).collect(Collectors.joining(",")))
			.append("), run at ").append(started.truncatedTo(ChronoUnit.SECONDS)).append(", ")
			.append(minutes).append(" minutes. Everything outside the hand-written section is regenerated; ")
			.append("see [Method](#method).\n\n");
		md.append("## Machine\n\n")
			.append("- ").append(os.getAvailableProcessors()).append(" cores, ")
			.append(os.getTotalMemorySize() / (1024 * 1024 * 1024)).append(" GB RAM, ")
			.append(System.getProperty("os.name")).append(' ').append(System.getProperty("os.version")).append(", host ")
			.append(InetAddress.getLocalHost().getHostName()).append('\n')
			.append("- ").append(System.getProperty("java.vm.name")).append(' ').append(System.getProperty("java.runtime.version"))
			.append("; Neo4j ").append(org.neo4j.kernel.internal.Version.getNeo4jVersion()).append(" embedded; wrk ")
			.append(wrkVersion()).append('\n')
			.append("- Load average (1, 5, 15 min) during the run: ").append(String.join("; ", this.loads))
			.append(". The machine is shared with other builds, so absolute figures move between runs; ")
			.append("ratios compare measurements of the same run (path latency: call by call; import: way after way; export: minutes apart).\n\n");
		md.append(method());
		md.append("## Targets\n\n| Measure | Where | Figure (median) | Target | Result |\n|---|---|---|---|---|\n");
		this.targets.forEach(md::append);
		md.append("\n## Path queries: REST against Bolt\n\n").append(this.paths)
			.append("\nLatency in ms from a client on the same machine, one request at a time, REST and Bolt in ")
			.append("alternation. Each cell: the median over 3 measurement iterations of that iteration's percentile ")
			.append("(nearest rank), with the min–max over iterations.\n");
		md.append("\n### Plan checks\n\n").append(this.plans);
		md.append("\n## Import\n\n").append(this.imports);
		md.append("\n## Export\n\n").append(this.exports);
		md.append("\n## HTTP throughput (wrk)\n\n").append(this.throughput)
			.append("\n`wrk -t2 -c8 -d10s`, after a 5 s warm-up, three runs; each cell the median with min–max over ")
			.append("runs; errors are non-2xx answers plus socket errors, summed over the runs.\n");
		md.append("\n## Startup and memory of the embedded mode\n\n").append(this.startup)
			.append("\nTime from launching `java -jar` to `/actuator/health` answering UP; RSS from /proc and the ")
			.append("heap in use (Micrometer's jvm.memory.used, area heap) 2 s after that, default JVM flags.\n\n");
		if (!this.notes.isEmpty()) {
			md.append("## Problems during this run\n\n");
			this.notes.forEach(note -> md.append("- ").append(note).append('\n'));
			md.append('\n');
		}
		md.append(notes).append('\n');
		Files.writeString(report, md.toString());
		System.out.println("Wrote " + report.toAbsolutePath());
	}

	private static String method() {
		return """
				## Method

				- Data: `SyntheticGraph` with seed 42 at S (10k relationships), M (100k) and L (1M), written as data/ CSV
				  files and loaded by the real importer. Benchmark code: `src/test/java/org/lodestone/bench`; it runs with the
				  test suite as a smoke test (`BenchmarkWorkloadsIT`, `PathBenchmarkIT`) so it cannot rot.
				- Export is measured with JMH 1.37 (one fork per benchmark, single-shot iterations). Import is measured
				  by `InterleavedImport` and path latency by `InterleavedPathLatency`, which alternate the ways compared
				  in one JVM (below). HTTP throughput is measured with wrk.
				- **Import**: a child JVM (-Xmx6g) loads the data/ files into a new store each way in turn, the order
				  turning every round, so the ways share the machine's load changes; every load starts from the files on
				  disk and must store every relationship. Importer and baseline run on a fresh embedded engine
				  (Lodestone's defaults: 256 MB page cache; 4 GB transaction memory instead of 512 MB, as the README
				  advises for large imports, since L's one transaction needs it) with the schema applied, and their time
				  excludes the engine's start. Importer: read and validate (`GraphImporter.read`), then `importDataset`
				  (one transaction). Baseline: the same files parsed by `DatasetReader`, then plain
				  `UNWIND $rows ... MERGE` batches of 10,000 rows, one transaction each. First start: what the application
				  does when its engine creates a new store: read and validate, `OfflineImport` (Neo4j's batch importer)
				  into the store files, then, once the engine runs, the schema applied and its indexes built; its time is
				  the read, the import and the index build, and the engine's start between them is reported on its own
				  row. Warm-up rounds (not reported) before the measured ones: S 3 and 5 measured, M 2 and 4, L 1 (first
				  start only; its figure, in a cold JVM, is reported apart) and 3. neo4j-admin: the graph's CSV export
				  (`Neo4jAdminCsvExporter`) loaded by `neo4j-admin database import full` in a child JVM.
				- **Export**: the whole graph through `StoredGraphSnapshot` and the GraphML, GEXF and JSON exporters into a
				  writer that only counts characters; the snapshot reads in-process, as the application does with its
				  embedded engine. Baseline: `MATCH (n) WHERE n:Entity OR n:Source RETURN n` (the current graph, not the
				  recorded history beside it) and `MATCH ()-[r]->() RETURN r` with the driver in one read transaction, every
				  record dropped. Each invocation checks every node and relationship was written.
				  Warm-ups and measured exports per workload: S 10 and 10, M 3 and 4, L 3 and 3.
				  Heap: a separate JVM (-Xmx1g) with the engine exports after a warm-up; the figure is the largest heap
				  occupancy left by any garbage collection during an export minus the live heap after a full GC before it
				  (an upper bound: young collections also count old-generation garbage). Then every export runs again in a
				  JVM capped at that live heap plus 256 MB.
				- **Path queries**: the packaged jar runs on the store. Pairs: entity ids sorted; a random generator (seed
				  42) picks a start among entities with a relationship; a breadth-first search over the undirected graph
				  gives every entity's distance; the generator picks one entity at each distance 1–6 and one unreachable;
				  repeated until there are 5 pairs per distance (`PathPairs`). REST: `GET /api/paths?from=&to=&mode=&k=&maxDepth=`
				  with `java.net.http`; with the embedded engine the application runs the statement in-process. Bolt: the
				  same Cypher (`PathStatement.cypher`: the search, the candidates ranked and cut to k, those paths projected to
				  plain values with their sources, linkage flag and ends, one statement) with the same parameters through
				  the Java driver, one auto-commit statement in a read session, every value materialized. Shortest (k=1)
				  and k-shortest (k=5) use maxDepth 6; all paths (k=5) use maxDepth 4 (so distances 5 and 6 are not
				  asked). On L only shortest paths at distances 1–4 are measured. Timing: one client thread sends a
				  REST request and the Bolt statement for the same pair, one right after the other, then moves to the
				  next pair at that distance; the order flips every step. JMH was not used here because it runs each
				  method in its own fork after the other, so REST and Bolt were measured a minute apart and the load of
				  a shared machine changed in between. Every step also checks REST and Bolt gave the same paths. After
				  the server starts, 15 s of untimed shortest-path queries at distances 1–4; then per row a 2 s
				  warm-up and 3 measured iterations, each at least 4 s and 20 steps and a whole number of rounds
				  over the row's pairs (their costs can differ a hundredfold, so each must weigh the same). Plans: `EXPLAIN` of each query; an
				  exhaustive fallback behind a shortest-path search, an expansion without an upper bound, or a scan to
				  find an end (instead of a seek on the unique id index) is a violation.
				- Ratios are Lodestone over baseline for latency and Lodestone throughput over baseline throughput for
				  import and export, each from medians of the same run.

				""";
	}

	private static Spread samples(RunResult result, double scale) {
		List<Double> values = new ArrayList<>();
		for (BenchmarkResult benchmark : result.getBenchmarkResults()) {
			for (IterationResult iteration : benchmark.getIterationResults()) {
				values.add(iteration.getPrimaryResult().getScore() * scale);
			}
		}
		return Spread.of(values);
	}

	private static void header(StringBuilder table, String names, String rule) {
		table.append(names).append('\n').append(rule).append('\n');
	}

	private static String row(String... cells) {
		return "| " + String.join(" | ", cells) + " |\n";
	}

	private static String pass(boolean passed) {
		return passed ? "pass" : "**miss**";
	}

	private static String mb(long bytes) {
		return (bytes < 0) ? "n/a" : String.format(Locale.ROOT, "%.0f", bytes / 1048576.0);
	}

	private static String encode(String value) {
		return java.net.URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	private static String java() {
		return Path.of(System.getProperty("java.home"), "bin", "java").toString();
	}

	static String loadAverage() {
		try {
			String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
			return parts[0] + ", " + parts[1] + ", " + parts[2];
		}
		catch (IOException ex) {
			return "n/a";
		}
	}

	private static String wrkVersion() {
		try {
			Process process = new ProcessBuilder("wrk", "-v").redirectErrorStream(true).start();
			String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			process.waitFor();
			return output.lines().findFirst().orElse("?").replaceAll("\\s*Copyright.*", "");
		}
		catch (IOException | InterruptedException ex) {
			return "n/a";
		}
	}

	private static Path fresh(Path directory) throws IOException {
		FileSystemUtils.deleteRecursively(directory);
		return Files.createDirectories(directory);
	}

	private static void unzip(byte[] zip, Path directory) throws IOException {
		try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
			for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
				try (OutputStream out = Files.newOutputStream(directory.resolve(entry.getName()))) {
					in.transferTo(out);
				}
			}
		}
	}

}
