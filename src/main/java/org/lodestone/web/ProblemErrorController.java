package org.lodestone.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Replaces Spring Boot's {@code /error} (a JSON map or a Whitelabel HTML page) with problem details, so errors that
 * never reach a controller (the servlet container's, a filter's, a rejected URL) look like every other error. Only
 * the status is passed on: never the exception, its message or a stack trace.
 */
@RestController
class ProblemErrorController implements ErrorController {

	private static final Log logger = LogFactory.getLog(ProblemErrorController.class);

	@RequestMapping(path = "/error", produces = { MediaType.APPLICATION_PROBLEM_JSON_VALUE,
			MediaType.APPLICATION_JSON_VALUE, MediaType.ALL_VALUE })
	ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
		HttpStatus status = status(request);
		Object exception = request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
		if (status.is5xxServerError() && exception instanceof Throwable throwable) {
			logger.error("Request to " + request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) + " failed",
					throwable);
		}
		ProblemDetail problem = ProblemResponses.problem(status, ProblemTypes.forStatus(status.value()),
				status.getReasonPhrase(), detail(status));
		Object path = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
		if (path instanceof String uri) {
			try {
				problem.setInstance(java.net.URI.create(uri));
			}
			catch (IllegalArgumentException ex) {
				// a path that is not a valid URI reference is left out
			}
		}
		return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}

	private static HttpStatus status(HttpServletRequest request) {
		Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
		if (code instanceof Integer value) {
			HttpStatus status = HttpStatus.resolve(value);
			if (status != null && value >= 400) {
				return status;
			}
		}
		// Requested directly rather than as an error dispatch: there is nothing at /error.
		return HttpStatus.NOT_FOUND;
	}

	private static String detail(HttpStatus status) {
		return switch (status.value()) {
			case 400 -> "The request is malformed";
			case 401 -> "This request needs a credential";
			case 403 -> "This request is not allowed";
			case 404 -> "Nothing here; see /v3/api-docs for the API";
			case 405 -> "This path does not accept that method";
			case 413 -> "The request is larger than allowed";
			default -> status.is5xxServerError() ? "The request could not be completed; the error was logged"
					: status.getReasonPhrase();
		};
	}

}
