package org.lodestone.ingest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Lint findings sorted against the accepted list: the findings still to fix, the accepted ones with their reasons,
 * and the acceptances no finding matches any more. Those stale acceptances count as failures too, so the accepted
 * list cannot quietly outlive the rows it was written for.
 *
 * @param problems the findings no acceptance covers
 * @param accepted the findings an acceptance covers, with its reason
 * @param stale the acceptances that match no finding
 */
public record LintReport(List<LintFinding> problems, List<Accepted> accepted, List<LintAcceptance> stale) {

	/**
	 * @param findings the lint's findings
	 * @param acceptances the accepted list
	 * @return the findings sorted against the list; an acceptance covers every finding with its rule and where
	 */
	public static LintReport of(List<LintFinding> findings, List<LintAcceptance> acceptances) {
		Map<String, LintAcceptance> byKey = new HashMap<>();
		acceptances.forEach(acceptance -> byKey.putIfAbsent(key(acceptance.rule(), acceptance.where()), acceptance));
		List<LintFinding> problems = new ArrayList<>();
		List<Accepted> accepted = new ArrayList<>();
		Set<LintAcceptance> used = new HashSet<>();
		for (LintFinding finding : findings) {
			LintAcceptance acceptance = byKey.get(key(finding.rule(), finding.where()));
			if (acceptance != null) {
				accepted.add(new Accepted(finding, acceptance.reason()));
				used.add(acceptance);
			}
			else {
				problems.add(finding);
			}
		}
		List<LintAcceptance> stale = acceptances.stream().filter(acceptance -> !used.contains(acceptance)).toList();
		return new LintReport(List.copyOf(problems), List.copyOf(accepted), stale);
	}

	/**
	 * @return whether nothing is left to fix: no unaccepted finding and no stale acceptance
	 */
	public boolean passes() {
		return this.problems.isEmpty() && this.stale.isEmpty();
	}

	/**
	 * @param findings some findings
	 * @return how many there are of each rule, e.g. {@code single-weak-source 3, uncited-source 1}, rules in the order
	 * of {@link DataLint#RULES}
	 */
	public static String countsByRule(List<LintFinding> findings) {
		Map<String, Integer> counts = new LinkedHashMap<>();
		DataLint.RULES.forEach(rule -> counts.put(rule, 0));
		findings.forEach(finding -> counts.merge(finding.rule(), 1, Integer::sum));
		return String.join(", ", counts.entrySet()
			.stream()
			.filter(entry -> entry.getValue() > 0)
			.map(entry -> entry.getKey() + " " + entry.getValue())
			.toList());
	}

	private static String key(String rule, String where) {
		return rule + "\n" + where;
	}

	/**
	 * A finding on the accepted list.
	 *
	 * @param finding the finding
	 * @param reason why it was accepted
	 */
	public record Accepted(LintFinding finding, String reason) {
	}

}
