package org.lodestone.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

import org.lodestone.LodestoneApplication;
import org.lodestone.neo4j.GraphReads;
import org.lodestone.support.FreePorts;
import org.neo4j.driver.AccessMode;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.neo4j.driver.Session;
import org.neo4j.driver.SessionConfig;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A load of REST requests and, for each, the read transactions the application sent the engine to answer it,
 * recorded from the application itself. {@link #replay} sends the same statements over Bolt from concurrent clients:
 * the baseline of "uncached REST throughput against the same statements over raw Bolt".
 *
 * @param requests the requests, each with its recorded transactions; requests that read nothing through the port
 * are left out (see {@link #unrecorded})
 * @param unrecorded the requests that sent no statement through the read port, so have nothing to replay
 */
record RecordedLoad(List<RecordedRequest> requests, List<String> unrecorded) {

	/**
	 * @param path the request's path and query
	 * @param transactions its read transactions, in order, each its statements
	 */
	record RecordedRequest(String path, List<List<RecordingGraphReads.Statement>> transactions) {
	}

	/** One run of a load: throughput and latency percentiles (nearest rank), and failed requests. */
	record Measurement(double requestsPerSecond, double p50Millis, double p99Millis, long errors) {
	}

	/**
	 * Starts the application in this JVM on the store, with every answer cache off, its read port taped; asks for the
	 * requests the function chooses (it may read the graph through the driver to choose them), each twice, and keeps
	 * the second recording: what the application sends once it is warm.
	 * @param store the engine's directory (an empty one gets the bundled data)
	 * @param requests chooses the requests, given the application's driver
	 * @return the requests and their statements
	 * @throws IOException when a request fails to send
	 * @throws InterruptedException when interrupted
	 */
	static RecordedLoad record(Path store, Function<Driver, List<String>> requests)
			throws IOException, InterruptedException {
		AtomicReference<RecordingGraphReads> tape = new AtomicReference<>();
		int port = FreePorts.next();
		// Arguments, not default properties: application.properties would win over those.
		String[] arguments = { "--server.port=" + port, "--lodestone.neo4j.directory=" + store,
				"--lodestone.neo4j.bolt-port=" + FreePorts.next(), "--lodestone.neo4j.http-port=" + FreePorts.next(),
				"--lodestone.rate-limit.enabled=false", "--spring.cache.type=none", "--spring.main.banner-mode=off",
				// A cold JVM on a busy machine: the recording needs answers, not the timeout the servers are measured with.
				"--lodestone.query.timeout=60s" };
		SpringApplicationBuilder builder = new SpringApplicationBuilder(LodestoneApplication.class)
			.initializers(context -> context.getBeanFactory().addBeanPostProcessor(new BeanPostProcessor() {
				@Override
				public Object postProcessAfterInitialization(Object bean, String name) {
					if (bean instanceof GraphReads reads && !(bean instanceof RecordingGraphReads)) {
						RecordingGraphReads recording = new RecordingGraphReads(reads);
						tape.set(recording);
						return recording;
					}
					return bean;
				}
			}));
		try (ConfigurableApplicationContext context = builder.run(arguments)) {
			List<String> paths = requests.apply(context.getBean(Driver.class));
			HttpClient client = HttpClient.newHttpClient();
			List<RecordedRequest> recorded = new ArrayList<>();
			List<String> unrecorded = new ArrayList<>();
			for (String path : paths) {
				HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build();
				for (int i = 0; i < 2; i++) {
					tape.get().drain();
					HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
					if (response.statusCode() != 200) {
						throw new IllegalStateException(path + " answered " + response.statusCode() + ": "
								+ response.body());
					}
				}
				List<List<RecordingGraphReads.Statement>> transactions = tape.get().drain();
				if (transactions.isEmpty()) {
					unrecorded.add(path);
				}
				else {
					recorded.add(new RecordedRequest(path, transactions));
				}
			}
			return new RecordedLoad(List.copyOf(recorded), List.copyOf(unrecorded));
		}
	}

	/**
	 * @return the paths of the recorded requests, for the REST side of the comparison
	 */
	List<String> paths() {
		return this.requests.stream().map(RecordedRequest::path).toList();
	}

	/**
	 * Sends each request's statements over Bolt, as many clients at once as wrk has connections: every client
	 * cycles through the requests from its own offset; a request is its transactions in order, each a read
	 * transaction in a READ session, every row materialized as a map of plain values (what the application turns
	 * into JSON).
	 * @param driver a driver to the same engine the application serves
	 * @param clients concurrent clients
	 * @param duration how long to send
	 * @return throughput and latency of whole requests
	 * @throws InterruptedException when interrupted
	 */
	Measurement replay(Driver driver, int clients, Duration duration) throws InterruptedException {
		long end = System.nanoTime() + duration.toNanos();
		List<long[]> latencies = new ArrayList<>();
		AtomicLong errors = new AtomicLong();
		AtomicLong done = new AtomicLong();
		CountDownLatch finished = new CountDownLatch(clients);
		long started = System.nanoTime();
		for (int c = 0; c < clients; c++) {
			long[] own = new long[1 << 20];
			latencies.add(own);
			int offset = c;
			new Thread(() -> {
				int i = offset;
				int n = 0;
				try (Session session = driver.session(SessionConfig.builder()
					.withDefaultAccessMode(AccessMode.READ)
					.build())) {
					while (System.nanoTime() < end && n < own.length - 1) {
						RecordedRequest request = this.requests.get(i++ % this.requests.size());
						long t0 = System.nanoTime();
						try {
							for (List<RecordingGraphReads.Statement> transaction : request.transactions()) {
								session.executeRead(tx -> {
									for (RecordingGraphReads.Statement statement : transaction) {
										tx.run(statement.cypher(), statement.parameters()).list(Record::asMap);
									}
									return null;
								});
							}
						}
						catch (RuntimeException ex) {
							errors.incrementAndGet();
						}
						own[++n] = System.nanoTime() - t0;
					}
				}
				finally {
					own[0] = n;
					done.addAndGet(n);
					finished.countDown();
				}
			}, "bolt-replay-" + c).start();
		}
		finished.await();
		double seconds = (System.nanoTime() - started) / 1e9;
		long[] all = new long[(int) done.get()];
		int k = 0;
		for (long[] own : latencies) {
			for (int j = 1; j <= own[0]; j++) {
				all[k++] = own[j];
			}
		}
		Arrays.sort(all);
		return new Measurement(all.length / seconds, percentile(all, 50) / 1e6, percentile(all, 99) / 1e6,
				errors.get());
	}

	private static double percentile(long[] sorted, int percent) {
		if (sorted.length == 0) {
			return Double.NaN;
		}
		int rank = (int) Math.ceil(percent / 100.0 * sorted.length);
		return sorted[Math.max(0, rank - 1)];
	}

}
