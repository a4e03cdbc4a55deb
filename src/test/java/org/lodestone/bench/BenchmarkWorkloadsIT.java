package org.lodestone.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.EnumSet;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lodestone.support.StoredGraph;
import org.lodestone.support.TestStores;
import org.lodestone.synth.SyntheticGraph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A small run of the import and export benchmarks on a tiny synthetic graph, so the benchmark code cannot rot: the
 * import harness and the JMH export states run as plain calls, and their baselines must write and read exactly what
 * Lodestone does.
 * Correctness only; nothing here is timed.
 */
class BenchmarkWorkloadsIT {

	private static final int RELATIONSHIPS = 1_500;

	private static Path data;

	@BeforeAll
	static void generate() throws Exception {
		data = TestStores.create("bench-data");
		SyntheticGraph.write(RELATIONSHIPS, 7, data);
	}

	@Test
	void everyImportWayStoresTheSameGraph() throws Exception {
		StoredGraph importer = stored(InterleavedImport.Way.IMPORTER);
		assertThat(importer.edges()).hasSize(RELATIONSHIPS);
		assertThat(stored(InterleavedImport.Way.BASELINE)).isEqualTo(importer);
		assertThat(stored(InterleavedImport.Way.OFFLINE)).isEqualTo(importer);
	}

	@Test
	void theInterleavedImportRunsEveryWayEveryRoundInTurningOrder() throws Exception {
		List<InterleavedImport.Timing> timings = InterleavedImport.run(data, TestStores.create("bench-rounds"), 1,
				EnumSet.of(InterleavedImport.Way.OFFLINE), 2, timing -> {
				});
		assertThat(timings).extracting(InterleavedImport.Timing::way)
			.containsExactly(InterleavedImport.Way.OFFLINE, InterleavedImport.Way.OFFLINE,
					InterleavedImport.Way.BASELINE, InterleavedImport.Way.IMPORTER, InterleavedImport.Way.IMPORTER,
					InterleavedImport.Way.OFFLINE, InterleavedImport.Way.BASELINE);
		assertThat(timings).extracting(InterleavedImport.Timing::warmUp)
			.containsExactly(true, false, false, false, false, false, false);
		assertThat(timings).allSatisfy(timing -> assertThat(timing.seconds()).isPositive());
		assertThat(timings).filteredOn(timing -> timing.way() == InterleavedImport.Way.OFFLINE)
			.allSatisfy(timing -> assertThat(timing.engineStartSeconds()).isPositive());
	}

	@Test
	void theInterleavedImportFailsWhenAWayDoesNotStoreEveryRelationship() throws Exception {
		Path doubled = TestStores.create("bench-doubled");
		for (String file : List.of("sources.csv", "entities.csv")) {
			Files.copy(data.resolve(file), doubled.resolve(file));
		}
		// A blank last line: the reader skips it, but the harness counts it as one more relationship than any way
		// can store, as if a way had lost one.
		List<String> lines = Files.readAllLines(data.resolve("relationships.csv"));
		Files.write(doubled.resolve("relationships.csv"), lines);
		Files.writeString(doubled.resolve("relationships.csv"), "\n", StandardOpenOption.APPEND);
		assertThatThrownBy(() -> InterleavedImport.run(doubled, TestStores.create("bench-short"), 0,
				EnumSet.noneOf(InterleavedImport.Way.class), 1, timing -> {
				}))
			.isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("stored " + RELATIONSHIPS + " relationships of " + (RELATIONSHIPS + 1));
	}

	private static StoredGraph stored(InterleavedImport.Way way) throws Exception {
		try (InterleavedImport.Loaded loaded = way.load(data, TestStores.create("bench-" + way))) {
			return StoredGraph.read(loaded.engine().driver());
		}
	}

	@Test
	void pathQueriesSeekTheirEndsByIdRightAfterAnImport() throws Exception {
		// Large enough that, without replanning after the import, the planner (seeing an id index that still
		// looked empty) mostly chose to scan every entity for the ends.
		Path larger = TestStores.create("bench-replan-data");
		SyntheticGraph.write(5_000, 7, larger);
		try (BenchEngine engine = BenchEngine.start(TestStores.create("bench-replan"))) {
			PathPairs.Pair pair = new PathPairs.Pair("company:none", "mineral:none", PathPairs.UNREACHABLE);
			// Planned and cached while the graph is empty, as a health check or a Browser user could before the
			// first start's import lands.
			for (PathWorkloads.Query query : PathWorkloads.Query.ALL) {
				assertThat(PathWorkloads.bolt(engine.driver(), query.cypher(), query.parameters(pair))).isEmpty();
			}
			ImportWorkloads.importer(engine.driver(), larger);
			List<PathPairs.Pair> pairs = PathPairs.choose(engine.driver(), 3, 1, 7).get(2);
			for (PathWorkloads.Query query : PathWorkloads.Query.ALL) {
				PlanCheck.Result plan = PlanCheck.check(engine.driver(), query.cypher(),
						query.parameters(pairs.get(0)));
				assertThat(plan.violations()).as(query + " " + plan.operators()).isEmpty();
				assertThat(plan.operators()).as(query.mode()).contains("NodeUniqueIndexSeek@neo4j");
			}
		}
	}

	@Test
	void everyExportWritesWhatTheNullSinkBaselineReads() throws Exception {
		Path store = TestStores.create("bench-export");
		try (BenchEngine engine = BenchEngine.start(store)) {
			ImportWorkloads.importer(engine.driver(), data);
		}
		ExportBenchmark benchmark = new ExportBenchmark();
		benchmark.store = store.toString();
		benchmark.format = ExportBenchmark.BASELINE;
		benchmark.open();
		try {
			GraphCounts stored = benchmark.engine().counts();
			assertThat(stored.relationships()).isEqualTo(RELATIONSHIPS);
			for (String format : new String[] { ExportBenchmark.BASELINE, "graphml", "gexf", "json" }) {
				benchmark.format = format;
				assertThat(benchmark.export()).as(format).isEqualTo(stored);
			}
			for (ExportWorkloads.Format format : ExportWorkloads.Format.values()) {
				ExportWorkloads.Written written = ExportWorkloads.export(benchmark.engine().reads(), format);
				assertThat(written.chars()).as(format.label()).isGreaterThan(100L * stored.relationships());
			}
		}
		finally {
			benchmark.close();
		}
	}

}
