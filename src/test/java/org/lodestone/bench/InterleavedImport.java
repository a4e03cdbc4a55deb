package org.lodestone.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;

import org.lodestone.ingest.DatasetFile;
import org.lodestone.ingest.DatasetGraph;
import org.lodestone.ingest.DatasetReader;
import org.lodestone.ingest.KnownIds;
import org.lodestone.neo4j.OfflineImport;

import org.springframework.util.FileSystemUtils;

/**
 * Loads a data/ directory into new stores every way Lodestone can, way after way in one JVM, the order turning every
 * round, so load changes on a shared machine fall on all ways alike (JMH ran each way in a fork of its own, minutes
 * apart, and the ratio moved with them: docs/benchmarks.md). Every load starts from the files on disk and must store
 * every relationship of them.
 */
public final class InterleavedImport {

	/**
	 * A way to load the files into a new store.
	 */
	public enum Way {

		/** The UNWIND baseline: the parsed rows written with plain driver batches, each in its own transaction. */
		BASELINE("UNWIND baseline (driver, " + ImportWorkloads.BATCH + "-row batches)"),

		/** Lodestone's importer into the running engine: validation, one all-or-nothing transaction. */
		IMPORTER("Lodestone importer (running engine, one transaction)"),

		/**
		 * Lodestone's first start: validation, the offline batch import into the new store, then the indexes built
		 * once the engine runs. The engine's own start is timed apart.
		 */
		OFFLINE("Lodestone first start (offline into a new store, indexes built after)");

		private final String label;

		Way(String label) {
			this.label = label;
		}

		/**
		 * @return how the report names this way
		 */
		public String label() {
			return this.label;
		}

		/**
		 * @param data a data/ directory
		 * @param store a new store directory
		 * @return the started engine on the loaded store and how long the load took
		 * @throws IOException when the files cannot be read
		 */
		public Loaded load(Path data, Path store) throws IOException {
			if (this == OFFLINE) {
				long started = System.nanoTime();
				DatasetGraph graph = new DatasetGraph(DatasetReader.read(DatasetFile.fromDirectory(data),
						KnownIds.NONE, 1L << 30));
				OfflineImport.load(store, graph);
				long loaded = System.nanoTime();
				BenchEngine engine = BenchEngine.withoutSchema(store);
				long running = System.nanoTime();
				engine.applySchema();
				long indexed = System.nanoTime();
				return new Loaded(engine, ((loaded - started) + (indexed - running)) / 1e9, (running - loaded) / 1e9);
			}
			BenchEngine engine = BenchEngine.forImport(store);
			try {
				long started = System.nanoTime();
				if (this == IMPORTER) {
					ImportWorkloads.importer(engine.driver(), data);
				}
				else {
					ImportWorkloads.unwind(engine.driver(), data);
				}
				return new Loaded(engine, (System.nanoTime() - started) / 1e9, 0);
			}
			catch (IOException | RuntimeException ex) {
				engine.close();
				throw ex;
			}
		}

	}

	/**
	 * A loaded store.
	 *
	 * @param engine the engine running on it
	 * @param seconds how long the load took, from the files to a graph with its indexes online
	 * @param engineStartSeconds for the offline way, how long the engine took to start in between (not in seconds)
	 */
	public record Loaded(BenchEngine engine, double seconds, double engineStartSeconds) implements AutoCloseable {

		@Override
		public void close() {
			this.engine.close();
		}

	}

	/**
	 * One timed load.
	 *
	 * @param way the way
	 * @param round the round, from 0; warm-up rounds come first
	 * @param warmUp whether the round was a warm-up, not reported
	 * @param seconds the load's time
	 * @param engineStartSeconds the engine start in between, for the offline way
	 */
	public record Timing(Way way, int round, boolean warmUp, double seconds, double engineStartSeconds) {

		String line() {
			return String.format(Locale.ROOT, "%s %d %s %.4f %.4f", this.way, this.round, this.warmUp, this.seconds,
					this.engineStartSeconds);
		}

		static Timing parse(String line) {
			String[] fields = line.strip().split(" ");
			return new Timing(Way.valueOf(fields[0]), Integer.parseInt(fields[1]), Boolean.parseBoolean(fields[2]),
					Double.parseDouble(fields[3]), Double.parseDouble(fields[4]));
		}

	}

	private InterleavedImport() {
	}

	/**
	 * @param data a data/ directory
	 * @param work where the throwaway stores go
	 * @param warmUps rounds run first and not reported
	 * @param warmUpWays the ways the warm-up rounds run
	 * @param rounds reported rounds, every way once each
	 * @param report told of every timing as it is taken
	 * @return every timing, warm-ups included
	 * @throws IOException when the files cannot be read
	 * @throws IllegalStateException when a way does not store every relationship of the files
	 */
	public static List<Timing> run(Path data, Path work, int warmUps, Set<Way> warmUpWays, int rounds,
			Consumer<Timing> report) throws IOException {
		long expected;
		try (var lines = Files.lines(data.resolve("relationships.csv"))) {
			expected = lines.count() - 1;
		}
		List<Timing> timings = new ArrayList<>();
		for (int round = 0; round < warmUps + rounds; round++) {
			boolean warmUp = round < warmUps;
			List<Way> order = new ArrayList<>(List.of(Way.values()));
			Collections.rotate(order, round);
			for (Way way : order) {
				if (warmUp && !warmUpWays.contains(way)) {
					continue;
				}
				Files.createDirectories(work);
				Path store = Files.createTempDirectory(work, way.name().toLowerCase(Locale.ROOT) + "-");
				try (Loaded loaded = way.load(data, store)) {
					long stored = loaded.engine().counts().relationships();
					if (stored != expected) {
						throw new IllegalStateException(way + " stored " + stored + " relationships of " + expected);
					}
					Timing timing = new Timing(way, round, warmUp, loaded.seconds(), loaded.engineStartSeconds());
					timings.add(timing);
					report.accept(timing);
				}
				finally {
					FileSystemUtils.deleteRecursively(store);
				}
			}
		}
		return timings;
	}

	/**
	 * Runs in a JVM of its own, so every size starts with the same heap: {@code data work warmUps warmUpWays rounds
	 * output}, with the ways comma-separated; writes one line per timing to the output file.
	 * @param args the arguments
	 * @throws IOException when a file cannot be read or written
	 */
	public static void main(String[] args) throws IOException {
		Set<Way> warmUpWays = EnumSet.noneOf(Way.class);
		for (String way : args[3].split(",")) {
			if (!way.isBlank()) {
				warmUpWays.add(Way.valueOf(way));
			}
		}
		Path output = Path.of(args[5]);
		Files.deleteIfExists(output);
		run(Path.of(args[0]), Path.of(args[1]), Integer.parseInt(args[2]), warmUpWays, Integer.parseInt(args[4]),
				timing -> {
					System.out.println(timing.line());
					try {
						Files.writeString(output, timing.line() + "\n", StandardOpenOption.CREATE,
								StandardOpenOption.APPEND);
					}
					catch (IOException ex) {
						throw new UncheckedIOException(ex);
					}
				});
		// The engines' background threads are gone, but a stray non-daemon one must not hold the suite up.
		System.exit(0);
	}

	/**
	 * @param output the file {@link #main} wrote
	 * @return its timings
	 * @throws IOException when it cannot be read
	 */
	public static List<Timing> read(Path output) throws IOException {
		return Files.readAllLines(output).stream().filter(line -> !line.isBlank()).map(Timing::parse).toList();
	}

}
