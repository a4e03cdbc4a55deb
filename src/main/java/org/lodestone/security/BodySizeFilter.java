package org.lodestone.security;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.lodestone.request.RequestLimits;
import org.lodestone.web.ProblemResponses;
import org.lodestone.web.ProblemTypes;

import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Checks a request body's declared shape before a byte of it is read. A body declared larger than
 * {@code lodestone.limits.max-json-body} is refused with 413. A {@code Content-Type} that is not a concrete media type
 * ({@code application/*+json} gave a 500) is refused with 415. Uploads ({@code multipart/form-data}) are accepted only
 * by {@code POST /api/import} and the inbox's {@code POST /api/inbox/connectors/{connector}/documents}, which need a
 * WRITE credential (checked before the body is parsed) and have their own limits,
 * {@code spring.servlet.multipart.*}: anywhere else the servlet container would spool them to disk before any check
 * (239 MB for one anonymous request to {@code /api/cypher}). A body sent without a declared length is cut off by
 * Jackson's document length limit instead (400).
 */
final class BodySizeFilter extends OncePerRequestFilter {

	private static final String IMPORT = "/api/import";

	// A connector's name is letters and hyphens; any other path keeps uploads out.
	private static final java.util.regex.Pattern INBOX_UPLOAD = java.util.regex.Pattern
		.compile("/api/inbox/connectors/[a-z-]{1,40}/documents");

	private final RequestLimits limits;

	private final ProblemResponses problems;

	BodySizeFilter(RequestLimits limits, ProblemResponses problems) {
		this.limits = limits;
		this.problems = problems;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (!QueryStrings.decodable(request.getQueryString())) {
			// Refused before the container decodes it: Tomcat logged an undecodable parameter as an ERROR with its
			// stack trace and the decoded value, whose line breaks wrote lines of the sender's choosing into the log.
			this.problems.write(request, response, ProblemResponses.problem(HttpStatus.BAD_REQUEST,
					ProblemTypes.INVALID_REQUEST, "Invalid request",
					"The query string is not valid percent-encoded UTF-8"));
			return;
		}
		long length = request.getContentLengthLong();
		long max = this.limits.maxJsonBody().toBytes();
		String type = request.getContentType();
		if (type != null && !concrete(type)) {
			this.problems.write(request, response, ProblemResponses.problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE,
					ProblemTypes.UNSUPPORTED_MEDIA_TYPE, "Unsupported media type",
					"The Content-Type is not a concrete media type; send application/json"));
			return;
		}
		boolean multipart = type != null && type.toLowerCase(java.util.Locale.ROOT)
			.startsWith(MediaType.MULTIPART_FORM_DATA_VALUE);
		if (multipart && !("POST".equals(request.getMethod()) && (IMPORT.equals(request.getRequestURI())
				|| INBOX_UPLOAD.matcher(request.getRequestURI()).matches()))) {
			this.problems.write(request, response, ProblemResponses.problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE,
					ProblemTypes.UNSUPPORTED_MEDIA_TYPE, "Unsupported media type",
					"Uploads (multipart/form-data) are accepted only by POST " + IMPORT
							+ " and POST /api/inbox/connectors/{connector}/documents"));
			return;
		}
		if (!multipart && length > max) {
			this.problems.write(request, response, ProblemResponses.problem(HttpStatus.CONTENT_TOO_LARGE,
					ProblemTypes.PAYLOAD_TOO_LARGE, "Payload too large", "The request body has " + length
							+ " bytes; the most allowed is " + max + " (lodestone.limits.max-json-body)"));
			return;
		}
		chain.doFilter(request, response);
	}

	private static boolean concrete(String type) {
		try {
			MediaType media = MediaType.parseMediaType(type);
			return !media.isWildcardType() && !media.isWildcardSubtype();
		}
		catch (InvalidMediaTypeException ex) {
			return false;
		}
	}

}
