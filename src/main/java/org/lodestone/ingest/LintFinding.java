package org.lodestone.ingest;

/**
 * Something in a valid dataset that is probably wrong or weak, found by {@link DataLint}. Unlike a
 * {@link DatasetProblem} it does not stop an import: a person decides whether to fix the data or accept the finding
 * in {@code docs/lint-accepted.csv}, which names it by {@code rule} and {@code where}, so both stay stable.
 *
 * @param rule the rule's stable kebab-case name, e.g. {@code single-weak-source}
 * @param where the row's identity: {@code (policy:x)-[:RESTRICTS]->(mineral:y)}, an entity id or a source id
 * @param message what is wrong, in plain words
 */
public record LintFinding(String rule, String where, String message) {

	@Override
	public String toString() {
		return this.rule + ": " + this.where + ": " + this.message;
	}

}
