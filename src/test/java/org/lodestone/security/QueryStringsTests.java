package org.lodestone.security;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class QueryStringsTests {

	@ParameterizedTest
	@ValueSource(strings = { "q=NdPr", "q=%E7%A8%80%E5%9C%9F", "q=H20&to=NdPr%20oxide", "q=a%0Ab", "q=%F0%9F%A7%B2",
			"q=plain+space" })
	void wellFormedUtf8Decodes(String raw) {
		assertThat(QueryStrings.decodable(raw)).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "q=%C3%28", "q=%FF%FE", "q=%E2%82", "q=%", "q=%4", "q=%zz", "q=%ED%A0%80",
			"q=%C0%AF" })
	void malformedPercentEncodingOrUtf8DoesNot(String raw) {
		assertThat(QueryStrings.decodable(raw)).isFalse();
	}

}
