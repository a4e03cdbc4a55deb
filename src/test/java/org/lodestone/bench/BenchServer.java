package org.lodestone.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.lodestone.support.FreePorts;

/**
 * The packaged application in a process of its own, as users run it: embedded engine, REST API, rate limiting off
 * (a load test is not abuse), metrics exposed so the heap can be read. Knows how long it took to become healthy.
 */
public final class BenchServer implements AutoCloseable {

	private final Process process;

	private final int port;

	private final int boltPort;

	private final Path store;

	private final double startupSeconds;

	private BenchServer(Process process, int port, int boltPort, Path store, double startupSeconds) {
		this.process = process;
		this.port = port;
		this.boltPort = boltPort;
		this.store = store;
		this.startupSeconds = startupSeconds;
	}

	/**
	 * Starts the jar and waits until {@code /actuator/health} answers UP.
	 * @param jar the packaged application
	 * @param store the engine's directory; an empty one gets the bundled data on first start
	 * @param log where the process's output goes
	 * @return the running server
	 * @throws IOException when the process cannot start
	 * @throws InterruptedException when interrupted
	 */
	public static BenchServer start(Path jar, Path store, Path log) throws IOException, InterruptedException {
		return start(jar, store, log, List.of());
	}

	/**
	 * {@link #start(Path, Path, Path)} with more arguments for the application.
	 * @param jar the packaged application
	 * @param store the engine's directory
	 * @param log where the process's output goes
	 * @param arguments more {@code --name=value} arguments, such as {@code --spring.cache.type=none}
	 * @return the running server
	 * @throws IOException when the process cannot start
	 * @throws InterruptedException when interrupted
	 */
	public static BenchServer start(Path jar, Path store, Path log, List<String> arguments)
			throws IOException, InterruptedException {
		int port = FreePorts.next();
		int bolt = FreePorts.next();
		int http = FreePorts.next();
		Files.createDirectories(log.getParent());
		long started = System.nanoTime();
		List<String> command = new java.util.ArrayList<>(List.of(
				Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", jar.toString(),
				"--server.port=" + port, "--lodestone.neo4j.directory=" + store, "--lodestone.neo4j.bolt-port=" + bolt,
				"--lodestone.neo4j.http-port=" + http, "--lodestone.rate-limit.enabled=false",
				"--management.endpoints.web.exposure.include=health,info,metrics"));
		command.addAll(arguments);
		Process process = new ProcessBuilder(command)
			.redirectErrorStream(true)
			.redirectOutput(log.toFile())
			.start();
		HttpClient client = HttpClient.newHttpClient();
		URI health = URI.create("http://127.0.0.1:" + port + "/actuator/health");
		long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
		while (System.nanoTime() < deadline) {
			if (!process.isAlive()) {
				throw new IllegalStateException("Lodestone exited with " + process.exitValue() + "; see " + log);
			}
			try {
				HttpResponse<String> response = client.send(HttpRequest.newBuilder(health)
					.timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
				if (response.statusCode() == 200 && response.body().contains("\"UP\"")) {
					return new BenchServer(process, port, bolt, store, (System.nanoTime() - started) / 1e9);
				}
			}
			catch (IOException ex) {
				// Not listening yet.
			}
			Thread.sleep(50);
		}
		process.destroyForcibly();
		throw new IllegalStateException("Lodestone did not become healthy within 10 minutes; see " + log);
	}

	public URI base() {
		return URI.create("http://127.0.0.1:" + this.port);
	}

	public URI bolt() {
		return URI.create("bolt://127.0.0.1:" + this.boltPort);
	}

	/**
	 * A driver to the server's engine, which always has a password: the one the application generated and keeps in
	 * its directory (user {@code neo4j}).
	 * @return a new driver; the caller closes it
	 * @throws IOException when the password file cannot be read
	 */
	public org.neo4j.driver.Driver driver() throws IOException {
		String password = Files.readString(this.store.resolve("neo4j-password"), StandardCharsets.UTF_8).strip();
		return org.neo4j.driver.GraphDatabase.driver(bolt(), org.neo4j.driver.AuthTokens.basic("neo4j", password));
	}

	public double startupSeconds() {
		return this.startupSeconds;
	}

	/**
	 * @return the process's resident set size in bytes
	 * @throws IOException when /proc cannot be read
	 */
	public long residentBytes() throws IOException {
		for (String line : Files.readAllLines(Path.of("/proc", Long.toString(this.process.pid()), "status"))) {
			if (line.startsWith("VmRSS:")) {
				return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
			}
		}
		return -1;
	}

	/**
	 * @return the heap in use after a request for the metric, in bytes
	 * @throws IOException when the metric cannot be read
	 * @throws InterruptedException when interrupted
	 */
	public long heapUsedBytes() throws IOException, InterruptedException {
		String body = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(base().resolve("/actuator/metrics/jvm.memory.used?tag=area:heap")).build(),
					HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8))
			.body();
		var matcher = java.util.regex.Pattern.compile("\"value\"\\s*:\\s*([0-9.E+]+)").matcher(body);
		return matcher.find() ? (long) Double.parseDouble(matcher.group(1)) : -1;
	}

	@Override
	public void close() throws InterruptedException {
		this.process.destroy();
		if (!this.process.waitFor(60, TimeUnit.SECONDS)) {
			this.process.destroyForcibly().waitFor();
		}
	}

}
