package org.lodestone.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.lodestone.IntegrationTest;
import org.neo4j.driver.Driver;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * A small run of the path benchmark on the bundled data: the chosen pairs are at the distances they claim, every
 * benchmarked query plans without an exhaustive fallback or an unbounded expansion, and {@code /api/paths} answers
 * with paths the Bolt baseline finds too. Correctness only; nothing here is timed.
 */
class PathBenchmarkIT extends IntegrationTest {

	@Autowired
	private Driver driver;

	@LocalServerPort
	private int port;

	@Test
	void pairsAreAtTheirDistancesAndRestAgreesWithBolt() {
		Map<Integer, List<PathPairs.Pair>> pairs = PathPairs.choose(this.driver, 6, 2, 42);
		assertThat(pairs).containsKeys(1, 2, 3);
		HttpClient client = HttpClient.newHttpClient();
		URI base = URI.create("http://127.0.0.1:" + this.port);
		for (PathWorkloads.Query query : PathWorkloads.Query.ALL) {
			for (List<PathPairs.Pair> atDistance : pairs.values()) {
				for (PathPairs.Pair pair : atDistance) {
					List<List<String>> rest = PathWorkloads.rest(client, base, query, pair);
					List<List<String>> bolt = PathWorkloads.bolt(this.driver, query.cypher(), query.parameters(pair));
					String what = query + " " + pair;
					if (pair.distance() == PathPairs.UNREACHABLE || pair.distance() > query.maxDepth()) {
						assertThat(rest).as(what).isEmpty();
						assertThat(bolt).as(what).isEmpty();
						continue;
					}
					assertThat(bolt.stream().mapToInt(List::size).min().getAsInt() - 1).as(what).isEqualTo(pair.distance());
					assertThat(rest.get(0)).as(what).hasSize(pair.distance() + 1);
					// The engine ranks and cuts to k, so both give the same paths; the service may order them again.
					assertThat(rest).as(what).containsExactlyInAnyOrderElementsOf(bolt).hasSizeLessThanOrEqualTo(query.k());
				}
			}
		}
	}

	@Test
	void everyBenchmarkedQueryPlansWithoutFallbackOrUnboundedExpansion() {
		for (PathWorkloads.Query query : PathWorkloads.Query.ALL) {
			PlanCheck.Result plan = PlanCheck.check(this.driver, query.cypher(),
					query.parameters(new PathPairs.Pair("product:nvidia-h20", "mineral:ndpr", 1)));
			assertThat(plan.violations()).as(query + " " + plan.operators()).isEmpty();
			// Every mode searches from both ends: a plain expansion from one end (VarLengthExpand) never finished on
			// hub-heavy graphs (docs/benchmarks.md). Shortest paths use the bidirectional breadth-first search of
			// allShortestPaths, the others the SHORTEST selector.
			String search = query.mode().equals("shortest") ? "ShortestPath@" : "StatefulShortestPath";
			assertThat(plan.operators()).as(query.mode()).anyMatch(op -> op.startsWith(search))
				.noneMatch(op -> op.startsWith("VarLengthExpand"));
		}
	}

	@Test
	void thePlanCheckCatchesAnExhaustiveFallbackAnUnboundedExpansionAndAScan() {
		// A filter on the whole path cannot be checked hop by hop: the planner adds the exhaustive fallback.
		PlanCheck.Result fallback = PlanCheck.check(this.driver,
				"MATCH (a:Entity {id: $from}), (b:Entity {id: $to}), p = shortestPath((a)-[*]-(b)) "
						+ "WHERE length(p) > 1 RETURN p",
				Map.of("from", "a", "to", "b"));
		assertThat(fallback.violations()).anyMatch(v -> v.contains("fallback"));
		assertThat(fallback.violations()).anyMatch(v -> v.contains("unbounded"));
		PlanCheck.Result hopByHop = PlanCheck.check(this.driver,
				"MATCH (a:Entity {id: $from}), (b:Entity {id: $to}), p = allShortestPaths((a)-[*1..4]-(b)) "
						+ "WHERE all(r IN relationships(p) WHERE r.confidence > 0.5) RETURN p",
				Map.of("from", "a", "to", "b"));
		assertThat(hopByHop.violations()).isEmpty();
		PlanCheck.Result scan = PlanCheck.check(this.driver,
				"MATCH (a:Entity), (b:Entity) WHERE toLower(a.id) = $from AND toLower(b.id) = $to "
						+ "MATCH p = SHORTEST 1 (a)-[]-{1,3}(b) RETURN p",
				Map.of("from", "a", "to", "b"));
		assertThat(scan.violations()).anyMatch(v -> v.contains("scanning"));
	}

	@Test
	void theLatencyBenchmarkTimesRestAndBoltInTurnOnTheSamePairs() {
		List<PathPairs.Pair> pairs = PathPairs.choose(this.driver, 3, 2, 42).get(2);
		InterleavedPathLatency latency = new InterleavedPathLatency(HttpClient.newHttpClient(),
				URI.create("http://127.0.0.1:" + this.port), this.driver);
		InterleavedPathLatency.Latency measured = latency.measure(PathWorkloads.Query.of("k-shortest"), pairs,
				new InterleavedPathLatency.Settings(Duration.ZERO, 2, Duration.ZERO, 3));
		// At least 3 steps per iteration, rounded up to whole rounds over the pairs.
		int perIteration = (3 + pairs.size() - 1) / pairs.size() * pairs.size();
		assertThat(measured.samples()).isEqualTo(2 * perIteration);
		assertThat(List.of(measured.restP50(), measured.boltP50(), measured.restP99(), measured.boltP99()))
			.allSatisfy(spread -> {
				assertThat(spread.n()).isEqualTo(2);
				assertThat(spread.min()).isPositive().isLessThanOrEqualTo(spread.median());
			});
		assertThat(measured.restP99().median()).isGreaterThanOrEqualTo(measured.restP50().median());
	}

	@Test
	void theLatencyBenchmarkFailsOnAnErrorAnswer() {
		// A pair whose start does not exist: REST answers 404 and Bolt no paths; neither is a latency to report.
		List<PathPairs.Pair> missing = List.of(new PathPairs.Pair("product:no-such", "mineral:ndpr", 1));
		InterleavedPathLatency latency = new InterleavedPathLatency(HttpClient.newHttpClient(),
				URI.create("http://127.0.0.1:" + this.port), this.driver);
		assertThatIllegalStateException()
			.isThrownBy(() -> latency.measure(PathWorkloads.Query.of("shortest"), missing,
					new InterleavedPathLatency.Settings(Duration.ZERO, 1, Duration.ZERO, 1)))
			.withMessageContaining("REST failed").withMessageContaining("404");
	}

}
