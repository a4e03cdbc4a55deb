package org.lodestone.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

import org.lodestone.ingest.Dataset;
import org.lodestone.ingest.DatasetFile;
import org.lodestone.ingest.DatasetGraph;
import org.lodestone.ingest.DatasetReader;
import org.lodestone.ingest.FirstStartHistory;
import org.lodestone.ingest.GraphImporter;
import org.lodestone.ingest.ImportOptions;
import org.lodestone.ingest.ImportProgress;
import org.lodestone.ingest.ImportReport;
import org.lodestone.ingest.KnownIds;
import org.lodestone.ingest.RecordedGraphs;
import org.lodestone.neo4j.GraphReads;
import org.lodestone.neo4j.OfflineImport;
import org.lodestone.neo4j.ScopedGraphReads;
import org.lodestone.synth.SyntheticGraph;
import org.neo4j.driver.Session;

import org.springframework.util.FileSystemUtils;
import org.springframework.util.unit.DataSize;

/**
 * Issue 20's cost of recorded history, measured in one run per graph: the current-graph path query on a store WITH
 * history (first-start versions, then a few correcting imports) against the same current graph in a store WITHOUT
 * history nodes, timed call by call in alternation from one client (target: at most 1.1x), and the same question at
 * a {@code knownAt} before the last correction, answered by the recorded graph's replica (its cold rebuild timed
 * apart). Then each side under a few concurrent clients, and what recording costs an import. Rewrites
 * docs/history-benchmark.md. Started by {@code ./mvnw -Pbench-history -DskipTests verify}
 * ({@code -Dbench.history.sizes=bundled,M,L}).
 */
public final class HistorySuite {

	private static final long SEED = 42;

	private static final String APPLICATION = "lodestone-bench-history";

	private static final Duration TIMEOUT = Duration.ofSeconds(60);

	// Correcting imports after the first start, and the share of relationships each corrects.
	private static final int CORRECTIONS = 3;

	private static final int CORRECTED_PER_IMPORT = 1_000;

	private static final int CLIENTS = 4;

	private final Path work;

	private final Path report;

	private final List<String> sizes;

	private final int seconds;

	private final int iterations;

	private final StringBuilder latency = new StringBuilder();

	private final StringBuilder throughput = new StringBuilder();

	private final StringBuilder costs = new StringBuilder();

	private final List<String> notes = new ArrayList<>();

	private HistorySuite(Map<String, String> args) {
		this.work = Path.of(args.getOrDefault("work", "target/bench-history")).toAbsolutePath();
		this.report = Path.of(args.getOrDefault("report", "docs/history-benchmark.md"));
		this.sizes = List.of(args.getOrDefault("sizes", "bundled,M,L").split(","));
		this.seconds = Integer.parseInt(args.getOrDefault("seconds", "4"));
		this.iterations = Integer.parseInt(args.getOrDefault("iterations", "3"));
	}

	public static void main(String[] arguments) throws Exception {
		Map<String, String> args = new LinkedHashMap<>();
		for (String argument : arguments) {
			int equals = argument.indexOf('=');
			args.put(argument.substring(2, equals), argument.substring(equals + 1));
		}
		new HistorySuite(args).run();
		System.exit(0);
	}

	private void run() throws Exception {
		FileSystemUtils.deleteRecursively(this.work);
		Files.createDirectories(this.work);
		for (String size : this.sizes) {
			measure(size.strip());
		}
		if (!this.sizes.contains("M") || !this.sizes.contains("L")) {
			this.notes.add("This run measured " + String.join(", ", this.sizes) + " only; issue 20's target is on M and"
					+ " L: `./mvnw -Pbench-history -DskipTests verify` measures bundled, M and L.");
		}
		write();
	}

