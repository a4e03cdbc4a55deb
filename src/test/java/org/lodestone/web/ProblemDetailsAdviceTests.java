package org.lodestone.web;

import java.lang.reflect.Method;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.lodestone.ingest.RecordedGraphBusyException;
import org.lodestone.neo4j.GraphUnavailableException;
import org.lodestone.neo4j.QueryTimeoutException;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.method.annotation.ExceptionHandlerMethodResolver;

import static org.assertj.core.api.Assertions.assertThat;

class ProblemDetailsAdviceTests {

	private final ProblemDetailsAdvice advice = new ProblemDetailsAdvice();

	private final ExceptionHandlerMethodResolver handlers = new ExceptionHandlerMethodResolver(ProblemDetailsAdvice.class);

	@Test
	void anEmbeddedEngineThatIsStoppingAnswers503GraphUnavailableWithoutNeo4jDetails() throws Exception {
		ProblemDetail problem = handle(new GraphUnavailableException(
				new IllegalStateException("org.neo4j.graphdb.DatabaseShutdownException: This database is shutdown.")));
		assertThat(problem.getStatus()).isEqualTo(503);
		assertThat(problem.getType()).isEqualTo(ProblemTypes.GRAPH_UNAVAILABLE);
		assertThat(problem.getDetail()).doesNotContain("org.neo4j");
	}

	@Test
	void aQueryPastItsTimeoutAnswers503QueryTimeoutWithAdvice() throws Exception {
		ProblemDetail problem = handle(new QueryTimeoutException());
		assertThat(problem.getStatus()).isEqualTo(503);
		assertThat(problem.getType()).isEqualTo(ProblemTypes.QUERY_TIMEOUT);
		assertThat(problem.getDetail()).contains("maxDepth");
	}

	@Test
	void aKnownAtReadThatWaitedTooLongForItsRebuildAnswers503BusyWithRetryAfter() throws Exception {
		Method handler = this.handlers.resolveMethod(new RecordedGraphBusyException(7, Duration.ofSeconds(30)));
		assertThat(handler).isNotNull();
		ResponseEntity<?> answer = (ResponseEntity<?>) handler.invoke(this.advice,
				new RecordedGraphBusyException(7, Duration.ofSeconds(30)));
		assertThat(answer.getStatusCode().value()).isEqualTo(503);
		assertThat(answer.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("10");
		ProblemDetail problem = (ProblemDetail) answer.getBody();
		assertThat(problem.getType()).isEqualTo(ProblemTypes.BUSY);
		assertThat(problem.getDetail()).contains("change 7").contains("try again");
	}

	// The handler Spring MVC would pick for the exception, called as it would call it.
	private ProblemDetail handle(Exception ex) throws Exception {
		Method handler = this.handlers.resolveMethod(ex);
		assertThat(handler).isNotNull();
		return (ProblemDetail) handler.invoke(this.advice, ex);
	}

}
