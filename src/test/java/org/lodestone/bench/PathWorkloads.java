package org.lodestone.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.lodestone.path.PathCypher;
import org.neo4j.driver.AccessMode;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;
import org.neo4j.driver.SessionConfig;
import org.neo4j.driver.Value;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One path query, two ways: through {@code GET /api/paths} (resolution, the query, sources, ranking, explanations,
 * JSON), and the baseline, the Cypher the service sends, sent straight over Bolt with the same parameters.
 * Both answer with the paths as sequences of entity ids, so they can be compared.
 */
public final class PathWorkloads {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/**
	 * A benchmarked query shape.
	 *
	 * @param mode shortest, k-shortest or all
	 * @param k how many paths
	 * @param maxDepth the most hops
	 */
	public record Query(String mode, int k, int maxDepth) {

		/** The query shapes of docs/benchmarks.md: every mode, shortest ones up to 6 hops, all paths up to 4. */
		public static final List<Query> ALL = List.of(new Query("shortest", 1, 6), new Query("k-shortest", 5, 6),
				new Query("all", 5, 4));

		public static Query of(String mode) {
			return ALL.stream().filter(query -> query.mode.equals(mode)).findFirst().orElseThrow();
		}

		public String cypher() {
			return PathCypher.cypher(this.mode, this.k, this.maxDepth);
		}

		public Map<String, Object> parameters(PathPairs.Pair pair) {
			return PathCypher.parameters(pair.from(), pair.to(), this.k);
		}

	}

	private PathWorkloads() {
	}

	/**
	 * @param client an HTTP client
	 * @param base the application's base URI, such as {@code http://127.0.0.1:8080}
	 * @param query the query shape
	 * @param pair the ends
	 * @return the answer's paths, best first
	 */
	public static List<List<String>> rest(HttpClient client, URI base, Query query, PathPairs.Pair pair) {
		URI uri = base.resolve("/api/paths?from=" + encode(pair.from()) + "&to=" + encode(pair.to()) + "&mode="
				+ query.mode() + "&k=" + query.k() + "&maxDepth=" + query.maxDepth());
		try {
			HttpResponse<byte[]> response = client.send(HttpRequest.newBuilder(uri).GET().build(),
					HttpResponse.BodyHandlers.ofByteArray());
			if (response.statusCode() != 200) {
				throw new IllegalStateException(uri + " answered " + response.statusCode() + ": "
						+ new String(response.body(), StandardCharsets.UTF_8));
			}
			List<List<String>> paths = new ArrayList<>();
			for (JsonNode path : JSON.readTree(response.body()).get("paths")) {
				List<String> ids = new ArrayList<>();
				path.get("nodes").forEach(node -> ids.add(node.get("id").asString()));
				paths.add(ids);
			}
			return paths;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * @param driver a driver to the application's engine
	 * @param cypher the query's Cypher, from {@link Query#cypher()}
	 * @param parameters the query's parameters, from {@link Query#parameters}
	 * @return every path the query returns
	 */
	public static List<List<String>> bolt(Driver driver, String cypher, Map<String, Object> parameters) {
		// Sent as the service sends it: one auto-commit statement in a read session.
		try (Session session = driver.session(SessionConfig.builder().withDefaultAccessMode(AccessMode.READ).build())) {
			List<Object> paths = session.run(cypher, parameters)
				.single()
				.get("paths")
				.asList(Value::asObject);
			List<List<String>> answer = new ArrayList<>();
			for (Object path : paths) {
				List<String> ids = new ArrayList<>();
				for (Object node : (List<?>) ((Map<?, ?>) path).get("nodes")) {
					ids.add((String) ((Map<?, ?>) node).get("id"));
				}
				answer.add(ids);
			}
			return answer;
		}
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
