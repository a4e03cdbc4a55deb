package org.lodestone.path;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.lodestone.graph.RelationshipType;
import org.lodestone.neo4j.CypherResources;
import org.neo4j.cypherdsl.core.Condition;
import org.neo4j.cypherdsl.core.Cypher;
import org.neo4j.cypherdsl.core.Expression;
import org.neo4j.cypherdsl.core.FunctionInvocation;
import org.neo4j.cypherdsl.core.NamedPath;
import org.neo4j.cypherdsl.core.Node;
import org.neo4j.cypherdsl.core.PatternElement;
import org.neo4j.cypherdsl.core.QuantifiedPathPattern;
import org.neo4j.cypherdsl.core.Relationship;
import org.neo4j.cypherdsl.core.Statement;
import org.neo4j.cypherdsl.core.SymbolicName;
import org.neo4j.cypherdsl.core.ast.Visitor;
import org.neo4j.cypherdsl.core.renderer.Renderer;

/**
 * The one statement a path query sends, and the parameters it binds. The search varies with the options, so it is
 * built with Cypher-DSL (relationship types only from {@link RelationshipType}, every value a parameter); what follows
 * it (ranking, cutting to k, projecting) never varies, so it is fixed text. Kept apart from {@link PathService} because
 * this is what decides a query's cost, and what the plan checks (PathIT) and the benchmarks' Bolt baseline
 * ({@code PathCypher}) must send exactly as the service does, without an application around it.
 * <p>
 * Every search runs from both ends, breadth-first, with the filters checked hop by hop during the search, so no query
 * falls back to an exhaustive search: shortest paths with {@code allShortestPaths}, the other modes with the
 * {@code SHORTEST} selector.
 * <p>
 * Ranking, deterministic: fewest hops first, then the highest minimum confidence, then the most recent evidence,
 * then the sequence of node ids, then the sequence of relationship types. The engine ranks the candidates and returns
 * only the k best.
 */
final class PathStatement {

	/** How many candidate paths the engine ranks before it keeps the k best. */
	static final int CANDIDATE_CAP = 2_000;

	/** Candidate paths per path asked for in k-shortest mode, for ranking among equally short ones. */
	static final int K_POOL = 10;

	// What follows the search never varies: ranking, cutting to k, projecting (see the file for why it is shaped so).
	private static final String CONTEXT = CypherResources.load(PathStatement.class, "rank-and-project.cypher");

	private static final int MAX_RENDERED = 512;

	// Rendering with Cypher-DSL showed up in CPU profiles of /api/paths; the shapes users send repeat.
	private static final Map<Shape, String> RENDERED = new ConcurrentHashMap<>();

	// Cypher-DSL renders the legacy path functions only for its parser; this does what the parser does, with public API.
	private static final FunctionInvocation.FunctionDefinition ALL_SHORTEST_PATHS = () -> "allShortestPaths";

	private PathStatement() {
	}

	/**
	 * @param options the query options
	 * @param allowed the relationship types to follow
	 * @return the Cypher the options produce, for the service, for plan checks and for people who want to run it in
	 * Browser
	 */
	static String cypher(PathOptions options, Set<RelationshipType> allowed) {
		Shape shape = new Shape(options.mode(), options.k(), options.maxDepth(), EnumSet.copyOf(allowed),
				options.minConfidence() > 0, options.asOf() != null, !options.kinds().isEmpty(), options.outgoing());
		String cached = RENDERED.get(shape);
		if (cached != null) {
			return cached;
		}
		String cypher = render(shape);
		if (RENDERED.size() >= MAX_RENDERED) {
			RENDERED.clear();
		}
		RENDERED.put(shape, cypher);
		return cypher;
	}

	/**
	 * @param startId the start entity's id
	 * @param endId the end entity's id
	 * @param options the query options
	 * @return the parameters {@link #cypher} binds, for the service and for benchmarks that send the same query
	 */
	static Map<String, Object> parameters(String startId, String endId, PathOptions options) {
		Map<String, Object> parameters = new HashMap<>();
		parameters.put("from", startId);
		parameters.put("to", endId);
		parameters.put("minConfidence", options.minConfidence());
		parameters.put("asOf", options.asOf());
		parameters.put("kinds", options.kinds());
		parameters.put("ends", List.of(startId, endId));
		parameters.put("k", options.k());
		return parameters;
	}

	/**
	 * What the Cypher of a path query depends on; parameter values are bound, never rendered.
	 */
	private record Shape(PathMode mode, int k, int maxDepth, Set<RelationshipType> allowed, boolean minConfidence,
			boolean asOf, boolean kinds, boolean outgoing) {
	}

	private static String render(Shape shape) {
		Set<RelationshipType> allowed = shape.allowed();
		Node a = Cypher.node("Entity").named("a").withProperties("id", Cypher.parameter("from"));
		Node b = Cypher.node("Entity").named("b").withProperties("id", Cypher.parameter("to"));
		Node aRef = Cypher.anyNode("a");
		Node bRef = Cypher.anyNode("b");
		String[] types = allowed.stream().map(Enum::name).toArray(String[]::new);
		Relationship hop = shape.outgoing() ? aRef.relationshipTo(bRef, types) : aRef.relationshipBetween(bRef, types);
		Statement statement = (shape.mode() == PathMode.SHORTEST) ? allShortest(shape, a, b, hop)
				: shortestK(shape, a, b, hop);
		return "CALL () {\n  " + Renderer.getDefaultRenderer().render(statement) + "\n}\n" + CONTEXT;
	}

