package org.lodestone.bench;

import java.nio.file.Path;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lodestone.support.StoredGraph;
import org.lodestone.support.TestStores;
import org.lodestone.synth.SyntheticGraph;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A small run of the import and export benchmarks on a tiny synthetic graph, so the benchmark code cannot rot: the
 * JMH states and methods run as plain calls, and their baselines must write and read exactly what Lodestone does.
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
	void theImporterAndTheUnwindBaselineStoreTheSameGraph() throws Exception {
		ImportBenchmark benchmark = new ImportBenchmark();
		benchmark.data = data.toString();
		benchmark.work = TestStores.create("bench-import").toString();
		benchmark.countRows();

		benchmark.emptyStore();
		assertThat(benchmark.importer()).isEqualTo(RELATIONSHIPS);
		StoredGraph imported = StoredGraph.read(benchmark.engine().driver());
		benchmark.checkAndDrop();

		benchmark.emptyStore();
		assertThat(benchmark.unwind()).isEqualTo(RELATIONSHIPS);
		StoredGraph baseline = StoredGraph.read(benchmark.engine().driver());
		benchmark.checkAndDrop();

		assertThat(imported.edges()).hasSize(RELATIONSHIPS);
		assertThat(baseline).isEqualTo(imported);
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
				ExportWorkloads.Written written = ExportWorkloads.export(benchmark.engine().driver(), format);
				assertThat(written.chars()).as(format.label()).isGreaterThan(100L * stored.relationships());
			}
		}
		finally {
			benchmark.close();
		}
	}

}
