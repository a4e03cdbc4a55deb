package org.lodestone.path;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.lodestone.graph.RelationshipType;
import org.lodestone.request.InvalidRequestException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The options of a path query as the API, the exports and the command line take them: the defaults, the bounds, how
 * text is read, and what an answer echoes.
 */
class PathOptionsTests {

	@Test
	void theDefaultsAreFiveKShortestPathsWithinSixHopsInEitherDirectionUnfiltered() {
		PathOptions options = defaults();
		assertThat(options.mode()).isEqualTo(PathMode.K_SHORTEST);
		assertThat(options.k()).isEqualTo(5);
		assertThat(options.maxDepth()).isEqualTo(6);
		assertThat(options.outgoing()).isFalse();
		assertThat(options.minConfidence()).isZero();
		assertThat(options.asOf()).isNull();
		assertThat(options.kinds()).isEmpty();
		assertThat(options.allowedTypes()).containsExactlyInAnyOrder(RelationshipType.values());
		assertThat(options.filtered()).isFalse();
	}

	@Test
	void depthAndKAreAcceptedUpToTheirBoundsAndRefusedBeyondNamingTheParameter() {
		assertThat(parse("k-shortest", "1", "1").maxDepth()).isOne();
		assertThat(parse("all", String.valueOf(PathOptions.MAX_K), String.valueOf(PathOptions.MAX_DEPTH)))
			.satisfies(options -> {
				assertThat(options.k()).isEqualTo(50);
				assertThat(options.maxDepth()).isEqualTo(8);
			});
		expectRefused(() -> parse("all", "5", "9"), "maxDepth", "maxDepth must be between 1 and 8, got 9");
		expectRefused(() -> parse("all", "5", "0"), "maxDepth", "maxDepth must be between 1 and 8, got 0");
		expectRefused(() -> parse("all", "51", "6"), "k", "k must be between 1 and 50, got 51");
		expectRefused(() -> parse("all", "0", "6"), "k", "k must be between 1 and 50, got 0");
		expectRefused(() -> new PathOptions(PathMode.ALL, 5, 6, List.of(), List.of(), List.of(), null, Double.NaN,
				false), "minConfidence", "minConfidence must be between 0 and 1, got NaN");
	}

	@Test
	void modeAndDirectionAreReadWhateverTheirCaseAndAnythingElseIsRefused() {
		assertThat(PathOptions.parse("SHORTEST", "5", "6", null, null, null, null, null, "Outgoing"))
			.satisfies(options -> {
				assertThat(options.mode()).isEqualTo(PathMode.SHORTEST);
				assertThat(options.outgoing()).isTrue();
			});
		expectRefused(() -> PathOptions.parse("k_shortest", "5", "6", null, null, null, null, null, "any"), "mode",
				"mode must be shortest, k-shortest or all, got 'k_shortest'");
		expectRefused(() -> PathOptions.parse("all", "5", "6", null, null, null, null, null, "incoming"), "direction",
				"direction must be any or outgoing, got 'incoming'");
	}

	@Test
	void kindsAreKindsOrSubtypesWrittenAsStoredAndSourcesAreNotAKindAPathGoesThrough() {
		PathOptions options = PathOptions.parse("all", "5", "6", null, null, " policy,CHIP,, Mineral ", null, null,
				"any");
		assertThat(options.kinds()).containsExactly("Policy", "Chip", "Mineral");
		expectRefused(() -> PathOptions.parse("all", "5", "6", null, null, "Policy,Source", null, null, "any"), "kinds",
				"unknown kind 'Source'");
		expectRefused(() -> PathOptions.parse("all", "5", "6", null, null, "Spaceship", null, null, "any"), "kinds",
				"unknown kind 'Spaceship'; use Actor, Product, Mineral, Policy or a subtype such as Chip or TradeDeal");
	}

