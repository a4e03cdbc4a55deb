package org.lodestone.ingest;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.lodestone.LodestoneApplication;
import org.lodestone.neo4j.EmbeddedNeo4j;
import org.lodestone.neo4j.EmbeddedNeo4jProperties;
import org.lodestone.neo4j.Neo4jSchema;
import org.lodestone.support.BundledData;
import org.lodestone.support.FreePorts;
import org.lodestone.support.StoredGraph;
import org.lodestone.support.TestCredentials;
import org.lodestone.support.TestStores;
import org.neo4j.configuration.Config;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.consistency.ConsistencyCheckService;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.io.layout.Neo4jLayout;
import org.neo4j.logging.NullLogProvider;

import org.springframework.util.FileSystemUtils;
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * SIGKILLs forked imports at seeded points over an import's whole life (before its transaction opens, early, midway
 * and late in its rows, around the commit and after it), restarts the engine on each killed store and checks that
 * recovery left either the graph from before the import or the one after it, never a mix, that a reported commit
 * (the command's "Committed:" line, an HTTP 2xx) is never lost, and that Neo4j's consistency checker finds the store
 * clean.
 * <p>
 * The seed is {@value #DEFAULT_SEED} unless {@code -Dlodestone.kill.seed=<n>} picks others. Where each kill lands
 * depends on the machine's speed, so which of the two graphs a point finds may vary between runs; that some points
 * find each is certain, because some kill before the transaction opens and some after the commit was reported.
 */
// kill -9 of forked JVMs mid-import: a durability test, left out of -Pfast (README).
@Tag("durability")
class ImportKillIT {

	private static final long DEFAULT_SEED = 5L;

	private static final long SEED = Long.getLong("lodestone.kill.seed", DEFAULT_SEED);

	// Sized so one import takes a few seconds: long enough to be killed at many places, short enough for 20 forks.
	private static final int ENTITIES_BEFORE = 1_250;

	private static final int ENTITIES = 2_500;

	private static final int RELATIONSHIPS = 5_500;

	private static final Duration MARKER_TIMEOUT = Duration.ofMinutes(5);

	private static Path work;

	private static Path dataset;

	private static Path before;

	private static String preHash;

	private static String postHash;

	@BeforeAll
	static void storesBeforeAndAfterTheImport() throws Exception {
		work = TestStores.create("kill");
		dataset = writeDataset(work.resolve("dataset"), "", ENTITIES, RELATIONSHIPS);
		// The graph before the import: the bundled dataset, and half the synthetic entities under older names, so
		// the import both updates nodes and creates nodes and relationships.
		before = work.resolve("before");
		try (Engine engine = Engine.start(before)) {
			engine.applySchema();
			engine.importFiles(BundledData.DIRECTORY);
			engine.importFiles(writeDataset(work.resolve("older"), " (older name)", ENTITIES_BEFORE, 0));
			preHash = engine.hash();
		}
		assertConsistent(before);
		Path after = copy(before, work.resolve("after"));
		try (Engine engine = Engine.start(after)) {
			engine.importFiles(dataset);
			postHash = engine.hash();
		}
		assertConsistent(after);
		assertThat(postHash).as("the import changes the graph").isNotEqualTo(preHash);
	}

	@AfterAll
	static void removeStores() throws IOException {
		// Each killed store is removed once checked; what remains are the baselines.
		if (work != null) {
			FileSystemUtils.deleteRecursively(work);
		}
	}

	@Test
	void everyKillDuringAnImportLeavesTheOldOrTheNewGraphAndAConsistentStore() throws Exception {
		List<KillPoint> points = importKillPoints(new Random(SEED));
		List<Observation> observations = new ArrayList<>();
		// The next process starts (JVM, engine) while this one imports and its killed store is checked; it imports
		// only when told, once this thread watches its output, so where a kill lands does not depend on the overlap.
		// More than one ahead only made the processes compete for the two cores.
		Deque<Forked> starting = new ArrayDeque<>();
		try {
			for (int i = 0; i < points.size(); i++) {
				while (starting.size() < 2 && i + starting.size() < points.size()) {
					starting.add(importFork(points.get(i + starting.size())));
				}
				KillPoint point = points.get(i);
				Forked forked = starting.remove();
				try {
					forked.await(line -> line.equals(KillableImport.ENGINE_UP));
					forked.go();
					point.aim(forked);
				}
				finally {
					forked.kill();
				}
				observations.add(observe(point, forked, forked.printed(KillableImport.COMMITTED), preHash, postHash));
			}
		}
		finally {
			starting.forEach(forked -> forked.process.destroyForcibly());
		}
		summarize("import command", observations, true);
	}

	private static Forked importFork(KillPoint point) throws IOException {
		Path store = copy(before, work.resolve("point-" + point.number()));
		return Forked.start(store, javaCommand(KillableImport.class.getName(), store.toString(),
				Integer.toString(FreePorts.next()), Integer.toString(FreePorts.next()), dataset.toString()));
	}

	@Test
	void aWriteAnsweredWith2xxSurvivesAKillOfTheApplicationServingTheNextOne() throws Exception {
		// Every application run first imports a one-entity witness and gets its 2xx, then the dataset; the kill
		// comes while the dataset's request is in flight or just after its answer. The witness must survive every
		// kill, so the graphs to find are the two above with the witness added.
		Path witness = writeWitness(work.resolve("witness"));
		Path beforeApi = copy(before, work.resolve("before-api"));
		String preApi;
		String postApi;
		try (Engine engine = Engine.start(beforeApi)) {
			engine.importFiles(witness);
			preApi = engine.hash();
		}
		Path afterApi = copy(beforeApi, work.resolve("after-api"));
		try (Engine engine = Engine.start(afterApi)) {
			engine.importFiles(dataset);
			postApi = engine.hash();
		}
		FileSystemUtils.deleteRecursively(afterApi);
		HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
		List<KillPoint> points = apiKillPoints(new Random(SEED + 1));
		List<Observation> observations = new ArrayList<>();
		Forked next = appFork(points.get(0));
		try {
			for (int i = 0; i < points.size(); i++) {
				KillPoint point = points.get(i);
				Forked app = next;
				CompletableFuture<HttpResponse<String>> answer;
				try {
					app.await(line -> line.contains("Lodestone ready"));
					app.go();
					URI uri = URI.create("http://127.0.0.1:" + app.port() + "/api/import");
					assertThat(http.send(importRequest(uri, witness), HttpResponse.BodyHandlers.ofString()).statusCode())
						.as("the witness import").isEqualTo(200);
					answer = http.sendAsync(importRequest(uri, dataset), HttpResponse.BodyHandlers.ofString());
					if (point.phase() == Phase.API_ANSWERED) {
						assertThat(answer.get(MARKER_TIMEOUT.toSeconds(), TimeUnit.SECONDS).statusCode()).isEqualTo(200);
					}
					Thread.sleep(point.delayMillis());
				}
				finally {
					app.kill();
				}
				next = (i + 1 < points.size()) ? appFork(points.get(i + 1)) : null;
				observations.add(observe(point, app, answeredWith2xx(answer), preApi, postApi));
			}
		}
		finally {
			if (next != null) {
				next.process.destroyForcibly();
			}
		}
		// Whether an in-flight kill finds the old graph depends on how far the server got; only the answered point's
		// outcome is certain.
		summarize("POST /api/import", observations, false);
	}

	private static Forked appFork(KillPoint point) throws IOException {
		Path store = copy(before, work.resolve("api-point-" + point.number()));
		int port = FreePorts.next();
		List<String> arguments = new ArrayList<>(List.of("--server.port=" + port,
				"--lodestone.neo4j.directory=" + store, "--lodestone.neo4j.bolt-port=" + FreePorts.next(),
				"--lodestone.neo4j.http-port=" + FreePorts.next(), "--lodestone.data.load-on-start=false"));
		for (String property : TestCredentials.properties()) {
			arguments.add("--" + property);
		}
		return Forked.start(store, port, javaCommand(LodestoneApplication.class.getName(), arguments.toArray(String[]::new)));
	}

	/**
	 * Three points for the application, drawn from the seed: two while the dataset's request is in flight (the
	 * upload, validation, the rows or the commit), one just after its 2xx answer arrived.
	 */
	static List<KillPoint> apiKillPoints(Random random) {
		return List.of(new KillPoint(1, Phase.API_IN_FLIGHT, 0, random.nextInt(4_000)),
				new KillPoint(2, Phase.API_IN_FLIGHT, 0, random.nextInt(4_000)),
				new KillPoint(3, Phase.API_ANSWERED, 0, random.nextInt(200)));
	}

	// Whatever arrived, even after the kill, counts: a 2xx means the application had reported the commit.
	private static boolean answeredWith2xx(CompletableFuture<HttpResponse<String>> answer) throws InterruptedException {
		try {
			int status = answer.get(30, TimeUnit.SECONDS).statusCode();
			return status >= 200 && status < 300;
		}
		catch (ExecutionException | java.util.concurrent.TimeoutException ex) {
			return false;
		}
	}

	private static HttpRequest importRequest(URI uri, Path directory) throws IOException {
		String boundary = "kill-" + System.nanoTime();
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		try (Stream<Path> files = Files.list(directory)) {
			for (Path file : files.sorted().toList()) {
				body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"files\"; filename=\""
						+ file.getFileName() + "\"\r\nContent-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.UTF_8));
				body.writeBytes(Files.readAllBytes(file));
				body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
			}
		}
		// The dataset corrects entities imported earlier, and a correction over HTTP needs a reason.
		body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"reason\"\r\n\r\n"
				+ "the kill test's dataset renames the synthetic companies\r\n").getBytes(StandardCharsets.UTF_8));
		body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		return HttpRequest.newBuilder(uri)
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.header("X-API-Key", TestCredentials.WRITE_KEY)
			.timeout(MARKER_TIMEOUT)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
			.build();
	}

	private static Observation observe(KillPoint point, Forked forked, boolean reportedCommit, String preHash,
			String postHash) throws Exception {
		long started = System.nanoTime();
		String found;
		try (Engine engine = Engine.start(forked.store())) {
			found = engine.hash();
		}
		assertConsistent(forked.store());
		Outcome outcome = found.equals(preHash) ? Outcome.PRE : found.equals(postHash) ? Outcome.POST : Outcome.MIXED;
		Observation observation = new Observation(point, forked.lastMarker(), reportedCommit, outcome,
				forked.startupMillis(), forked.runMillis(), TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
		System.out.println("ImportKillIT " + observation);
		assertThat(outcome).as("graph after %s (found %s; before %s, after %s); the process printed:%n%s", point,
				found, preHash, postHash, forked.output())
			.isNotEqualTo(Outcome.MIXED);
		if (reportedCommit) {
			assertThat(outcome).as("a reported commit survives the kill at %s", point).isEqualTo(Outcome.POST);
		}
		FileSystemUtils.deleteRecursively(forked.store());
		return observation;
	}

	private static void summarize(String what, List<Observation> observations, boolean bothOutcomesCertain) {
		long pre = observations.stream().filter(observation -> observation.outcome() == Outcome.PRE).count();
		long post = observations.stream().filter(observation -> observation.outcome() == Outcome.POST).count();
		System.out.println("ImportKillIT seed " + SEED + ", " + what + ": " + observations.size() + " kills: " + pre
				+ " pre, " + post + " post, all consistent");
		if (bothOutcomesCertain) {
			assertThat(pre).as("kills that found the graph from before the import").isPositive();
		}
		assertThat(post).as("kills that found the imported graph").isPositive();
	}

	/**
	 * Twenty points over the import's life, drawn from the seed: three while the engine is up but the dataset is
	 * still being read, nine among the rows (three each in the first, middle and last third), four once every row is
	 * written (the commit is under way or just done), and four after the commit was reported (while the committed
	 * transaction is only in the log, during the clean shutdown's checkpoint, or after it).
	 */
	static List<KillPoint> importKillPoints(Random random) {
		List<KillPoint> points = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			points.add(new KillPoint(points.size() + 1, Phase.BEFORE_TRANSACTION, 0, random.nextInt(250)));
		}
		for (int third = 0; third < 3; third++) {
			for (int i = 0; i < 3; i++) {
				points.add(new KillPoint(points.size() + 1, Phase.ROWS, (third + random.nextDouble()) / 3,
						random.nextInt(30)));
			}
		}
		for (int i = 0; i < 4; i++) {
			points.add(new KillPoint(points.size() + 1, Phase.ALL_ROWS_WRITTEN, 1, random.nextInt(1_000)));
		}
		for (int i = 0; i < 4; i++) {
			points.add(new KillPoint(points.size() + 1, Phase.AFTER_COMMIT, 1, random.nextInt(2_500)));
		}
		return points;
	}

	enum Phase {

		BEFORE_TRANSACTION, ROWS, ALL_ROWS_WRITTEN, AFTER_COMMIT, API_IN_FLIGHT, API_ANSWERED

	}

	enum Outcome {

		PRE, POST, MIXED

	}

	/**
	 * Where to kill: the marker to wait for, then a delay.
	 *
	 * @param number the point's number in the run
	 * @param phase which marker to wait for
	 * @param rowFraction for {@link Phase#ROWS}, the share of rows written first
	 * @param delayMillis how long after the marker to kill
	 */
	record KillPoint(int number, Phase phase, double rowFraction, long delayMillis) {

		void aim(Forked forked) throws Exception {
			Predicate<String> marker = switch (this.phase) {
				// the go was just sent: the process reads and validates the dataset before it opens the transaction
				case BEFORE_TRANSACTION -> line -> line.equals(KillableImport.ENGINE_UP);
				case ROWS -> line -> rowsAtLeast(line, this.rowFraction);
				case ALL_ROWS_WRITTEN -> line -> rowsAtLeast(line, 1);
				case AFTER_COMMIT -> line -> line.startsWith(KillableImport.COMMITTED);
				case API_IN_FLIGHT, API_ANSWERED -> throw new IllegalStateException("aimed by the request's test");
			};
			forked.await(marker);
			Thread.sleep(this.delayMillis);
		}

		private static boolean rowsAtLeast(String line, double fraction) {
			if (!line.startsWith(KillableImport.ROWS)) {
				return false;
			}
			String[] doneAndTotal = line.substring(KillableImport.ROWS.length()).split("/");
			return Long.parseLong(doneAndTotal[0]) >= fraction * Long.parseLong(doneAndTotal[1]);
		}

		@Override
		public String toString() {
			String where = switch (this.phase) {
				case BEFORE_TRANSACTION -> "import started";
				case ROWS -> String.format("%.0f%% of rows", this.rowFraction * 100);
				case ALL_ROWS_WRITTEN -> "all rows written";
				case AFTER_COMMIT -> "commit reported";
				case API_IN_FLIGHT -> "request sent";
				case API_ANSWERED -> "2xx received";
			};
			return "#" + this.number + " (" + where + " + " + this.delayMillis + " ms)";
		}

	}

	/**
	 * @param point where the kill was aimed
	 * @param lastMarker the last marker the process printed before it died
	 * @param reportedCommit whether the process reported the commit
	 * @param outcome which graph the restarted engine found
	 * @param startupMillis from the fork to the engine (or application) being up, partly while the last store was
	 * checked
	 * @param runMillis from the go to the kill
	 * @param checkMillis recovery, reading the graph and the consistency check
	 */
	record Observation(KillPoint point, String lastMarker, boolean reportedCommit, Outcome outcome, long startupMillis,
			long runMillis, long checkMillis) {

		@Override
		public String toString() {
			return "kill " + this.point + ": last marker '" + this.lastMarker + "', found " + this.outcome
					+ " (start " + this.startupMillis + " ms, run " + this.runMillis + " ms, recovery and check "
					+ this.checkMillis + " ms)";
		}

	}

	/**
	 * A forked JVM whose output is read as it comes, so a marker is seen within milliseconds of being printed.
	 */
	static final class Forked {

		private final Path store;

		private final int port;

		private final Process process;

		private final Thread reader;

		private final List<String> lines = new ArrayList<>();

		private final long started = System.nanoTime();

		private long up;

		private long went;

		private long killed;

		private Forked(Path store, int port, Process process) {
			this.store = store;
			this.port = port;
			this.process = process;
			this.reader = new Thread(this::read, "forked-output");
			this.reader.setDaemon(true);
			this.reader.start();
		}

		static Forked start(Path store, List<String> command) throws IOException {
			return start(store, 0, command);
		}

		static Forked start(Path store, int port, List<String> command) throws IOException {
			return new Forked(store, port, new ProcessBuilder(command).redirectErrorStream(true).start());
		}

		Path store() {
			return this.store;
		}

		int port() {
			return this.port;
		}

		/**
		 * Marks the start of the part under test; the import process also waits for this line before it imports.
		 */
		void go() throws IOException {
			this.up = System.nanoTime();
			this.process.getOutputStream().write("go\n".getBytes(StandardCharsets.UTF_8));
			this.process.getOutputStream().flush();
			this.went = System.nanoTime();
		}

		long startupMillis() {
			return TimeUnit.NANOSECONDS.toMillis(this.up - this.started);
		}

		long runMillis() {
			return TimeUnit.NANOSECONDS.toMillis(this.killed - this.went);
		}

		private void read() {
			try (BufferedReader in = new BufferedReader(
					new InputStreamReader(this.process.getInputStream(), StandardCharsets.UTF_8))) {
				for (String line = in.readLine(); line != null; line = in.readLine()) {
					synchronized (this.lines) {
						this.lines.add(line);
						this.lines.notifyAll();
					}
				}
			}
			catch (IOException ex) {
				// the process died: its output ends here
			}
			synchronized (this.lines) {
				this.lines.notifyAll();
			}
		}

		void await(Predicate<String> marker) throws InterruptedException {
			long deadline = System.nanoTime() + MARKER_TIMEOUT.toNanos();
			synchronized (this.lines) {
				int seen = 0;
				while (true) {
					for (; seen < this.lines.size(); seen++) {
						if (marker.test(this.lines.get(seen))) {
							return;
						}
					}
					long left = deadline - System.nanoTime();
					if (!this.process.isAlive() || left <= 0) {
						throw new AssertionError("The forked process never printed the awaited marker (alive: "
								+ this.process.isAlive() + "):\n" + output());
					}
					this.lines.wait(Math.min(TimeUnit.NANOSECONDS.toMillis(left) + 1, 200));
				}
			}
		}

		/**
		 * SIGKILL (what {@link Process#destroyForcibly()} sends on Linux), and proof that the process was alive to
		 * receive it: a JVM that ends on its own exits 0 or 1, one killed by signal 9 reports 128 + 9.
		 */
		void kill() throws InterruptedException {
			this.killed = System.nanoTime();
			this.process.destroyForcibly();
			assertThat(this.process.waitFor(60, TimeUnit.SECONDS)).isTrue();
			this.reader.join(TimeUnit.SECONDS.toMillis(30));
			assertThat(this.process.exitValue()).as("killed by SIGKILL while running:%n%s", output()).isEqualTo(137);
		}

		boolean printed(String prefix) {
			synchronized (this.lines) {
				return this.lines.stream().anyMatch(line -> line.startsWith(prefix));
			}
		}

		String lastMarker() {
			synchronized (this.lines) {
				if (this.lines.stream().anyMatch(line -> line.contains("Lodestone ready"))) {
					// The application logs each commit; the witness's is the first.
					return "imports committed: "
							+ this.lines.stream().filter(line -> line.contains("Import committed:")).count();
				}
				for (int i = this.lines.size() - 1; i >= 0; i--) {
					String line = this.lines.get(i);
					if (line.equals(KillableImport.ENGINE_UP) || line.startsWith(KillableImport.ROWS)
							|| line.startsWith(KillableImport.COMMITTED) || line.equals(KillableImport.CLOSED)) {
						return line.startsWith(KillableImport.COMMITTED) ? KillableImport.COMMITTED : line;
					}
				}
				return "none";
			}
		}

		String output() {
			synchronized (this.lines) {
				return String.join("\n", this.lines);
			}
		}

	}

	private static List<String> javaCommand(String mainClass, String... args) {
		List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"), mainClass));
		command.addAll(List.of(args));
		return command;
	}

	/**
	 * The embedded engine in this JVM, on a store a killed process left behind: starting it runs recovery.
	 */
	static final class Engine implements AutoCloseable {

		private final EmbeddedNeo4j engine;

		private final Driver driver;

		private Engine(EmbeddedNeo4j engine) {
			this.engine = engine;
			this.driver = GraphDatabase.driver(engine.boltUri(), AuthTokens.none());
		}

		static Engine start(Path store) {
			return new Engine(new EmbeddedNeo4j(new EmbeddedNeo4jProperties(true, store, "127.0.0.1", FreePorts.next(),
					FreePorts.next(), "", "64m", Duration.ofSeconds(60), "512m")).start());
		}

		void applySchema() {
			try (var session = this.driver.session()) {
				Neo4jSchema.statements().forEach(statement -> session.run(statement).consume());
				session.run("CALL db.awaitIndexes(300)").consume();
			}
		}

		void importFiles(Path directory) throws IOException {
			GraphImporter importer = new GraphImporter(this.driver, Duration.ofMinutes(5), DataSize.ofMegabytes(64));
			importer.importDataset(importer.read(DatasetFile.fromDirectory(directory)), ImportProgress.NONE);
		}

		StoredGraph graph() {
			return StoredGraph.read(this.driver);
		}

		/**
		 * The current graph's digest and the recorded history's shape: an import supersedes versions, so a kill must
		 * leave either the old history or the new one, never an element with two current versions.
		 */
		String hash() {
			return ImportKillIT.hash(graph()) + "/" + history();
		}

		// Without the times, which differ from run to run: changes, versions, and elements current twice (never any).
		private String history() {
			var record = this.driver.executableQuery("""
					CALL () { MATCH (c:Change) RETURN count(c) AS changes }
					CALL () { MATCH (v:Version) RETURN count(v) AS versions }
					CALL () {
					  MATCH (v:Version) WHERE v.supersededAt IS NULL
					  WITH v.element AS element, count(*) AS current WHERE current > 1
					  RETURN count(element) AS twice
					}
					RETURN changes, versions, twice""").execute().records().get(0);
			return record.get("changes").asLong() + "c/" + record.get("versions").asLong() + "v/"
					+ record.get("twice").asLong() + "x";
		}

		@Override
		public void close() {
			this.driver.close();
			this.engine.close();
		}

	}

	/**
	 * Runs what {@code neo4j-admin database check} runs, on a stopped store.
	 */
	static void assertConsistent(Path store) throws Exception {
		Config config = Config.newBuilder().set(GraphDatabaseSettings.neo4j_home, store).build();
		ConsistencyCheckService.Result result = new ConsistencyCheckService(
				Neo4jLayout.of(config).databaseLayout(GraphDatabaseSettings.DEFAULT_DATABASE_NAME))
			.with(config)
			.with(store.resolve("logs"))
			.with(NullLogProvider.getInstance())
			.with(java.io.OutputStream.nullOutputStream())
			.runFullConsistencyCheck();
		assertThat(result.isSuccessful()).as("consistency check of %s: %s", store, result).isTrue();
	}

	/**
	 * A digest of every node and relationship with its labels and properties, independent of the order Neo4j
	 * returns them in.
	 */
	static String hash(StoredGraph graph) {
		Stream<String> lines = Stream.concat(graph.nodes().stream().map(Object::toString),
				graph.edges().stream().map(Object::toString)).sorted();
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			lines.forEach(line -> digest.update((line + "\n").getBytes(StandardCharsets.UTF_8)));
			return graph.nodes().size() + "n/" + graph.edges().size() + "r/"
					+ HexFormat.of().formatHex(digest.digest()).substring(0, 12);
		}
		catch (java.security.NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static Path copy(Path from, Path to) throws IOException {
		FileSystemUtils.copyRecursively(from, to);
		return to;
	}

	static Path writeWitness(Path directory) throws IOException {
		Files.createDirectories(directory);
		Files.writeString(directory.resolve("entities-witness.csv"), """
				id,subtype,name
				company:kill-test-witness,Company,Written before the kill
				""");
		return directory;
	}

	/**
	 * Synthetic companies linked in a ring-like pattern: every entity, every relationship and the one source are
	 * distinct rows, and the names carry {@code suffix}, so two datasets differ in every entity they share.
	 */
	static Path writeDataset(Path directory, String suffix, int entities, int relationships) throws IOException {
		Files.createDirectories(directory);
		Files.writeString(directory.resolve("sources-kill.csv"), """
				id,publisher,title,date,url,type
				src:synthetic-2025-01-01-kill-test,Lodestone test suite,Synthetic data for the kill test,2025-01-01,https://example.org/synthetic,data
				""");
		try (BufferedWriter out = Files.newBufferedWriter(directory.resolve("entities-kill.csv"))) {
			out.write("id,subtype,name\n");
			for (int i = 0; i < entities; i++) {
				out.write("company:synthetic-" + i + ",Company,Synthetic " + i + suffix + "\n");
			}
		}
		if (relationships > 0) {
			try (BufferedWriter out = Files.newBufferedWriter(directory.resolve("relationships-kill.csv"))) {
				out.write("from,to,type,validFrom,confidence,sources\n");
				for (int i = 0; i < relationships; i++) {
					int from = i % entities;
					int to = (from + 1 + i / entities) % entities;
					out.write("company:synthetic-" + from + ",company:synthetic-" + to
							+ ",MEMBER_OF,2025-01-01,0.5,src:synthetic-2025-01-01-kill-test\n");
				}
			}
		}
		return directory;
	}

}
