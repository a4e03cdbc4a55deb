package org.lodestone.neo4j;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Turns an engine start failure into Spring Boot's "APPLICATION FAILED TO START" report with the setting to change,
 * instead of a stack trace.
 */
class Neo4jStartupFailureAnalyzer extends AbstractFailureAnalyzer<Neo4jStartupException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, Neo4jStartupException cause) {
		String action = cause.unsafe()
				? "Change '" + cause.setting() + "' (see the configuration table and the Security section in "
						+ "README.md). Lodestone does not start the engine with unsafe settings."
				: "Change '" + cause.setting()
						+ "' (see the configuration table in README.md), or stop whatever holds it.";
		return new FailureAnalysis(cause.getMessage(), action, cause);
	}

}
