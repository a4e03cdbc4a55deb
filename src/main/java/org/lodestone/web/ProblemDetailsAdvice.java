package org.lodestone.web;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.lodestone.cypher.CypherForbiddenException;
import org.lodestone.cypher.InvalidCypherException;
import org.lodestone.cypher.QueryBusyException;
import org.lodestone.cypher.QueryTooLargeException;
import org.lodestone.entity.AmbiguousEntityException;
import org.lodestone.entity.EntityNotFoundException;
import org.lodestone.export.ExportTooLargeException;
import org.lodestone.inbox.ConnectorException;
import org.lodestone.inbox.ProposalDecidedException;
import org.lodestone.inbox.ProposalNotFoundException;
import org.lodestone.ingest.ImportInProgressException;
import org.lodestone.ingest.InvalidDatasetException;
import org.lodestone.ingest.RecordedGraphBusyException;
import org.lodestone.neo4j.GraphUnavailableException;
import org.lodestone.neo4j.QueryTimeoutException;
import org.lodestone.reconcile.BatchTooLargeException;
import org.lodestone.request.InvalidRequestException;
import org.neo4j.driver.exceptions.ClientException;
import org.neo4j.driver.exceptions.ServiceUnavailableException;
import org.neo4j.driver.exceptions.SessionExpiredException;
import org.neo4j.driver.exceptions.TransientException;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * The one place domain exceptions become HTTP: RFC 9457 problem details with a stable {@code type}. Spring MVC's own
 * errors (bad parameters, wrong media type, oversize uploads) get the same shape through the base class.
 */
