package org.lodestone.security;

import java.io.IOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.lodestone.web.ProblemResponses;
import org.lodestone.web.ProblemTypes;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A token bucket per client (its IP address as the server sees it, so behind a proxy configure
 * {@code server.forward-headers-strategy}). It runs before authentication, so guessing credentials is limited too.
 * Over the limit, the answer is 429 with {@code Retry-After} in seconds and a problem detail; within it, every answer
 * carries {@code X-Rate-Limit-Remaining}.
 */
final class RateLimitFilter extends OncePerRequestFilter {

	private final RateLimitProperties properties;

	private final ProblemResponses problems;

	private final Map<String, Bucket> buckets;

	RateLimitFilter(RateLimitProperties properties, ProblemResponses problems) {
		this.properties = properties;
		this.problems = problems;
		int max = Math.max(1, properties.maxClients());
		// Least recently used first out, so a flood of new addresses cannot grow memory without bound.
		this.buckets = Collections.synchronizedMap(new LinkedHashMap<>(64, 0.75f, true) {
			@Override
			protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
				return size() > max;
			}
		});
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (!this.properties.enabled()) {
			chain.doFilter(request, response);
			return;
		}
		Bucket bucket = this.buckets.computeIfAbsent(client(request), key -> newBucket());
		ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
		if (probe.isConsumed()) {
			response.setHeader("X-Rate-Limit-Remaining", Long.toString(probe.getRemainingTokens()));
			chain.doFilter(request, response);
			return;
		}
		long seconds = Math.max(1, (probe.getNanosToWaitForRefill() + 999_999_999L) / 1_000_000_000L);
		response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
		ProblemDetail problem = ProblemResponses.problem(HttpStatus.TOO_MANY_REQUESTS, ProblemTypes.RATE_LIMITED,
				"Too many requests", "This client sent more than " + this.properties.capacity() + " requests in "
						+ this.properties.period().toSeconds() + " s; try again in " + seconds + " s");
		problem.setProperty("retryAfterSeconds", seconds);
		this.problems.write(request, response, problem);
	}

	private Bucket newBucket() {
		return Bucket.builder()
			.addLimit(Bandwidth.builder()
				.capacity(this.properties.capacity())
				.refillGreedy(this.properties.capacity(), this.properties.period())
				.build())
			.build();
	}

	private static String client(HttpServletRequest request) {
		String address = request.getRemoteAddr();
		return (address != null) ? address : "unknown";
	}

}
