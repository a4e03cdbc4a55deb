package org.lodestone.bench;

import java.io.IOException;
import java.nio.file.Files;
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
import org.springframework.util.FileSystemUtils;

/**
 * Import of a data/ directory into a fresh, empty store per measurement: the importer against the UNWIND baseline.
 * Each iteration checks that every relationship of the files landed.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class ImportBenchmark {

	/** The data/ directory to import. */
	@Param("")
	public String data;

	/** Where the throwaway stores go. */
	@Param("")
	public String work;

	private long expected;

	private Path store;

	private BenchEngine engine;

	private long written;

	@Setup(Level.Trial)
	public void countRows() throws IOException {
		try (var lines = Files.lines(Path.of(this.data, "relationships.csv"))) {
			this.expected = lines.count() - 1;
		}
	}

	@Setup(Level.Iteration)
	public void emptyStore() throws IOException {
		Files.createDirectories(Path.of(this.work));
		this.store = Files.createTempDirectory(Path.of(this.work), "import-");
		this.engine = BenchEngine.forImport(this.store);
	}

	@Benchmark
	public long importer() throws IOException {
		this.written = ImportWorkloads.importer(this.engine.driver(), Path.of(this.data));
		return this.written;
	}

	@Benchmark
	public long unwind() throws IOException {
		this.written = ImportWorkloads.unwind(this.engine.driver(), Path.of(this.data));
		return this.written;
	}

	BenchEngine engine() {
		return this.engine;
	}

	@TearDown(Level.Iteration)
	public void checkAndDrop() throws IOException {
		try {
			long stored = this.engine.counts().relationships();
			if (this.written != this.expected || stored != this.expected) {
				throw new IllegalStateException("expected " + this.expected + " relationships, wrote " + this.written
						+ ", stored " + stored);
			}
		}
		finally {
			this.engine.close();
			FileSystemUtils.deleteRecursively(this.store);
		}
	}

}
