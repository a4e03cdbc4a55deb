package org.lodestone.security;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.lodestone.web.ProblemResponses;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;

class RateLimitFilterTests {

	final RateLimitFilter filter = new RateLimitFilter(new RateLimitProperties(true, 3, Duration.ofMinutes(1), 100),
			new ProblemResponses(JsonMapper.builder().build()));

	@Test
	void aClientOverItsLimitGets429WithRetryAfterAsProblemDetails() throws Exception {
		for (int i = 0; i < 3; i++) {
			MockHttpServletResponse ok = send("10.0.0.1");
			assertThat(ok.getStatus()).isEqualTo(200);
			assertThat(ok.getHeader("X-Rate-Limit-Remaining")).isEqualTo(Integer.toString(2 - i));
		}
		MockHttpServletResponse limited = send("10.0.0.1");
		assertThat(limited.getStatus()).isEqualTo(429);
		assertThat(Long.parseLong(limited.getHeader("Retry-After"))).isBetween(1L, 60L);
		assertThat(limited.getContentType()).startsWith("application/problem+json");
		assertThat(limited.getContentAsString()).contains("\"type\":\"urn:lodestone:problem:rate-limited\"")
			.contains("\"status\":429").contains("\"retryAfterSeconds\"");
		// Another client is not affected.
		assertThat(send("10.0.0.2").getStatus()).isEqualTo(200);
	}

	@Test
	void disabledLetsEverythingThrough() throws Exception {
		RateLimitFilter off = new RateLimitFilter(new RateLimitProperties(false, 1, Duration.ofMinutes(1), 100),
				new ProblemResponses(JsonMapper.builder().build()));
		for (int i = 0; i < 5; i++) {
			MockHttpServletResponse response = new MockHttpServletResponse();
			off.doFilter(request("10.0.0.3"), response, new MockFilterChain());
			assertThat(response.getStatus()).isEqualTo(200);
		}
	}

	@Test
	void rememberedClientsAreBounded() throws Exception {
		RateLimitFilter small = new RateLimitFilter(new RateLimitProperties(true, 1, Duration.ofHours(1), 2),
				new ProblemResponses(JsonMapper.builder().build()));
		for (String client : new String[] { "10.0.1.1", "10.0.1.2", "10.0.1.3" }) {
			MockHttpServletResponse response = new MockHttpServletResponse();
			small.doFilter(request(client), response, new MockFilterChain());
			assertThat(response.getStatus()).isEqualTo(200);
		}
		// 10.0.1.1 was forgotten when the third client arrived: memory stays bounded, at the price of a fresh bucket.
		MockHttpServletResponse response = new MockHttpServletResponse();
		small.doFilter(request("10.0.1.1"), response, new MockFilterChain());
		assertThat(response.getStatus()).isEqualTo(200);
	}

	private MockHttpServletResponse send(String client) throws Exception {
		MockHttpServletResponse response = new MockHttpServletResponse();
		this.filter.doFilter(request(client), response, new MockFilterChain());
		return response;
	}

	private static MockHttpServletRequest request(String client) {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/info");
		request.setRemoteAddr(client);
		return request;
	}

}