	private void measure(String size) throws Exception {
		Path data = this.work.resolve(size + "-data");
		if (size.equals("bundled")) {
			data = Path.of("data").toAbsolutePath();
		}
		else {
			SyntheticGraph.write(SyntheticGraph.Size.valueOf(size), SEED, data);
		}
		Dataset dataset = DatasetReader.read(DatasetFile.fromDirectory(data), KnownIds.NONE, Long.MAX_VALUE);
		DatasetGraph graph = new DatasetGraph(dataset);
		Path plainStore = this.work.resolve(size + "-without-history");
		Path recordedStore = this.work.resolve(size + "-with-history");
		// The first start, offline, without and with the versions it records; a load into a scratch store first, so
		// neither of the two measured pays for the JIT warming up.
		Path scratch = this.work.resolve(size + "-warm-up");
		OfflineImport.load(scratch, graph);
		FileSystemUtils.deleteRecursively(scratch);
		OfflineImport.Result plainLoad = OfflineImport.load(plainStore, graph);
		OfflineImport.Result recordedLoad = OfflineImport.load(recordedStore, new FirstStartHistory(graph,
				OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS)));
		try (BenchEngine plain = BenchEngine.withoutSchema(plainStore);
				BenchEngine recorded = BenchEngine.withoutSchema(recordedStore)) {
			plain.applySchema();
			recorded.applySchema();
			GraphImporter plainImporter = new GraphImporter(plain.driver(), Duration.ofMinutes(30), DataSize.ofGigabytes(1));
			GraphImporter recordedImporter = new GraphImporter(recorded.driver(), Duration.ofMinutes(30),
					DataSize.ofGigabytes(1));
			// The same corrections on both stores, so both hold the same current graph; the plain one then loses its
			// history nodes.
			List<Instant> changes = new ArrayList<>();
			List<Double> importWith = new ArrayList<>();
			for (int i = 0; i < CORRECTIONS; i++) {
				Dataset correction = correction(dataset, i);
				ImportOptions options = new ImportOptions("bench", "benchmark correction " + (i + 1), false, List.of(),
						false);
				plainImporter.importDataset(correction, options, ImportProgress.NONE);
				ImportReport report = recordedImporter.importDataset(correction, options, ImportProgress.NONE);
				changes.add(report.recordedAt().toInstant());
				importWith.add(report.took().toNanos() / 1e6);
			}
			dropHistory(plain);
			long historyNodes = historyNodes(recorded);
			GraphCounts counts = recorded.counts();

			ScopedGraphReads live = new ScopedGraphReads(recorded.reads());
			GraphReads without = plain.reads();
			RecordedGraphs graphs = new RecordedGraphs(live, 2, "256m", this.work.resolve(size + "-replicas")
				.toString(), Duration.ofMinutes(30), Duration.ofMinutes(30));
			try {
				// Before the second correction: neither the live graph nor the first start's.
				Instant knownAt = changes.get(0).plusMillis(1);
				List<PathPairs.Pair> pairs = new ArrayList<>();
				PathPairs.choose(recorded.driver(), 4, 5, SEED).values().forEach(pairs::addAll);
				PathWorkloads.Query query = PathWorkloads.Query.of("k-shortest");
				String cypher = query.cypher();
				long cold = System.nanoTime();
				graphs.read(knownAt, () -> live.single(cypher, query.parameters(pairs.get(0)), TIMEOUT, APPLICATION));
				double rebuild = (System.nanoTime() - cold) / 1e6;

				Map<String, Side> sides = new LinkedHashMap<>();
				sides.put("without", pair -> without.single(cypher, query.parameters(pair), TIMEOUT, APPLICATION));
				sides.put("with", pair -> live.single(cypher, query.parameters(pair), TIMEOUT, APPLICATION));
				sides.put("knownAt", pair -> graphs.read(knownAt,
						() -> live.single(cypher, query.parameters(pair), TIMEOUT, APPLICATION)));
				Map<String, List<double[]>> figures = interleaved(sides, pairs);
				row(size, counts, historyNodes, figures, rebuild);
				// Rounds of every side in a turning order, as for latency, so a busy moment does not land on one side.
				Map<String, List<Double>> rates = new LinkedHashMap<>();
				sides.keySet().forEach(name -> rates.put(name, new ArrayList<>()));
				List<Double> ratios = new ArrayList<>();
				for (int round = 0; round < this.iterations; round++) {
					List<String> order = new ArrayList<>(sides.keySet());
					Collections.rotate(order, round);
					for (String name : order) {
						rates.get(name).add(concurrent(sides.get(name), pairs));
					}
					int last = rates.get("with").size() - 1;
					ratios.add(rates.get("without").get(last) / rates.get("with").get(last));
				}
				this.throughput.append(String.format(Locale.ROOT, "| %s | %d | %s | %s | %s | %s |%n", size, CLIENTS,
						Spread.of(rates.get("without")).format("%,.0f"), Spread.of(rates.get("with")).format("%,.0f"),
						Spread.of(ratios).format("%.2fx"), Spread.of(rates.get("knownAt")).format("%,.0f")));
				this.costs.append(String.format(Locale.ROOT, "| %s | %,d ms | %,d ms | %s ms |%n", size,
						plainLoad.took().toMillis(), recordedLoad.took().toMillis(),
						Spread.of(importWith).format("%,.0f")));
			}
			finally {
				graphs.destroy();
			}
		}
		FileSystemUtils.deleteRecursively(plainStore);
		FileSystemUtils.deleteRecursively(recordedStore);
	}

	// Relationships CORRECTED_PER_IMPORT apart in the dataset's order, each with its confidence lowered a little.
	private static Dataset correction(Dataset dataset, int round) {
		List<Dataset.Relationship> all = dataset.relationships();
		int count = Math.min(CORRECTED_PER_IMPORT, Math.max(1, all.size() / 20));
		List<Dataset.Relationship> corrected = new ArrayList<>();
		int step = Math.max(1, all.size() / count);
		for (int i = round; i < all.size() && corrected.size() < count; i += step) {
			Dataset.Relationship r = all.get(i);
			double confidence = Math.round(((r.confidence() >= 0.5) ? r.confidence() - 0.01 * (round + 1)
					: r.confidence() + 0.01 * (round + 1)) * 1000) / 1000.0;
			corrected.add(new Dataset.Relationship(r.from(), r.type(), r.to(), r.validFrom(), r.validTo(), confidence,
					r.sources(), r.quote(), r.share(), r.note(), r.precision(), r.basis()));
		}
		return new Dataset(List.of(), List.of(), corrected);
	}

	private static void dropHistory(BenchEngine engine) {
		try (Session session = engine.driver().session()) {
			session.run("MATCH (n) WHERE n:Version OR n:Change OR n:ChangeLog "
					+ "CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS").consume();
			if (historyNodes(engine) != 0) {
				throw new IllegalStateException("The store without history still holds history nodes");
			}
		}
	}

	private static long historyNodes(BenchEngine engine) {
		try (Session session = engine.driver().session()) {
			return session.run("MATCH (n) WHERE n:Version OR n:Change OR n:ChangeLog RETURN count(n) AS n")
				.single().get("n").asLong();
		}
	}

	@FunctionalInterface
	private interface Side {

		Object ask(PathPairs.Pair pair);

	}

	// Per side, per iteration: {median, p95} in ms. Each step asks every side the same pair, in an order that turns.
	private Map<String, List<double[]>> interleaved(Map<String, Side> sides, List<PathPairs.Pair> pairs) {
		List<String> names = new ArrayList<>(sides.keySet());
		Map<String, List<double[]>> figures = new LinkedHashMap<>();
		names.forEach(name -> figures.put(name, new ArrayList<>()));
		for (int iteration = -1; iteration < this.iterations; iteration++) {
			Map<String, List<Double>> times = new LinkedHashMap<>();
			names.forEach(name -> times.put(name, new ArrayList<>()));
			long end = System.nanoTime() + Duration.ofSeconds(this.seconds).toNanos();
			int step = 0;
			while (System.nanoTime() < end || step < pairs.size()) {
				PathPairs.Pair pair = pairs.get(step % pairs.size());
				List<String> order = new ArrayList<>(names);
				Collections.rotate(order, step);
				Object first = null;
				for (String name : order) {
					long started = System.nanoTime();
					Object answer = sides.get(name).ask(pair);
					times.get(name).add((System.nanoTime() - started) / 1e6);
					if (!name.equals("knownAt")) {
						answer = comparable(answer);
						if (first != null && !first.equals(answer)) {
							throw new IllegalStateException("The stores with and without history answered "
									+ pair + " differently: " + first + " against " + answer);
						}
						first = answer;
					}
				}
				step++;
			}
			if (iteration >= 0) {
				times.forEach((name, list) -> figures.get(name).add(new double[] { percentile(list, 50),
						percentile(list, 95), list.size() }));
			}
		}
		return figures;
	}

	// What two stores holding the same graph must agree on: how many paths, and how long each is. Which of several
	// equally short, equally ranked paths make the k is not compared: the SHORTEST k selector takes its candidates
	// among ties in the order it meets them, which follows each store's layout (the store with history holds its
	// version nodes between the entities), and the cited sources and ends follow the paths.
	@SuppressWarnings("unchecked")
	private static Object comparable(Object answer) {
		if (!(answer instanceof Map<?, ?> row) || !(row.get("paths") instanceof List<?> paths)) {
			return answer;
		}
		return paths.stream().map(path -> ((List<?>) ((Map<String, Object>) path).get("hops")).size()).toList();
	}

	private double concurrent(Side side, List<PathPairs.Pair> pairs) throws Exception {
		ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
		try {
			AtomicLong done = new AtomicLong();
			long end = System.nanoTime() + Duration.ofSeconds(this.seconds).toNanos();
			List<Future<?>> running = new ArrayList<>();
			for (int c = 0; c < CLIENTS; c++) {
				int offset = c;
				running.add(clients.submit(() -> {
					int i = offset;
					while (System.nanoTime() < end) {
						side.ask(pairs.get(i++ % pairs.size()));
						done.incrementAndGet();
					}
				}));
			}
			long started = System.nanoTime();
			for (Future<?> future : running) {
				future.get();
			}
			return done.get() / ((System.nanoTime() - started + 1) / 1e9);
		}
		finally {
			clients.shutdownNow();
		}
	}

	private void row(String size, GraphCounts counts, long historyNodes, Map<String, List<double[]>> figures,
			double rebuild) {
		List<Double> ratios = new ArrayList<>();
		List<double[]> without = figures.get("without");
		List<double[]> with = figures.get("with");
		for (int i = 0; i < without.size(); i++) {
			ratios.add(with.get(i)[0] / without.get(i)[0]);
		}
		this.latency.append(String.format(Locale.ROOT,
				"| %s | %,d / %,d | %,d | %s / %s | %s / %s | %s | %s / %s | %,.0f ms | %,d |%n", size, counts.nodes(),
				counts.relationships(), historyNodes, column(without, 0), column(without, 1), column(with, 0),
				column(with, 1), Spread.of(ratios).format("%.2fx"), column(figures.get("knownAt"), 0),
				column(figures.get("knownAt"), 1), rebuild, (long) without.stream().mapToDouble(f -> f[2]).sum()));
	}

	private static String column(List<double[]> figures, int index) {
		List<Double> values = new ArrayList<>();
		figures.forEach(f -> values.add(f[index]));
		return Spread.of(values).format("%.2f");
	}

	private static double percentile(List<Double> values, int percentile) {
		List<Double> sorted = new ArrayList<>(values);
		Collections.sort(sorted);
		int index = (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1;
		return sorted.get(Math.max(0, index));
	}

	private void write() throws IOException {
		String machine = Runtime.getRuntime().availableProcessors() + " cores, "
				+ DataSize.ofBytes(Runtime.getRuntime().maxMemory()).toMegabytes() + " MB heap, Java "
				+ System.getProperty("java.version") + ", " + ManagementFactory.getOperatingSystemMXBean().getName();
		String text = """
				# Recorded history: what it costs a read

				Written by `bench.HistorySuite` (`./mvnw -Pbench-history -DskipTests verify`, sizes with
				`-Dbench.history.sizes=bundled,M,L`) on %s, %s. Issue 20's targets: the current-graph path query on a
				store with recorded history at most 1.1x of the same graph without it; `knownAt` path latency reported
				beside it.

				## Method

				Per graph (the bundled data, or the synthetic M and L of `synth.SyntheticGraph`, seed 42), two stores
				are loaded offline from the same dataset: one as a first start now loads it, with an open `:Version`
				per element and the first `:Change`; one without them. Both then take the same %d correcting imports
				through `GraphImporter` (each lowers or raises the confidence of up to %,d relationships, with a
				reason), after which every `:Version`, `:Change` and `:ChangeLog` node is deleted from the second: the
				two hold the same current graph, one with its history beside it. The query is the API's default
				k-shortest path search (`PathStatement`, k 5, 6 hops) between pairs 1 to 4 hops apart and unreachable
				ones (`bench.PathPairs`), run in-process through `GraphReads` as the application runs it. One client
				asks each pair of every side in turn, the order turning every step so no side always runs on another's
				warmed caches, and checks that both current-graph sides gave the same paths; a warm-up round is not
				reported, then %d rounds of at least %d s each give one median and one p95 per side (tables: median
				of the rounds [min, max]). `knownAt` asks the same question at an instant after the first correction
				and before the second, through `RecordedGraphs` (which resolves the change, leases the replica and
				runs the query on it); its first call, which rebuilds the replica, is timed apart as the cold rebuild.
				Then each side alone under %d concurrent clients for %d s, in the same number of rounds, the order
				turning every round (median of the rounds [min, max]).

				## Single-client latency, ms (median / p95)

				| Graph | Entities+sources / relationships | History nodes | Without history | With history | With ÷ without (medians) | knownAt (warm replica) | knownAt cold rebuild | Calls per side |
				|---|---|---|---|---|---|---|---|---|
				%s
				## Throughput under %d concurrent clients, queries/s

				| Graph | Clients | Without history | With history | Without ÷ with | knownAt (warm replica) |
				|---|---|---|---|---|---|
				%s
				## What recording costs a load and an import

				| Graph | First-start offline load without versions | With versions | Each correcting import (versions recorded; median [min, max]) |
				|---|---|---|---|
				%s
				%s
				""".formatted(machine, Instant.now().truncatedTo(ChronoUnit.SECONDS), CORRECTIONS,
				CORRECTED_PER_IMPORT, this.iterations, this.seconds, CLIENTS, this.seconds, this.latency, CLIENTS,
				this.throughput, this.costs, String.join("\n", this.notes));
		Files.createDirectories(this.report.toAbsolutePath().getParent());
		Files.writeString(this.report, text);
		System.out.println(text);
	}

}