	@Test
	void theAllowedTypesAreTheTypesGivenOrAllLessTheExcludedOnes() {
		PathOptions some = PathOptions.parse("all", "5", "6", "COVERS,LICENSED_FOR,TIES", "TIES", null, null, null,
				"any");
		assertThat(some.allowedTypes()).containsExactly(RelationshipType.COVERS, RelationshipType.LICENSED_FOR);
		PathOptions allButOne = PathOptions.parse("all", "5", "6", null, "COVERS", null, null, null, "any");
		assertThat(allButOne.allowedTypes()).hasSize(RelationshipType.values().length - 1)
			.doesNotContain(RelationshipType.COVERS);
		PathOptions none = PathOptions.parse("all", "5", "6", "COVERS", "COVERS", null, null, null, "any");
		assertThat(none.allowedTypes()).isEmpty();
	}

	@Test
	void everyOptionThatNarrowsTheSearchCountsAsAFilterButDepthModeAndKDoNot() {
		assertThat(parse("all", "50", "3").filtered()).isFalse();
		assertThat(PathOptions.parse("all", "5", "6", null, null, null, "2025-05-15", null, "any").filtered()).isTrue();
		assertThat(PathOptions.parse("all", "5", "6", null, null, null, null, "0.5", "any").filtered()).isTrue();
		assertThat(PathOptions.parse("all", "5", "6", null, null, "Policy", null, null, "any").filtered()).isTrue();
		assertThat(PathOptions.parse("all", "5", "6", null, "TIES", null, null, null, "any").filtered()).isTrue();
		assertThat(PathOptions.parse("all", "5", "6", "COVERS", null, null, null, null, "any").filtered()).isTrue();
		assertThat(PathOptions.parse("all", "5", "6", null, null, null, null, null, "outgoing").filtered()).isTrue();
		// Naming every type allows what no list allows.
		String every = String.join(",", EnumSet.allOf(RelationshipType.class).stream().map(Enum::name).toList());
		assertThat(PathOptions.parse("all", "5", "6", every, null, null, null, null, "any").filtered()).isFalse();
	}

	@Test
	void anAnswerEchoesTheOptionsAsTheyWereUnderstood() {
		PathOptions options = PathOptions.parse("ALL", "3", "4", "covers,licensed_for", "targets", "policy",
				"2025-05-15", "0.5", "OUTGOING");
		assertThat(options.query()).isEqualTo(new PathQuery("all", 3, 4, List.of("COVERS", "LICENSED_FOR"),
				List.of("TARGETS"), List.of("Policy"), LocalDate.of(2025, 5, 15), 0.5, "outgoing"));
		assertThat(defaults().query().direction()).isEqualTo("any");
	}

	@Test
	void theEmptyAnswerCheckSearchesTheSameDepthWithoutAnyFilter() {
		PathOptions unfiltered = PathOptions.unfiltered(4);
		assertThat(unfiltered.maxDepth()).isEqualTo(4);
		assertThat(unfiltered.mode()).isEqualTo(PathMode.SHORTEST);
		assertThat(unfiltered.filtered()).isFalse();
	}

	@Test
	void optionsDoNotChangeWhenTheListsTheyWereMadeFromDo() {
		List<String> kinds = new ArrayList<>(List.of("Policy"));
		PathOptions options = new PathOptions(PathMode.ALL, 5, 6, List.of(), List.of(), kinds, null, 0, false);
		kinds.add("Chip");
		assertThat(options.kinds()).containsExactly("Policy");
	}

	private static PathOptions defaults() {
		return PathOptions.parse(PathOptions.DEFAULT_MODE, PathOptions.DEFAULT_K, PathOptions.DEFAULT_MAX_DEPTH, null,
				null, null, null, null, PathOptions.DEFAULT_DIRECTION);
	}

	private static PathOptions parse(String mode, String k, String maxDepth) {
		return PathOptions.parse(mode, k, maxDepth, null, null, null, null, null, "any");
	}

	private static void expectRefused(ThrowingCallable parse, String parameter, String message) {
		assertThatExceptionOfType(InvalidRequestException.class).isThrownBy(parse)
			.satisfies(ex -> assertThat(ex.parameter()).isEqualTo(parameter))
			.withMessageContaining(message);
	}

}
