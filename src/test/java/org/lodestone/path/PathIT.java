package org.lodestone.path;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.lodestone.IntegrationTest;
import org.lodestone.entity.AmbiguousEntityException;
import org.lodestone.entity.EntityNotFoundException;
import org.lodestone.graph.EntitySummary;
import org.lodestone.graph.Link;
import org.lodestone.graph.RelationshipType;
import org.neo4j.driver.Driver;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The correctness examples on the bundled data.
 */
class PathIT extends IntegrationTest {

	static final String LUTNICK_QUOTE = "We put that in the trade deal with the magnets";

	@Autowired
	PathService paths;

	@Autowired
	RestTestClient rest;

	@Autowired
	Driver driver;

	@Test
	void findsPathFromH20ToNdPrThroughTheMagnetDealCitingLutnick() {
		PathAnswer answer = this.paths.connect("H20", "NdPr", options(PathMode.K_SHORTEST, 5, 6));
		assertThat(answer.from().id()).isEqualTo("product:nvidia-h20");
		assertThat(answer.to().id()).isEqualTo("mineral:ndpr");
		assertThat(answer.paths()).isNotEmpty();
		assertThat(ids(answer.paths().get(0))).contains("policy:us-cn-london-framework");
		assertThat(answer.paths()).anySatisfy(path -> {
			assertThat(types(path)).contains("LICENSED_FOR", "CONCESSION_FOR");
			assertThat(ids(path)).contains("policy:us-h20-export-licences", "policy:us-cn-london-framework");
			Link concession = path.hops().stream().filter(hop -> hop.type().equals("CONCESSION_FOR")).findFirst()
				.orElseThrow();
			assertThat(concession.quote()).contains(LUTNICK_QUOTE);
			assertThat(concession.sources()).anySatisfy(source -> assertThat(source.publisher()).contains("Reuters"));
			assertThat(path.summary()).contains(LUTNICK_QUOTE);
		});
	}

	@Test
	void h20ToChinaShowsTheAprilRestrictionInMayAndTheLicenceAfterAugust() {
		PathAnswer may = this.paths.connect("H20", "China", asOf("2025-05-15"));
		assertThat(ids(may.paths().get(0))).containsExactly("product:nvidia-h20",
				"policy:us-h20-licence-requirement-2025-04", "state:cn");
		assertThat(types(may.paths().get(0))).containsExactly("RESTRICTS", "TARGETS");
		assertThat(may.paths()).noneSatisfy(path -> assertThat(ids(path)).contains("policy:us-h20-export-licences"));

		PathAnswer september = this.paths.connect("H20", "China", asOf("2025-09-01"));
		assertThat(ids(september.paths().get(0))).containsExactly("product:nvidia-h20",
				"policy:us-h20-export-licences", "state:cn");
		assertThat(types(september.paths().get(0))).containsExactly("LICENSED_FOR", "TARGETS");
		assertThat(september.paths()).allSatisfy(path -> assertThat(path.hops())
			.noneSatisfy(hop -> assertThat(hop.id()).isEqualTo(
					"policy:us-h20-licence-requirement-2025-04|RESTRICTS|product:nvidia-h20")));
		assertThat(september.paths()).allSatisfy(path -> assertThat(path.hops())
			.allSatisfy(hop -> assertThat(hop.heldOn(java.time.LocalDate.of(2025, 9, 1))).isTrue()));
	}

	@Test
	void bothLawmakersConnectToTheLicenceDecisionThroughCriticized() {
		for (String lawmaker : List.of("Moolenaar", "Krishnamoorthi")) {
			PathAnswer answer = this.paths.connect(lawmaker, "policy:us-h20-export-licences",
					options(PathMode.SHORTEST, 5, 6));
			assertThat(answer.paths()).first().satisfies(path -> {
				assertThat(path.length()).isOne();
				assertThat(types(path)).containsExactly("CRITICIZED");
				assertThat(path.hops().get(0).sources()).isNotEmpty();
			});
		}
	}

	@Test
	void resolvesTheNamesUsersType() {
		Map<String, String> expected = Map.of("H20", "product:nvidia-h20", "Nvidia H20", "product:nvidia-h20", "NdPr",
				"mineral:ndpr", "neodymium-praseodymium", "mineral:ndpr", "Lutnick", "person:howard-lutnick",
				"commerce department", "agency:us-commerce", "mineral:ndpr", "mineral:ndpr");
		expected.forEach((typed, id) -> assertThat(this.paths.connect(typed, "China", options(PathMode.SHORTEST, 1, 6))
			.from().id()).as(typed).isEqualTo(id));
	}

