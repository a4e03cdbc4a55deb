package org.lodestone.cypher;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;
import org.lodestone.LodestoneApplication;
import org.lodestone.support.FreePorts;
import org.lodestone.support.TestStores;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 18: a query that ignores its termination must not hold the application's shutdown. An application of its
 * own, with a long Cypher timeout so the query is still running when the stop begins.
 */
class RunawayShutdownIT {

	@Test
	void aRunawayQueryDoesNotHoldTheShutdown() throws Exception {
		ConfigurableApplicationContext app = new SpringApplicationBuilder(LodestoneApplication.class).run(
				"--server.port=0", "--lodestone.neo4j.directory=" + TestStores.create("runaway-shutdown"),
				"--lodestone.neo4j.bolt-port=" + FreePorts.next(), "--lodestone.neo4j.http-port=" + FreePorts.next(),
				"--lodestone.cypher.timeout=120s");
		int port = ((WebServerApplicationContext) app).getWebServer().getPort();
		HttpRequest runaway = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/cypher"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("{\"query\": \"RETURN size(reduce(s = '', i IN "
					+ "range(1, toInteger($n)) | s + 'x')) AS n\", \"parameters\": {\"n\": \"100000000\"}}"))
			.build();
		CompletableFuture<HttpResponse<String>> answer = HttpClient.newHttpClient().sendAsync(runaway,
				HttpResponse.BodyHandlers.ofString());
		// Let it get deep into its one expression, where the engine no longer looks at termination.
		Thread.sleep(3000);
		assertThat(answer).isNotDone();
		long started = System.nanoTime();
		app.close();
		Duration stop = Duration.ofNanos(System.nanoTime() - started);
		// Before: the graceful stop waited for the request, the engine for the transaction (35 s in all), and the
		// query ran on regardless. Now the user queries are ended first, and the request is answered.
		assertThat(stop).isLessThan(Duration.ofSeconds(10));
		assertThat(answer.get(10, java.util.concurrent.TimeUnit.SECONDS).statusCode()).isIn(400, 503);
		assertThat(Thread.getAllStackTraces().entrySet().stream()
			.filter(entry -> entry.getKey().getName().startsWith("lodestone-user-query-"))
			.filter(entry -> java.util.Arrays.stream(entry.getValue())
				.anyMatch(frame -> frame.getClassName().startsWith("org.neo4j.cypher")))).isEmpty();
	}

}
