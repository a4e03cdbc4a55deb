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
		StoredGraph imported;
		StoredGraph baseline;
		try (BenchEngine engine = BenchEngine.start(TestStores.create("bench-importer"))) {
			assertThat(ImportWorkloads.importer(engine.driver(), data)).isEqualTo(RELATIONSHIPS);
			imported = StoredGraph.read(engine.driver());
		}
		try (BenchEngine engine = BenchEngine.start(TestStores.create("bench-unwind"))) {
			assertThat(ImportWorkloads.unwind(engine.driver(), data)).isEqualTo(RELATIONSHIPS);
			baseline = StoredGraph.read(engine.driver());
		}
		assertThat(imported.edges()).hasSize(RELATIONSHIPS);
		assertThat(baseline).isEqualTo(imported);
	}

	@Test
	void theImportBenchmarkChecksEveryRelationshipLanded() throws Exception {
		ImportBenchmark benchmark = new ImportBenchmark();
		benchmark.data = data.toString();
		benchmark.work = TestStores.create("bench-import").toString();
		benchmark.countRows();
		for (boolean importer : new boolean[] { true, false }) {
			benchmark.emptyStore();
			long written = importer ? benchmark.importer() : benchmark.unwind();
			benchmark.checkAndDrop();
			assertThat(written).isEqualTo(RELATIONSHIPS);
		}
	}

	@Test
	void everyExportWritesWhatTheNullSinkBaselineReads() throws Exception {
		Path store = TestStores.create("bench-export");
		GraphCounts stored;
		try (BenchEngine engine = BenchEngine.start(store)) {
			ImportWorkloads.importer(engine.driver(), data);
			stored = engine.counts();
			assertThat(ExportWorkloads.nullSink(engine.driver())).isEqualTo(stored);
			for (ExportWorkloads.Format format : ExportWorkloads.Format.values()) {
				ExportWorkloads.Written written = ExportWorkloads.export(engine.driver(), format);
				assertThat(new GraphCounts(written.nodes(), written.relationships())).as(format.label()).isEqualTo(stored);
				assertThat(written.chars()).as(format.label()).isGreaterThan(100L * stored.relationships());
			}
		}
		assertThat(stored.relationships()).isEqualTo(RELATIONSHIPS);
		ExportBenchmark benchmark = new ExportBenchmark();
		benchmark.store = store.toString();
		for (String format : new String[] { ExportBenchmark.BASELINE, "graphml", "gexf", "json" }) {
			benchmark.format = format;
			benchmark.open();
			try {
				assertThat(benchmark.export()).isEqualTo(stored);
			}
			finally {
				benchmark.close();
			}
		}
	}

}