	@Test
	void ambiguousNamesGive409WithCandidatesAndUnknownNames404WithCloseMatches() {
		this.rest.get().uri("/api/paths?from=rare earth&to=NdPr").exchange()
			.expectStatus().isEqualTo(409)
			.expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.type").isEqualTo("urn:lodestone:problem:ambiguous-entity")
			.jsonPath("$.candidates[?(@.id == 'mineral:rare-earths')]").exists();
		this.rest.get().uri("/api/paths?from=Zanzibar Chips&to=NdPr").exchange()
			.expectStatus().isNotFound()
			.expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.type").isEqualTo("urn:lodestone:problem:entity-not-found")
			.jsonPath("$.query").isEqualTo("Zanzibar Chips")
			.jsonPath("$.closeMatches").isArray();
		assertThatExceptionOfType(EntityNotFoundException.class)
			.isThrownBy(() -> this.paths.connect("Nvidiaa Corporashun Xq", "NdPr", options(PathMode.SHORTEST, 1, 6)))
			.satisfies(ex -> assertThat(ex.closeMatches()).extracting(EntitySummary::id).contains("company:nvidia"));
		assertThatExceptionOfType(AmbiguousEntityException.class)
			.isThrownBy(() -> this.paths.connect("export controls", "NdPr", options(PathMode.SHORTEST, 1, 6)));
	}

	@Test
	void noPathGivesAnEmptyListWithTheReason() {
		PathAnswer strict = this.paths.connect("H20", "NdPr", new PathOptions(PathMode.K_SHORTEST, 5, 6,
				List.of(), List.of(), List.of(), null, 0.99, false));
		assertThat(strict.paths()).isEmpty();
		assertThat(strict.reason()).contains("connect within 6 hops").contains("confidence of at least 0.99");

		PathAnswer early = this.paths.connect("H20", "NdPr", asOf("2020-01-01"));
		assertThat(early.paths()).isEmpty();
		assertThat(early.reason()).contains("holding on 2020-01-01");

		this.rest.get().uri("/api/paths?from=H20&to=NdPr&maxDepth=1").exchange()
			.expectStatus().isOk()
			.expectBody()
			.jsonPath("$.paths").isEmpty()
			.jsonPath("$.reason").isEqualTo("No connection between Nvidia H20 and NdPr (neodymium-praseodymium) within 1 hops.");
	}

	@Test
	void rankingIsFewestHopsThenWeakestLinkThenNewestEvidenceAndDeterministic() {
		PathAnswer first = this.paths.connect("H20", "NdPr", options(PathMode.K_SHORTEST, 10, 6));
		PathAnswer second = this.paths.connect("H20", "NdPr", options(PathMode.K_SHORTEST, 10, 6));
		assertThat(second).isEqualTo(first);
		List<ConnectionPath> ranked = first.paths();
		for (int i = 1; i < ranked.size(); i++) {
			ConnectionPath before = ranked.get(i - 1);
			ConnectionPath after = ranked.get(i);
			assertThat(before.length()).isLessThanOrEqualTo(after.length());
			if (before.length() == after.length()) {
				assertThat(before.minConfidence()).isGreaterThanOrEqualTo(after.minConfidence());
				if (before.minConfidence() == after.minConfidence()) {
					assertThat(before.latestEvidence()).isAfterOrEqualTo(after.latestEvidence());
				}
			}
		}
	}

	@Test
	void theFirstKPathsAreTheFirstKOfTheWholeRanking() {
		// With k above the number of candidates, the engine cuts nothing and every candidate is ranked; a smaller k
		// makes it rank by evidence only the candidates that can still make the answer, which must not change them.
		for (int maxDepth : List.of(3, 4)) {
			List<ConnectionPath> every = this.paths
				.connect("H20", "NdPr", options(PathMode.ALL, PathOptions.MAX_K, maxDepth))
				.paths();
			// At depth 3 every candidate fits under the cap, so the engine cuts nothing; at depth 4 the grown dataset
			// has more than MAX_K, and the first MAX_K must still be the head of the whole ranking.
			if (maxDepth == 3) {
				assertThat(every).as("maxDepth %d", maxDepth).hasSizeBetween(5, PathOptions.MAX_K - 1);
			}
			else {
				assertThat(every).as("maxDepth %d", maxDepth).hasSizeGreaterThanOrEqualTo(5);
			}
			for (int k = 1; k <= every.size(); k++) {
				assertThat(this.paths.connect("H20", "NdPr", options(PathMode.ALL, k, maxDepth)).paths())
					.as("k %d of %d, maxDepth %d", k, every.size(), maxDepth)
					.isEqualTo(every.subList(0, k));
			}
		}
	}

	@Test
	void allModeReturnsOnlySimplePathsWithinMaxDepth() {
		PathAnswer answer = this.paths.connect("H20", "NdPr", options(PathMode.ALL, 50, 3));
		assertThat(answer.paths()).hasSizeGreaterThan(1).allSatisfy(path -> {
			assertThat(path.length()).isLessThanOrEqualTo(3);
			assertThat(ids(path)).doesNotHaveDuplicates();
		});
	}

