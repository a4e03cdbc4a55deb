package org.lodestone;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.lodestone.support.FreePorts;
import org.lodestone.support.TestStores;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packaged jar as a user runs it ({@code java -jar}): it starts, serves Browser out of the jar, and stops
 * cleanly on SIGTERM. The embedded engine's resources behave differently inside a nested jar than on Maven's
 * class path, so {@code spring-boot:run} passing proves nothing about this.
 */
// Starts the packaged jar in a JVM of its own: a durability test, left out of -Pfast (README).
@Tag("durability")
class PackagedApplicationIT {

	@Test
	void packagedJarServesBrowserAndApiAndStopsCleanlyOnSigterm() throws Exception {
		Path jar = Path.of(System.getProperty("lodestone.jar", "target/lodestone-0.1.0-SNAPSHOT.jar"));
		assertThat(jar).exists();
		int webPort = FreePorts.next();
		int httpPort = FreePorts.next();
		Path java = Path.of(System.getProperty("java.home"), "bin", "java");
		Path store = TestStores.create("packaged");
		// A file, not a pipe: the JDK closes a pipe under a reader when the process exits, losing the last lines.
		Path log = store.resolveSibling(store.getFileName() + ".log");
		Process process = new ProcessBuilder(java.toString(), "-jar", jar.toString(), "--server.port=" + webPort,
				"--lodestone.neo4j.bolt-port=" + FreePorts.next(), "--lodestone.neo4j.http-port=" + httpPort,
				"--lodestone.neo4j.directory=" + store)
			.redirectErrorStream(true)
			.redirectOutput(log.toFile())
			.start();
		try {
			// 90 s was too short when other builds share the 2 cores (the start alone measured 70 s then).
			awaitLine(log, "Lodestone ready", Duration.ofSeconds(180), process);
			HttpClient http = HttpClient.newHttpClient();
			HttpResponse<String> browser = http.send(
					HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + "/browser/")).build(),
					HttpResponse.BodyHandlers.ofString());
			assertThat(browser.statusCode()).isEqualTo(200);
			assertThat(browser.body()).contains("<title>Neo4j Browser</title>");
			HttpResponse<String> info = http.send(
					HttpRequest.newBuilder(URI.create("http://localhost:" + webPort + "/api/info")).build(),
					HttpResponse.BodyHandlers.ofString());
			assertThat(info.statusCode()).isEqualTo(200);
			assertThat(info.body()).contains("\"mode\":\"embedded\"");

			process.destroy();
			assertThat(process.waitFor(15, TimeUnit.SECONDS)).as("stopped within 15 s of SIGTERM").isTrue();
			assertThat(Files.readString(log)).contains("Embedded Neo4j stopped");
		}
		finally {
			process.destroyForcibly();
		}
	}

	private static void awaitLine(Path log, String text, Duration timeout, Process process)
			throws InterruptedException, IOException {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (System.nanoTime() < deadline) {
			if (Files.readString(log).contains(text)) {
				return;
			}
			if (!process.isAlive()) {
				break;
			}
			Thread.sleep(200);
		}
		List<String> output = Files.readAllLines(log);
		throw new AssertionError("No '" + text + "' from the packaged application; it printed:\n"
				+ String.join("\n", output.subList(Math.max(0, output.size() - 40), output.size())));
	}

}
