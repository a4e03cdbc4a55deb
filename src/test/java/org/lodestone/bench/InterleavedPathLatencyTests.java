package org.lodestone.bench;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class InterleavedPathLatencyTests {

	@Test
	void percentilesAreNearestRankInMilliseconds() {
		InterleavedPathLatency.Timings timings = new InterleavedPathLatency.Timings();
		// 100 calls of 1..100 ms, added out of order and past the initial capacity.
		for (int i = 100; i >= 1; i--) {
			timings.add(i * 1_000_000L);
		}
		assertThat(timings.size()).isEqualTo(100);
		assertThat(timings.percentile(50)).isEqualTo(50.0);
		assertThat(timings.percentile(99)).isEqualTo(99.0);
		assertThat(timings.percentile(100)).isEqualTo(100.0);
	}

	@Test
	void theP99OfFewCallsIsTheSlowest() {
		InterleavedPathLatency.Timings timings = new InterleavedPathLatency.Timings();
		timings.add(3_000_000L);
		timings.add(9_000_000L);
		timings.add(5_000_000L);
		assertThat(timings.percentile(50)).isEqualTo(5.0);
		assertThat(timings.percentile(99)).isEqualTo(9.0);
	}

	@Test
	void noCallsHaveNoPercentile() {
		assertThatIllegalStateException().isThrownBy(() -> new InterleavedPathLatency.Timings().percentile(50));
	}

	@Test
	void answersAgreeWhateverTheirOrderButNotWithAPathMoreOrLess() {
		List<String> a = List.of("product:nvidia-h20", "state:cn", "mineral:ndpr");
		List<String> b = List.of("product:nvidia-h20", "state:us", "mineral:ndpr");
		assertThat(InterleavedPathLatency.sameAnswer(List.of(a, b), List.of(b, a))).isTrue();
		assertThat(InterleavedPathLatency.sameAnswer(List.of(a), List.of(a, b))).isFalse();
		assertThat(InterleavedPathLatency.sameAnswer(List.of(a, a), List.of(a, b))).isFalse();
		assertThat(InterleavedPathLatency.sameAnswer(List.of(), List.of())).isTrue();
	}

}