	@Test
	void filtersApplyDuringTheSearchSoALongerPathReplacesAFilteredShorterOne() {
		PathAnswer unfiltered = this.paths.connect("H20", "NdPr", options(PathMode.SHORTEST, 5, 6));
		assertThat(unfiltered.paths().get(0).minConfidence()).isLessThan(0.65);
		int shortest = unfiltered.paths().get(0).length();
		PathAnswer filtered = this.paths.connect("H20", "NdPr", new PathOptions(PathMode.SHORTEST, 5, 6,
				List.of(), List.of(), List.of(), null, 0.65, false));
		assertThat(filtered.paths()).isNotEmpty().allSatisfy(path -> {
			assertThat(path.minConfidence()).isGreaterThanOrEqualTo(0.65);
			assertThat(path.length()).isGreaterThan(shortest);
		});
	}

	@Test
	void filtersByTypeKindDirectionAndConfidence() {
		PathAnswer onlyDeal = this.paths.connect("H20", "NdPr", new PathOptions(PathMode.K_SHORTEST, 5, 6,
				List.of(RelationshipType.LICENSED_FOR, RelationshipType.CONCESSION_FOR, RelationshipType.COVERS),
				List.of(), List.of(), null, 0, false));
		assertThat(onlyDeal.paths()).isNotEmpty().allSatisfy(path -> assertThat(types(path))
			.isSubsetOf("LICENSED_FOR", "CONCESSION_FOR", "COVERS"));

		PathAnswer policiesOnly = this.paths.connect("H20", "NdPr", new PathOptions(PathMode.K_SHORTEST, 5, 6,
				List.of(), List.of(RelationshipType.COVERS), List.of("Policy"), null, 0.5, false));
		assertThat(policiesOnly.paths()).allSatisfy(path -> {
			assertThat(types(path)).doesNotContain("COVERS");
			assertThat(path.nodes().subList(1, path.nodes().size() - 1)).allSatisfy(node -> assertThat(node.kind())
				.isEqualTo("Policy"));
			assertThat(path.minConfidence()).isGreaterThanOrEqualTo(0.5);
		});

		PathAnswer outgoing = this.paths.connect("Lutnick", "H20", new PathOptions(PathMode.K_SHORTEST, 5, 6,
				List.of(), List.of(), List.of(), null, 0, true));
		assertThat(outgoing.paths()).allSatisfy(path -> {
			for (int i = 0; i < path.hops().size(); i++) {
				assertThat(path.hops().get(i).from().id()).isEqualTo(path.nodes().get(i).id());
			}
		});
	}

	@Test
	void pathQueriesNeverPlanAnExhaustiveSearchWhateverTheFilters() {
		int checked = 0;
		for (PathMode mode : PathMode.values()) {
			for (int filters = 0; filters < 16; filters++) {
				PathOptions options = new PathOptions(mode, 5, 6, List.of(), List.of(),
						((filters & 1) != 0) ? List.of("Policy", "Chip") : List.of(),
						((filters & 2) != 0) ? LocalDate.of(2025, 8, 15) : null, ((filters & 4) != 0) ? 0.5 : 0,
						(filters & 8) != 0);
				String cypher = PathStatement.cypher(options, java.util.EnumSet.allOf(RelationshipType.class));
				var summary = this.driver.session()
					.run("EXPLAIN " + cypher, PathStatement.parameters("product:nvidia-h20", "mineral:ndpr", options))
					.consume();
				String operators = operators(summary.plan());
				String shape = mode + " with filters " + Integer.toBinaryString(filters) + ": " + operators;
				// A filter the search cannot check hop by hop makes the planner add an exhaustive search after the
				// bidirectional one (AntiConditionalApply; Error where the engine forbids it, as the embedded one does).
				assertThat(operators).as(shape).doesNotContain("AntiConditionalApply").doesNotContainPattern("\\bError[@(]")
					.doesNotContain("VarLengthExpand");
				assertThat(summary.notifications()).as(shape)
					.noneSatisfy(n -> assertThat(n.description()).containsIgnoringCase("exhaustive"));
				if (mode == PathMode.SHORTEST) {
					assertThat(operators).as(shape).containsPattern("(?<!Stateful)ShortestPath[@(]");
					assertThat(cypher).contains("allShortestPaths(").contains("*1..6]");
				}
				else {
					assertThat(operators).as(shape).contains("StatefulShortestPath");
					assertThat(cypher).contains("{1,6}");
				}
				checked++;
			}
		}
		assertThat(checked).isEqualTo(PathMode.values().length * 16);
	}

	private static String operators(org.neo4j.driver.summary.Plan plan) {
		StringBuilder text = new StringBuilder(plan.operatorType()).append("(");
		plan.children().forEach(child -> text.append(operators(child)));
		return text.append(")").toString();
	}

	static PathOptions options(PathMode mode, int k, int maxDepth) {
		return new PathOptions(mode, k, maxDepth, List.of(), List.of(), List.of(), null, 0, false);
	}

	static PathOptions asOf(String date) {
		return new PathOptions(PathMode.K_SHORTEST, 5, 6, List.of(), List.of(), List.of(),
				java.time.LocalDate.parse(date), 0, false);
	}

	static List<String> ids(ConnectionPath path) {
		return path.nodes().stream().map(EntitySummary::id).toList();
	}

	static List<String> types(ConnectionPath path) {
		return path.hops().stream().map(Link::type).toList();
	}

}
