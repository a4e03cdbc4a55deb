package org.lodestone.mcp;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

class AnswerBudgetTests {

	static final JsonMapper JSON = JsonMapper.builder().build();

	final AnswerBudget budget = new AnswerBudget(JSON, 5_000);

	record Hop(String from, String to, double confidence, List<String> sources) {
	}

	record Path(List<Hop> hops) {
	}

	static Path path(int i) {
		return new Path(IntStream.range(0, 4)
			.mapToObj(h -> new Hop("a" + i + h, "b" + i + h, 0.9, List.of("https://example.org/source/" + i + "/" + h)))
			.toList());
	}

	@Test
	void aSmallAnswerPassesWhole() {
		ObjectNode fitted = this.budget.fit(Map.of("paths", List.of(path(1))));
		assertThat(fitted.get("truncated").asBoolean()).isFalse();
		assertThat(fitted.get("answer").get("paths").size()).isEqualTo(1);
		assertThat(fitted.has("omitted")).isFalse();
	}

	@Test
	void aLargeAnswerLosesWholeOuterItemsAndFits() {
		List<Path> paths = new ArrayList<>();
		for (int i = 0; i < 100; i++) {
			paths.add(path(i));
		}
		ObjectNode fitted = this.budget.fit(Map.of("from", "x", "paths", paths));
		assertThat(this.budget.length(fitted)).isLessThanOrEqualTo(5_000);
		assertThat(fitted.get("truncated").asBoolean()).isTrue();
		int kept = fitted.get("answer").get("paths").size();
		assertThat(kept).isBetween(1, 99);
		// Paths were dropped, never hops inside a path: each kept path has all four.
		fitted.get("answer").get("paths").forEach(path -> assertThat(path.get("hops").size()).isEqualTo(4));
		assertThat(fitted.get("omitted").get(0).get("at").asString()).isEqualTo("/paths");
		assertThat(fitted.get("omitted").get(0).get("total").asInt()).isEqualTo(100);
		assertThat(fitted.get("omitted").get(0).get("kept").asInt()).isEqualTo(kept);
		// It keeps as much as fits, not a fraction of it.
		assertThat(this.budget.length(fitted)).isGreaterThan(5_000 / 2);
	}

	@Test
	void aSingleHugeTextIsShortenedAndAnUnfittableAnswerIsRefused() {
		ObjectNode shortened = this.budget.fit(Map.of("rows", List.of(List.of("x".repeat(20_000)))));
		assertThat(this.budget.length(shortened)).isLessThanOrEqualTo(5_000);
		assertThat(shortened.get("truncated").asBoolean()).isTrue();
		Map<String, Object> wide = new java.util.LinkedHashMap<>();
		IntStream.range(0, 400).forEach(i -> wide.put("field" + i, "value" + i));
		ObjectNode refused = this.budget.fit(wide);
		assertThat(refused.get("answer").isNull()).isTrue();
		assertThat(refused.get("note").asString()).contains("does not fit");
	}

}
