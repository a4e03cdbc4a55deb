package org.lodestone.web;

import java.io.IOException;
import java.net.URI;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;

/**
 * Writes problem details straight to a servlet response, for the places that answer before Spring MVC does:
 * authentication, authorization, rate limiting and body-size filters. Serialized with the application's own
 * {@link JsonMapper}, so they look exactly like the ones from {@code ProblemDetailsAdvice}.
 */
@Component
public class ProblemResponses {

	private final JsonMapper json;

	public ProblemResponses(JsonMapper json) {
		this.json = json;
	}

	/**
	 * @param status the status
	 * @param type the stable problem type
	 * @param title a short summary of the type
	 * @param detail what went wrong for this request
	 * @return the problem
	 */
	public static ProblemDetail problem(HttpStatus status, URI type, String title, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(type);
		problem.setTitle(title);
		return problem;
	}

	/**
	 * Writes the problem as the whole response, with the request's path as its instance.
	 * @param request the request
	 * @param response the response, not yet committed
	 * @param problem the problem
	 * @throws IOException when the client went away
	 */
	public void write(HttpServletRequest request, HttpServletResponse response, ProblemDetail problem)
			throws IOException {
		if (problem.getInstance() == null && request.getRequestURI() != null) {
			problem.setInstance(URI.create(safePath(request.getRequestURI())));
		}
		response.setStatus(problem.getStatus());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		this.json.writeValue(response.getOutputStream(), problem);
	}

	private static String safePath(String path) {
		try {
			return URI.create(path).getRawPath();
		}
		catch (IllegalArgumentException ex) {
			return "/";
		}
	}

}
