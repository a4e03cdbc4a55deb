package org.lodestone.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.neo4j.driver.Driver;

/**
 * Endpoint pairs at known graph distances, chosen deterministically: the entity ids are sorted, a seeded random
 * generator picks a start among the entities that have a relationship, a breadth-first search over the undirected
 * graph (as {@code /api/paths} follows relationships in either direction, of every type) gives every entity's
 * distance from it, and the generator picks one entity at each wanted distance, plus one it cannot reach at all. This
 * repeats with new starts until every distance has its share of pairs.
 */
public final class PathPairs {

	/** The distance of a pair with no path between its ends. */
	public static final int UNREACHABLE = -1;

	/**
	 * Two entities and the length of the shortest path between them.
	 *
	 * @param from the start id
	 * @param to the end id
	 * @param distance hops on the shortest path, or {@link #UNREACHABLE}
	 */
	public record Pair(String from, String to, int distance) {
	}

	private PathPairs() {
	}

	/**
	 * @param driver a driver to the graph
	 * @param maxDistance the largest distance wanted, from 1
	 * @param perDistance how many pairs per distance (and unreachable)
	 * @param seed the random seed
	 * @return the pairs by distance, {@link #UNREACHABLE} last; a distance the graph lacks has no entry
	 */
	public static Map<Integer, List<Pair>> choose(Driver driver, int maxDistance, int perDistance, long seed) {
		List<String> ids = new ArrayList<>();
		driver.executableQuery("MATCH (n:Entity) RETURN n.id AS id ORDER BY id").execute().records()
			.forEach(record -> ids.add(record.get("id").asString()));
		Map<String, Integer> index = new HashMap<>();
		for (int i = 0; i < ids.size(); i++) {
			index.put(ids.get(i), i);
		}
		int[] degree = new int[ids.size()];
		List<int[]> edges = new ArrayList<>();
		driver.executableQuery("MATCH (a:Entity)-[]->(b:Entity) RETURN a.id AS a, b.id AS b").execute().records()
			.forEach(record -> {
				int a = index.get(record.get("a").asString());
				int b = index.get(record.get("b").asString());
				degree[a]++;
				degree[b]++;
				edges.add(new int[] { a, b });
			});
		int[][] adjacency = new int[ids.size()][];
		for (int i = 0; i < ids.size(); i++) {
			adjacency[i] = new int[degree[i]];
		}
		int[] filled = new int[ids.size()];
		for (int[] edge : edges) {
			adjacency[edge[0]][filled[edge[0]]++] = edge[1];
			adjacency[edge[1]][filled[edge[1]]++] = edge[0];
		}
		int[] connected = java.util.stream.IntStream.range(0, ids.size()).filter(i -> degree[i] > 0).toArray();
		SplittableRandom random = new SplittableRandom(seed);
		Map<Integer, List<Pair>> pairs = new LinkedHashMap<>();
		for (int d = 1; d <= maxDistance; d++) {
			pairs.put(d, new ArrayList<>());
		}
		pairs.put(UNREACHABLE, new ArrayList<>());
		int[] distance = new int[ids.size()];
		for (int attempt = 0; attempt < 200 && connected.length > 0 && !full(pairs, perDistance); attempt++) {
			int start = connected[random.nextInt(connected.length)];
			bfs(adjacency, start, distance);
			for (Map.Entry<Integer, List<Pair>> entry : pairs.entrySet()) {
				if (entry.getValue().size() >= perDistance) {
					continue;
				}
				int wanted = entry.getKey();
				int[] candidates = java.util.stream.IntStream.range(0, ids.size())
					.filter(i -> i != start && distance[i] == wanted)
					.toArray();
				if (candidates.length > 0) {
					int end = candidates[random.nextInt(candidates.length)];
					entry.getValue().add(new Pair(ids.get(start), ids.get(end), wanted));
				}
			}
		}
		pairs.values().removeIf(List::isEmpty);
		return pairs;
	}

	private static boolean full(Map<Integer, List<Pair>> pairs, int perDistance) {
		return pairs.values().stream().allMatch(list -> list.size() >= perDistance);
	}

	private static void bfs(int[][] adjacency, int start, int[] distance) {
		Arrays.fill(distance, UNREACHABLE);
		int[] queue = new int[adjacency.length];
		int head = 0;
		int tail = 0;
		queue[tail++] = start;
		distance[start] = 0;
		while (head < tail) {
			int node = queue[head++];
			for (int next : adjacency[node]) {
				if (distance[next] == UNREACHABLE) {
					distance[next] = distance[node] + 1;
					queue[tail++] = next;
				}
			}
		}
	}

	/**
	 * Writes pairs one a line, {@code distance from to}, for the benchmark forks.
	 * @param pairs the pairs
	 * @param file where
	 * @throws IOException when writing fails
	 */
	public static void write(Map<Integer, List<Pair>> pairs, Path file) throws IOException {
		List<String> lines = new ArrayList<>();
		pairs.values().forEach(list -> list.forEach(pair -> lines.add(pair.distance() + " " + pair.from() + " " + pair.to())));
		Files.write(file, lines, StandardCharsets.UTF_8);
	}

	/**
	 * @param file written by {@link #write}
	 * @param distance the distance wanted
	 * @return the pairs at that distance
	 * @throws IOException when reading fails
	 */
	public static List<Pair> read(Path file, int distance) throws IOException {
		List<Pair> pairs = new ArrayList<>();
		for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
			String[] parts = line.split(" ");
			if (Integer.parseInt(parts[0]) == distance) {
				pairs.add(new Pair(parts[1], parts[2], distance));
			}
		}
		return pairs;
	}

}
