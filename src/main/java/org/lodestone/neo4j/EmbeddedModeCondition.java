package org.lodestone.neo4j;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/**
 * The embedded engine runs unless an external URI is configured or it is switched off.
 */
class EmbeddedModeCondition extends SpringBootCondition {

	@Override
	public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
		Environment env = context.getEnvironment();
		String uri = env.getProperty("spring.neo4j.uri");
		if (StringUtils.hasText(uri)) {
			return ConditionOutcome.noMatch("spring.neo4j.uri is set to " + uri);
		}
		if (!env.getProperty("lodestone.neo4j.enabled", Boolean.class, true)) {
			return ConditionOutcome.noMatch("lodestone.neo4j.enabled is false");
		}
		return ConditionOutcome.match("no external Neo4j URI configured");
	}

}
