package org.lodestone.security;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.lodestone.web.ProblemResponses;
import org.lodestone.web.ProblemTypes;

import org.springframework.http.HttpStatus;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.DefaultCorsProcessor;

/**
 * Spring's CORS checks, with a refusal written as problem details like every other error: its default answers a
 * foreign origin with a text/plain "Invalid CORS request".
 */
final class ProblemCorsProcessor extends DefaultCorsProcessor {

	private final ProblemResponses problems;

	ProblemCorsProcessor(ProblemResponses problems) {
		this.problems = problems;
	}

	@Override
	public boolean processRequest(CorsConfiguration configuration, HttpServletRequest request, HttpServletResponse response)
			throws IOException {
		// The default writes its refusal through rejectRequest, which has no request; record the refusal instead.
		Refusal refusal = new Refusal();
		boolean allowed = new DefaultCorsProcessor() {
			@Override
			protected void rejectRequest(org.springframework.http.server.ServerHttpResponse ignored) {
				refusal.refused = true;
			}
		}.processRequest(configuration, request, response);
		if (refusal.refused) {
			this.problems.write(request, response, ProblemResponses.problem(HttpStatus.FORBIDDEN,
					ProblemTypes.FORBIDDEN, "Origin not allowed",
					"Pages from this origin may not call this endpoint (lodestone.security.cors.allowed-origins, "
							+ "lodestone.guide.allowed-origins)"));
		}
		return allowed;
	}

	private static final class Refusal {

		boolean refused;

	}

}
