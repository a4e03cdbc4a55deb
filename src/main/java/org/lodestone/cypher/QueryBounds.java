package org.lodestone.cypher;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;

import org.neo4j.cypherdsl.core.AliasedExpression;
import org.neo4j.cypherdsl.core.Clause;
import org.neo4j.cypherdsl.core.Expression;
import org.neo4j.cypherdsl.core.FunctionInvocation;
import org.neo4j.cypherdsl.core.Node;
import org.neo4j.cypherdsl.core.NumberLiteral;
import org.neo4j.cypherdsl.core.Parameter;
import org.neo4j.cypherdsl.core.Statement;
import org.neo4j.cypherdsl.core.Unwind;
import org.neo4j.cypherdsl.core.ast.Visitable;
import org.neo4j.cypherdsl.core.ast.Visitor;

/**
 * The work a query asks for, bounded before it reaches the engine. Neo4j checks a transaction's timeout between rows,
 * not inside one expression, and does not count lists built inside an expression against the transaction memory
 * limit: {@code RETURN size(reduce(s = '', i IN range(1, 100000000) | s + 'x'))} ran on, terminated in name only, until
 * the JVM was killed. Nor is planning bounded: a 60-node chain pattern held a thread for a minute in EXPLAIN, and an
 * expression 6,000 operators deep overflowed the engine's stack. So the parsed query is measured here, and a query
 * over any limit is refused with the limit it broke. What this cannot see (a range whose bounds are computed at run
 * time) is stopped by {@link UserQueryRunner}'s watchdog instead.
 *
 * @param maxListSize the most elements a {@code range()} with known bounds may produce
 * @param maxDepth the deepest nesting of expressions and clauses
 * @param maxClauses the most clauses
 * @param maxPatternNodes the most node patterns
 */
record QueryBounds(long maxListSize, int maxDepth, int maxClauses, int maxPatternNodes) {

	static final QueryBounds DEFAULT = new QueryBounds(100_000, 100, 100, 16);

	/**
	 * @param statement the parsed query
	 * @param parameters its parameters, for {@code range($from, $to)}
	 * @throws QueryTooLargeException when the query asks for more than a limit allows
	 */
	void check(Statement statement, Map<String, Object> parameters) {
		Measure measure = new Measure(parameters);
		statement.accept(measure);
		if (measure.deepest > this.maxDepth) {
			throw new QueryTooLargeException("nests expressions or clauses " + measure.deepest
					+ " levels deep; at most " + this.maxDepth + " are allowed");
		}
		if (measure.clauses > this.maxClauses) {
			throw new QueryTooLargeException("has " + measure.clauses + " clauses; at most " + this.maxClauses
					+ " are allowed");
		}
		if (measure.nodes > this.maxPatternNodes) {
			throw new QueryTooLargeException("matches patterns of " + measure.nodes + " nodes; at most "
					+ this.maxPatternNodes + " are allowed");
		}
		if (measure.largestRange > this.maxListSize) {
			throw new QueryTooLargeException("builds a range() of " + measure.largestRange
					+ " elements; at most " + this.maxListSize + " are allowed (UNWIND over a smaller range, or page "
					+ "with SKIP and LIMIT)");
		}
	}

	/**
	 * Walks the syntax tree once: its depth, its clauses and node patterns, and the size of each {@code range()} whose
	 * arguments are numbers or parameters.
	 */
	private static final class Measure implements Visitor {

		private final Map<String, Object> parameters;

		private final Deque<Frame> path = new ArrayDeque<>();

		int deepest;

		int clauses;

		int nodes;

		long largestRange;

		Measure(Map<String, Object> parameters) {
			this.parameters = (parameters != null) ? parameters : Map.of();
		}

		@Override
		public void enter(Visitable segment) {
			Frame frame = new Frame(segment);
			Frame parent = this.path.peek();
			if (parent != null) {
				parent.children.add(frame);
			}
			this.path.push(frame);
			this.deepest = Math.max(this.deepest, this.path.size());
			if (segment instanceof Clause) {
				this.clauses++;
			}
			else if (segment instanceof Node) {
				this.nodes++;
			}
		}

		@Override
		public void leave(Visitable segment) {
			Frame frame = this.path.pop();
			// UNWIND range(...) produces rows one at a time, lazily, and the engine checks the timeout between rows:
			// only a range inside an expression is built whole.
			if (!unwound() && frame.segment instanceof FunctionInvocation function
					&& "range".equalsIgnoreCase(function.getFunctionName())) {
				this.largestRange = Math.max(this.largestRange, rangeSize(arguments(frame)));
			}
		}

		// The expression of an UNWIND, possibly under the alias it is given (UNWIND range(1, 9) AS x).
		private boolean unwound() {
			for (Frame ancestor : this.path) {
				if (ancestor.segment instanceof Unwind) {
					return true;
				}
				if (!(ancestor.segment instanceof AliasedExpression)) {
					return false;
				}
			}
			return false;
		}

		// The arguments are the invocation's children, or the children of the one list that wraps them.
		private static List<Visitable> arguments(Frame frame) {
			if (frame.children.size() == 1 && !(frame.children.get(0).segment instanceof Expression)) {
				return frame.children.get(0).children.stream().map(child -> child.segment).toList();
			}
			return frame.children.stream().map(child -> child.segment).toList();
		}

		private long rangeSize(List<Visitable> arguments) {
			if (arguments.size() < 2 || arguments.size() > 3) {
				return 0;
			}
			Long from = number(arguments.get(0));
			Long to = number(arguments.get(1));
			Long step = (arguments.size() == 3) ? number(arguments.get(2)) : Long.valueOf(1);
			if (from == null || to == null || step == null || step == 0) {
				return 0;
			}
			// Exact in BigInteger terms is not needed: any size past the limit is refused, so saturate.
			double size = Math.floor(((double) to - (double) from) / step) + 1;
			return (size <= 0) ? 0 : (long) Math.min(size, Long.MAX_VALUE);
		}

		private Long number(Visitable argument) {
			Object value = null;
			if (argument instanceof NumberLiteral literal) {
				value = literal.getContent();
			}
			else if (argument instanceof Parameter<?> parameter) {
				value = this.parameters.get(parameter.getName());
			}
			return (value instanceof Number number) ? Long.valueOf(number.longValue()) : null;
		}

		private static final class Frame {

			final Visitable segment;

			final List<Frame> children = new ArrayList<>();

			Frame(Visitable segment) {
				this.segment = segment;
			}

		}

	}

}
