package org.lodestone.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

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
 * Export of the whole stored graph: each format against the null-sink baseline, on the same store. Every invocation
 * checks that every node and relationship was written.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class ExportBenchmark {

	/** The name of the baseline among the formats. */
	public static final String BASELINE = "null-sink";

	/** A store written by the importer. */
	@Param("")
	public String store;

	/** {@value #BASELINE}, graphml, gexf or json. */
	@Param({ BASELINE, "graphml", "gexf", "json" })
	public String format;

	private BenchEngine engine;

	private GraphCounts expected;

	@Setup(Level.Trial)
	public void open() {
		this.engine = BenchEngine.start(Path.of(this.store));
		this.expected = this.engine.counts();
	}

	@Benchmark
	public GraphCounts export() throws IOException {
		GraphCounts written;
		if (this.format.equals(BASELINE)) {
			written = ExportWorkloads.nullSink(this.engine.driver());
		}
		else {
			ExportWorkloads.Written out = ExportWorkloads.export(this.engine.reads(),
					ExportWorkloads.Format.of(this.format));
			written = new GraphCounts(out.nodes(), out.relationships());
		}
		if (!written.equals(this.expected)) {
			throw new IllegalStateException(this.format + " wrote " + written + ", the store holds " + this.expected);
		}
		return written;
	}

	BenchEngine engine() {
		return this.engine;
	}

	@TearDown(Level.Trial)
	public void close() {
		this.engine.close();
	}

}
