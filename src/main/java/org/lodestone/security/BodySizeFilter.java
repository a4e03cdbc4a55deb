package org.lodestone.security;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.lodestone.web.ProblemResponses;
import org.lodestone.web.ProblemTypes;
import org.lodestone.web.RequestLimits;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a request body declared larger than {@code lodestone.limits.max-json-body} with 413 before a byte of it
 * is read. Uploads ({@code multipart/form-data}) have their own limits, {@code spring.servlet.multipart.*}; a body
 * sent without a declared length is cut off by Jackson's document length limit instead (400).
 */
final class BodySizeFilter extends OncePerRequestFilter {

	private final RequestLimits limits;

	private final ProblemResponses problems;

	BodySizeFilter(RequestLimits limits, ProblemResponses problems) {
		this.limits = limits;
		this.problems = problems;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		long length = request.getContentLengthLong();
		long max = this.limits.maxJsonBody().toBytes();
		String type = request.getContentType();
		boolean multipart = type != null && type.toLowerCase(java.util.Locale.ROOT)
			.startsWith(MediaType.MULTIPART_FORM_DATA_VALUE);
		if (!multipart && length > max) {
			this.problems.write(request, response, ProblemResponses.problem(HttpStatus.CONTENT_TOO_LARGE,
					ProblemTypes.PAYLOAD_TOO_LARGE, "Payload too large", "The request body has " + length
							+ " bytes; the most allowed is " + max + " (lodestone.limits.max-json-body)"));
			return;
		}
		chain.doFilter(request, response);
	}

}
