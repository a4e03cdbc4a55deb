package org.lodestone.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.neo4j.driver.Driver;
import org.neo4j.driver.summary.Plan;

/**
 * Reads a query's plan with {@code EXPLAIN} and names what would make it scale badly: an exhaustive fallback behind
 * a shortest-path search (planned when a filter cannot be checked hop by hop), expansions without an upper bound on
 * their length, and scans where the ends should be found by their ids.
 */
public final class PlanCheck {

	// Variable-length relationships with no upper bound as plans print them: [*], [*1..], {1, *}, {1, }.
	private static final Pattern UNBOUNDED = Pattern.compile("\\*\\]|\\*\\d*\\.\\.\\]|\\{\\d+, ?\\*?\\}");

	/**
	 * What the check found.
	 *
	 * @param operators every operator of the plan, root first
	 * @param violations what is wrong; empty when the plan is fine
	 */
	public record Result(List<String> operators, List<String> violations) {
	}

	private PlanCheck() {
	}

	/**
	 * @param driver a driver
	 * @param cypher the query
	 * @param parameters its parameters
	 * @return the operators and the violations
	 */
	public static Result check(Driver driver, String cypher, Map<String, Object> parameters) {
		Plan plan = driver.executableQuery("EXPLAIN " + cypher).withParameters(parameters).execute().summary().plan();
		List<String> operators = new ArrayList<>();
		List<String> violations = new ArrayList<>();
		walk(plan, operators, violations);
		return new Result(operators, violations);
	}

	private static void walk(Plan plan, List<String> operators, List<String> violations) {
		String operator = plan.operatorType();
		String details = String.valueOf(plan.arguments().getOrDefault("Details", org.neo4j.driver.Values.NULL));
		operators.add(operator);
		String bare = operator.replaceAll("@.*", "");
		// The bidirectional shortestPath operator alone is fine; a filter it cannot check hop by hop makes the planner
		// add an exhaustive search for when it finds nothing (AntiConditionalApply, with Error in its place where the
		// engine forbids it, as the embedded one does).
		if (bare.startsWith("AntiConditionalApply") || bare.equals("Error")) {
			violations.add(operator + ": shortest path with an exhaustive fallback (" + details + ")");
		}
		boolean expands = bare.contains("Expand") || bare.contains("Repeat") || bare.contains("ShortestPath");
		// The ends are ids under a unique constraint; a scan means the planner saw stale statistics (an index that
		// looked empty after a large import) and reads every entity per query.
		if (bare.equals("AllNodesScan") || bare.equals("NodeByLabelScan") || bare.endsWith("IndexScan")) {
			violations.add(operator + ": finds an end by scanning instead of seeking its id (" + details + ")");
		}
		if (expands && UNBOUNDED.matcher(details).find()) {
			violations.add(operator + ": unbounded expansion (" + details + ")");
		}
		for (Plan child : plan.children()) {
			walk(child, operators, violations);
		}
	}

}
