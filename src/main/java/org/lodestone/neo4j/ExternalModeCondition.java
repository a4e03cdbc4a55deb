package org.lodestone.neo4j;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * The opposite of {@link EmbeddedModeCondition}.
 */
class ExternalModeCondition extends SpringBootCondition {

	private final EmbeddedModeCondition embedded = new EmbeddedModeCondition();

	@Override
	public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
		ConditionOutcome outcome = this.embedded.getMatchOutcome(context, metadata);
		return outcome.isMatch() ? ConditionOutcome.noMatch(outcome.getMessage())
				: ConditionOutcome.match(outcome.getMessage());
	}

}
