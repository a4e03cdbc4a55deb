package org.lodestone.web;

import java.lang.reflect.Method;

import org.junit.jupiter.api.Test;
import org.lodestone.neo4j.GraphUnavailableException;

import org.springframework.http.ProblemDetail;
import org.springframework.web.method.annotation.ExceptionHandlerMethodResolver;

import static org.assertj.core.api.Assertions.assertThat;

class ProblemDetailsAdviceTests {

	private final ProblemDetailsAdvice advice = new ProblemDetailsAdvice();

	private final ExceptionHandlerMethodResolver handlers = new ExceptionHandlerMethodResolver(ProblemDetailsAdvice.class);

	@Test
	void anEmbeddedEngineThatIsStoppingAnswers503GraphUnavailableWithoutNeo4jDetails() throws Exception {
		GraphUnavailableException ex = new GraphUnavailableException(
				new IllegalStateException("org.neo4j.graphdb.DatabaseShutdownException: This database is shutdown."));
		Method handler = this.handlers.resolveMethod(ex);
		assertThat(handler).isNotNull();
		ProblemDetail problem = (ProblemDetail) handler.invoke(this.advice, ex);
		assertThat(problem.getStatus()).isEqualTo(503);
		assertThat(problem.getType()).isEqualTo(ProblemTypes.GRAPH_UNAVAILABLE);
		assertThat(problem.getDetail()).doesNotContain("org.neo4j");
	}

	@Test
	void aQueryPastItsTimeoutAnswers503QueryTimeoutWithAdvice() throws Exception {
		QueryTimeoutException ex = new QueryTimeoutException();
		Method handler = this.handlers.resolveMethod(ex);
		assertThat(handler).isNotNull();
		ProblemDetail problem = (ProblemDetail) handler.invoke(this.advice, ex);
		assertThat(problem.getStatus()).isEqualTo(503);
		assertThat(problem.getType()).isEqualTo(ProblemTypes.QUERY_TIMEOUT);
		assertThat(problem.getDetail()).contains("maxDepth");
	}

}
