package org.lodestone.web;

import java.util.List;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.lodestone.cypher.CypherForbiddenException;
import org.lodestone.cypher.InvalidCypherException;
import org.lodestone.entity.AmbiguousEntityException;
import org.lodestone.entity.EntityNotFoundException;
import org.lodestone.ingest.DatasetProblem;
import org.lodestone.ingest.ImportInProgressException;
import org.lodestone.ingest.InvalidDatasetException;
import org.neo4j.driver.exceptions.ServiceUnavailableException;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
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
		List<DatasetProblem> problems = ex.problems();
		problem.setProperty("problems", problems);
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
	ProblemDetail invalidCypher(InvalidCypherException ex) {
		return problem(HttpStatus.BAD_REQUEST, ProblemTypes.INVALID_REQUEST, "Invalid query", ex.getMessage());
	}

	@ExceptionHandler
	ProblemDetail graphUnavailable(ServiceUnavailableException ex) {
		logger.warn("Neo4j unavailable: " + ex.getMessage());
		return problem(HttpStatus.SERVICE_UNAVAILABLE, ProblemTypes.GRAPH_UNAVAILABLE, "Graph unavailable",
				"The graph database cannot be reached right now; try again shortly");
	}

	static ProblemDetail problem(HttpStatus status, java.net.URI type, String title, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(type);
		problem.setTitle(title);
		return problem;
	}

}