@RestControllerAdvice
class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

	private static final Log logger = LogFactory.getLog(ProblemDetailsAdvice.class);

	@ExceptionHandler
	ProblemDetail invalidDataset(InvalidDatasetException ex) {
		ProblemDetail problem = problem(HttpStatus.UNPROCESSABLE_CONTENT, ProblemTypes.INVALID_DATASET,
				"Invalid dataset", ex.problems().size() + " problem(s) in the dataset; nothing was imported");
		problem.setProperty("problems", ex.problems());
		return problem;
	}

	// A body that claims to be multipart/form-data but cannot be parsed as such (a NUL or line break in a part's
	// header, a missing boundary) is the client's fault. Oversize uploads, a subclass, keep their 413.
	@ExceptionHandler
	ProblemDetail invalidMultipart(MultipartException ex) {
		ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, ProblemTypes.INVALID_REQUEST, "Invalid request",
				"The upload is not valid multipart/form-data");
		problem.setProperty("parameter", "files");
		return problem;
	}

	@ExceptionHandler
	ProblemDetail batchTooLarge(BatchTooLargeException ex) {
		ProblemDetail problem = problem(HttpStatus.CONTENT_TOO_LARGE, ProblemTypes.PAYLOAD_TOO_LARGE, "Batch too large",
				ex.getMessage());
		problem.setProperty("parameter", "queries");
		return problem;
	}

	@ExceptionHandler
	ProblemDetail exportTooLarge(ExportTooLargeException ex) {
		ProblemDetail problem = problem(HttpStatus.CONTENT_TOO_LARGE, ProblemTypes.EXPORT_TOO_LARGE, "Export too large",
				ex.getMessage());
		problem.setProperty("elements", ex.elements());
		problem.setProperty("limit", ex.limit());
		return problem;
	}

	@ExceptionHandler
	ProblemDetail importInProgress(ImportInProgressException ex) {
		return problem(HttpStatus.CONFLICT, ProblemTypes.IMPORT_IN_PROGRESS, "Import in progress", ex.getMessage());
	}

	@ExceptionHandler
	ProblemDetail invalidRequest(InvalidRequestException ex) {
		ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, ProblemTypes.INVALID_REQUEST, "Invalid request",
				ex.getMessage());
		if (ex.parameter() != null) {
			problem.setProperty("parameter", ex.parameter());
		}
		return problem;
	}

	@ExceptionHandler
	ProblemDetail entityNotFound(EntityNotFoundException ex) {
		ProblemDetail problem = problem(HttpStatus.NOT_FOUND, ProblemTypes.ENTITY_NOT_FOUND, "Entity not found",
				ex.getMessage());
		problem.setProperty("query", ex.query());
		problem.setProperty("closeMatches", ex.closeMatches());
		return problem;
	}

	@ExceptionHandler
	ProblemDetail proposalNotFound(ProposalNotFoundException ex) {
		ProblemDetail problem = problem(HttpStatus.NOT_FOUND, ProblemTypes.PROPOSAL_NOT_FOUND, "Proposal not found",
				ex.getMessage());
		problem.setProperty("id", ex.id());
		return problem;
	}

	@ExceptionHandler
	ProblemDetail proposalDecided(ProposalDecidedException ex) {
		ProblemDetail problem = problem(HttpStatus.CONFLICT, ProblemTypes.PROPOSAL_DECIDED, "Proposal already decided",
				ex.getMessage());
		problem.setProperty("id", ex.id());
		problem.setProperty("status", ex.status());
		return problem;
	}

	// A connector's source answered badly (a malformed or truncated document, an error status): the request was fine,
	// the upstream was not.
	@ExceptionHandler
	ProblemDetail connectorFailed(ConnectorException ex) {
		ProblemDetail problem = problem(HttpStatus.BAD_GATEWAY, ProblemTypes.CONNECTOR_FAILED, "Connector failed",
				ex.getMessage() + "; nothing was proposed");
		problem.setProperty("connector", ex.connector());
		return problem;
	}

	@ExceptionHandler
	ProblemDetail ambiguousEntity(AmbiguousEntityException ex) {
		ProblemDetail problem = problem(HttpStatus.CONFLICT, ProblemTypes.AMBIGUOUS_ENTITY, "Ambiguous entity",
				ex.getMessage());
		problem.setProperty("query", ex.query());
		problem.setProperty("candidates", ex.candidates());
		return problem;
	}

	@ExceptionHandler
	ProblemDetail cypherForbidden(CypherForbiddenException ex) {
		return problem(HttpStatus.FORBIDDEN, ProblemTypes.CYPHER_FORBIDDEN, "Query not allowed", ex.getMessage());
	}

	@ExceptionHandler
	ProblemDetail queryTooLarge(QueryTooLargeException ex) {
		return problem(HttpStatus.BAD_REQUEST, ProblemTypes.QUERY_TOO_LARGE, "Query too large", ex.getMessage());
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> queryBusy(QueryBusyException ex) {
		return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
			.header(HttpHeaders.RETRY_AFTER, "2")
			.body(problem(HttpStatus.SERVICE_UNAVAILABLE, ProblemTypes.BUSY, "Server busy", ex.getMessage()));
	}

	// A knownAt read whose recorded graph is not built while the one builder stays busy: the client asks again.
	@ExceptionHandler
	ResponseEntity<ProblemDetail> recordedGraphBusy(RecordedGraphBusyException ex) {
		return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
			.header(HttpHeaders.RETRY_AFTER, "10")
			.body(problem(HttpStatus.SERVICE_UNAVAILABLE, ProblemTypes.BUSY, "Server busy", ex.getMessage()));
	}

	@ExceptionHandler
	ProblemDetail invalidCypher(InvalidCypherException ex) {
		return problem(HttpStatus.BAD_REQUEST, ProblemTypes.INVALID_REQUEST, "Invalid query", ex.getMessage());
	}

	// The driver reports a server that is down or restarting as ServiceUnavailableException, a connection lost
	// mid-session as SessionExpiredException; through Spring's transaction and data-access layers (as /api/info
	// uses them) the same arrives translated. All are the database's state, not the request's fault: 503.
	@ExceptionHandler({ ServiceUnavailableException.class, SessionExpiredException.class,
			CannotCreateTransactionException.class, DataAccessResourceFailureException.class,
			TransientDataAccessResourceException.class, GraphUnavailableException.class })
	ProblemDetail graphUnavailable(Exception ex) {
		logger.warn("Neo4j unavailable: " + ex.getMessage());
		return problem(HttpStatus.SERVICE_UNAVAILABLE, ProblemTypes.GRAPH_UNAVAILABLE, "Graph unavailable",
				"The graph database cannot be reached right now; try again shortly");
	}

	@ExceptionHandler
	ProblemDetail queryTimeout(QueryTimeoutException ex) {
		return problem(HttpStatus.SERVICE_UNAVAILABLE, ProblemTypes.QUERY_TIMEOUT, "Query took too long",
				ex.getMessage());
	}

	@ExceptionHandler
	ProblemDetail engineRefused(ClientException ex) {
		if (QueryTimeoutException.timedOut(ex)) {
			return queryTimeout(new QueryTimeoutException());
		}
		// Anything else the engine refuses here is a bug on our side: log it, tell the user nothing internal.
		logger.error("Neo4j refused a query", ex);
		return problem(HttpStatus.INTERNAL_SERVER_ERROR, ProblemTypes.INTERNAL, "Internal error",
				"The request could not be completed; the error was logged");
	}

	@ExceptionHandler
	ProblemDetail engineOverloaded(TransientException ex) {
		return queryTimeout(new QueryTimeoutException());
	}

	// Spring MVC's own 400s (a missing parameter or part, an unreadable or invalid body) get the same type and a
	// 'parameter' field, like the application's own.
	@Override
	protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
			HttpStatusCode statusCode, WebRequest request) {
		ResponseEntity<Object> response = super.handleExceptionInternal(ex, body, headers, statusCode, request);
		if (response != null && response.getBody() instanceof ProblemDetail problem
				&& (problem.getType() == null || "about:blank".equals(problem.getType().toString()))) {
			// Spring MVC's own errors (404 for unknown paths, 405, 406, 413 for oversize uploads, 415) get the
			// stable type of their status instead of about:blank.
			problem.setType(ProblemTypes.forStatus(statusCode.value()));
			if (statusCode.value() == 413) {
				problem.setTitle("Payload too large");
				problem.setDetail("The upload is larger than allowed (lodestone.import.max-file-size, "
						+ "spring.servlet.multipart.max-request-size)");
			}
		}
		if (response != null && response.getBody() instanceof ProblemDetail problem && statusCode.value() == 400) {
			problem.setType(ProblemTypes.INVALID_REQUEST);
			problem.setTitle("Invalid request");
			String parameter = null;
			if (ex instanceof MissingServletRequestParameterException missing) {
				parameter = missing.getParameterName();
			}
			else if (ex instanceof MissingServletRequestPartException missing) {
				parameter = missing.getRequestPartName();
			}
			else if (ex instanceof MethodArgumentNotValidException invalid) {
				parameter = String.join(",",
						invalid.getFieldErrors().stream().map(FieldError::getField).distinct().toList());
			}
			if (parameter != null) {
				problem.setProperty("parameter", parameter);
			}
			if (ex instanceof MethodArgumentNotValidException invalid) {
				problem.setDetail(String.join("; ", invalid.getFieldErrors().stream()
					.map(error -> error.getField() + " " + error.getDefaultMessage()).toList()));
			}
		}
		return response;
	}

	static ProblemDetail problem(HttpStatus status, java.net.URI type, String title, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(type);
		problem.setTitle(title);
		return problem;
	}

}
