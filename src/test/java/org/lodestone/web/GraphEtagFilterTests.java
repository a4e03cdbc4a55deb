package org.lodestone.web;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class GraphEtagFilterTests {

	private static final String TAG = "W/\"abc-3-1f\"";

	@Test
	void aSentBackTagMatchesWeaklyWithOrWithoutItsWeakPrefixAndInAList() {
		assertThat(GraphEtagFilter.matches(TAG, TAG)).isTrue();
		assertThat(GraphEtagFilter.matches("\"abc-3-1f\"", TAG)).isTrue();
		assertThat(GraphEtagFilter.matches("\"x\", W/\"abc-3-1f\"", TAG)).isTrue();
		assertThat(GraphEtagFilter.matches("*", TAG)).isTrue();
	}

	@Test
	void anotherGraphVersionOrNoHeaderDoesNotMatch() {
		assertThat(GraphEtagFilter.matches(null, TAG)).isFalse();
		assertThat(GraphEtagFilter.matches("W/\"abc-2-1f\"", TAG)).isFalse();
		assertThat(GraphEtagFilter.matches("", TAG)).isFalse();
	}

}