	/**
	 * Every shortest path, with the engine's bidirectional breadth-first search ({@code allShortestPaths}). On hub-heavy
	 * graphs it answered in tens of milliseconds where the {@code ALL SHORTEST} selector took up to 20 s for the same
	 * pair (docs/benchmarks.md). Every filter is a predicate on each relationship of the path, which the search checks
	 * at every step, so the planner has no reason for its exhaustive fallback; the plan checks in the tests and the
	 * benchmarks hold it to that.
	 */
	private static Statement allShortest(Shape shape, Node a, Node b, Relationship hop) {
		NamedPath p = Cypher.path("p")
			.definedBy(new FunctionPattern(FunctionInvocation.create(ALL_SHORTEST_PATHS, hop.length(1, shape.maxDepth()))));
		SymbolicName x = Cypher.name("x");
		var match = Cypher.match(a, b).match(p);
		Optional<Condition> filters = filters(shape, x);
		var selected = filters.isPresent()
				? match.where(Cypher.all(x).in(Cypher.relationships(p)).where(filters.get())) : match;
		return selected.returning(p.getRequiredSymbolicName()).limit(CANDIDATE_CAP).build();
	}

	private record FunctionPattern(FunctionInvocation function) implements PatternElement {

		@Override
		public void accept(Visitor visitor) {
			this.function.accept(visitor);
		}

	}

	private static Statement shortestK(Shape shape, Node a, Node b, Relationship unnamed) {
		Relationship hop = unnamed.named("r");
		SymbolicName r = hop.getRequiredSymbolicName();
		// Every filter sits inside the relationship pattern, so the engine applies it while it searches: a
		// filtered-out hop makes it look further instead of dropping an already selected shortest path.
		Optional<Condition> filters = filters(shape, r);
		Relationship filtered = filters.isPresent() ? (Relationship) hop.where(filters.get()) : hop;
		PatternElement quantified = filtered
			.quantifyRelationship(QuantifiedPathPattern.interval(1, shape.maxDepth()));
		NamedPath p = switch (shape.mode()) {
			// k paths, not k groups: on hub-heavy graphs the k shortest lengths can hold millions of paths, which
			// the engine must all enumerate (docs/benchmarks.md). A pool of 10 per answer leaves room for ranking.
			case K_SHORTEST -> Cypher.shortestK(Math.min(CANDIDATE_CAP, shape.k() * K_POOL)).named("p")
				.definedBy(quantified);
			// The 2,000 shortest instead of the first 2,000 found: a plain pattern expands every trail from one end
			// (VarLengthExpand), which on hub-heavy graphs ran for minutes at depth 4 (docs/benchmarks.md); the
			// selector searches from both ends, and since the ranking puts fewer hops first, it keeps the best.
			case ALL -> Cypher.shortestK(CANDIDATE_CAP).named("p").definedBy(quantified);
			case SHORTEST -> throw new IllegalArgumentException("shortest paths use allShortestPaths");
		};
		SymbolicName n = Cypher.name("n");
		SymbolicName m = Cypher.name("m");
		// Only simple paths are answers.
		Condition simple = Cypher.all(n).in(Cypher.nodes(p))
			.where(Cypher.single(m).in(Cypher.nodes(p)).where(m.isEqualTo(n)));
		return Cypher.match(a, b).match(p).where(simple).returning(p.getRequiredSymbolicName()).limit(CANDIDATE_CAP)
			.build();
	}

	/**
	 * The options' filters on one relationship, named {@code hop}, and its two ends.
	 */
	private static Optional<Condition> filters(Shape shape, SymbolicName hop) {
		List<Condition> conditions = new ArrayList<>();
		// Every relationship has a confidence in [0, 1]; without a threshold, the search need not read it.
		if (shape.minConfidence()) {
			conditions.add(Cypher.property(hop, "confidence").gte(Cypher.parameter("minConfidence")));
		}
		if (shape.asOf()) {
			conditions.add(Cypher.property(hop, "validFrom").lte(Cypher.parameter("asOf"))
				.and(Cypher.property(hop, "validTo").isNull().or(Cypher.property(hop, "validTo").gte(Cypher.parameter("asOf")))));
		}
		if (shape.kinds()) {
			// Only the name renders: startNode(hop), endNode(hop).
			Relationship named = Cypher.anyNode().relationshipTo(Cypher.anyNode()).named(hop);
			conditions.add(allowedEnd(Cypher.startNode(named)).and(allowedEnd(Cypher.endNode(named))));
		}
		return conditions.stream().reduce(Condition::and);
	}

	private static Condition allowedEnd(Expression node) {
		return Cypher.property(node, "kind").in(Cypher.parameter("kinds"))
			.or(Cypher.property(node, "subtype").in(Cypher.parameter("kinds")))
			.or(Cypher.property(node, "id").in(Cypher.parameter("ends")));
	}

}
