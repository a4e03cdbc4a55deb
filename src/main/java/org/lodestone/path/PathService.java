package org.lodestone.path;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import org.lodestone.analysis.LinkageLedger;
import org.lodestone.entity.EntityService;
import org.lodestone.graph.EntitySummary;
import org.lodestone.graph.Kind;
import org.lodestone.graph.Link;
import org.lodestone.graph.Links;
import org.lodestone.graph.RelationshipType;
import org.lodestone.graph.SourceReference;
import org.lodestone.graph.Subtype;
import org.lodestone.neo4j.GraphReads;
import org.lodestone.request.InvalidRequestException;
import org.lodestone.request.RequestValues;
import org.neo4j.cypherdsl.core.Condition;
import org.neo4j.cypherdsl.core.Cypher;
import org.neo4j.cypherdsl.core.FunctionInvocation;
import org.neo4j.cypherdsl.core.NamedPath;
import org.neo4j.cypherdsl.core.Node;
import org.neo4j.cypherdsl.core.PatternElement;
import org.neo4j.cypherdsl.core.QuantifiedPathPattern;
import org.neo4j.cypherdsl.core.Relationship;
import org.neo4j.cypherdsl.core.Statement;
import org.neo4j.cypherdsl.core.ast.Visitor;
import org.neo4j.cypherdsl.core.SymbolicName;
import org.neo4j.cypherdsl.core.renderer.Renderer;

import org.springframework.cache.annotation.CacheConfig;
import org.springframework.cache.annotation.Cacheable;
import org.springframework.stereotype.Service;

/**
 * Answers "what connects X to Y" with ranked, explained paths. Queries are built with Cypher-DSL from validated
 * options (relationship types only from {@link RelationshipType}) and run read-only with a timeout. Every search runs
 * from both ends, breadth-first, with the filters checked hop by hop during the search, so no query falls back to an
 * exhaustive search: shortest paths with {@code allShortestPaths}, the other modes with the {@code SHORTEST} selector.
 * <p>
 * Ranking, deterministic: fewest hops first, then the highest minimum confidence, then the most recent evidence,
 * then the sequence of node ids, then the sequence of relationship types. The engine ranks the candidates and returns
 * only the k best.
 */
@CacheConfig(cacheNames = "paths", keyGenerator = "answerKeys")
@Service
public class PathService {

	/** The deepest path a query may ask for. */
	public static final int MAX_DEPTH = 8;

	/** The most paths one answer may hold. */
	public static final int MAX_K = 50;

	/** How many candidate paths the engine ranks before it keeps the k best. */
	static final int CANDIDATE_CAP = 2_000;

	/** Candidate paths per path asked for in k-shortest mode, for ranking among equally short ones. */
	static final int K_POOL = 10;

	private static final Pattern ENTITY_ID = Pattern.compile("[a-z]+:[a-z0-9][a-z0-9.-]*");

	// Candidate paths come back ranked, and only the k an answer shows are projected. Ranking by evidence reads
	// every cited source of a path, which on hub-heavy graphs cost more than the search itself (hundreds of shortest
	// paths, docs/benchmarks.md), so it is read only for the candidates that can still make the answer: those at
	// least as good as the k-th by hop count and least confidence. The order is Candidate.RANKING's; the service sorts
	// the k again with it, so collect() keeping the order is not relied upon.
	private static final String RANKED = """
			WITH p, reduce(least = 1.0, hop IN relationships(p) |
			       CASE WHEN hop.confidence < least THEN hop.confidence ELSE least END) AS minConfidence
			ORDER BY length(p), minConfidence DESC
			WITH collect({path: p, minConfidence: minConfidence}) AS candidates
			WITH candidates, candidates[$k - 1] AS kth
			UNWIND candidates AS candidate
			WITH candidate.path AS p, candidate.minConfidence AS minConfidence
			WHERE kth IS NULL OR length(p) < length(kth.path)
			   OR (length(p) = length(kth.path) AND minConfidence >= kth.minConfidence)
			CALL (p) {
			  UNWIND relationships(p) AS hop
			  OPTIONAL MATCH (s:Source) WHERE s.id IN hop.sources
			  WITH hop, max(s.date) AS cited
			  RETURN max(coalesce(cited, hop.validFrom)) AS latestEvidence
			}
			WITH p ORDER BY length(p), minConfidence DESC, latestEvidence DESC,
			       reduce(ids = '', n IN nodes(p) | ids + n.id + ' '),
			       reduce(types = '', hop IN relationships(p) | types + type(hop) + '@' + toString(hop.validFrom) + ' ')
			LIMIT $k
			""";

	// What an answer needs beyond its paths, in the same statement, so a query is one round trip: the paths projected
	// to plain values (the same Java types in-process and through the driver, and only the properties an answer
	// shows), the cited sources (for citations), whether a linkage ties a node on any path (most do not, and then the
	// ledger is not read; checked from the paths' nodes, so no scan of every linkage), and the two ends, which an
	// empty answer names.
	private static final String CONTEXT = RANKED + """
			WITH collect(p) AS found
			WITH found, COLLECT { UNWIND found AS path UNWIND nodes(path) AS n RETURN DISTINCT n } AS onPaths
			RETURN [path IN found | {
			         nodes: [n IN nodes(path) | n {.id, .kind, .subtype, .name}],
			         hops: [hop IN relationships(path) | {type: type(hop), from: startNode(hop).id, to: endNode(hop).id,
			                                             properties: properties(hop)}]
			       }] AS paths,
			       COLLECT { UNWIND found AS path UNWIND relationships(path) AS hop UNWIND hop.sources AS id
			                 WITH DISTINCT id MATCH (s:Source {id: id}) RETURN properties(s) } AS sources,
			       EXISTS { UNWIND onPaths AS x MATCH (x:Linkage)-[:TIES]->(:Policy) }
			         OR EXISTS { UNWIND onPaths AS x MATCH (x:Policy)<-[:TIES]-(:Linkage) } AS touchesLinkage,
			       COLLECT { MATCH (n:Entity) WHERE n.id IN $ends RETURN n {.id, .kind, .subtype, .name} } AS ends
			""";

	private static final int MAX_RENDERED = 512;

	// Rendering with Cypher-DSL showed up in CPU profiles of /api/paths; the shapes users send repeat.
	private static final Map<Shape, String> RENDERED = new ConcurrentHashMap<>();

	private final EntityService entities;

	private final LinkageLedger linkages;

	private final GraphReads reads;

	private final Duration timeout;

	PathService(EntityService entities, LinkageLedger linkages, GraphReads reads, @org.springframework.beans.factory.annotation.Value("${lodestone.query.timeout:5s}") Duration timeout) {
		this.entities = entities;
		this.linkages = linkages;
		this.reads = reads;
		this.timeout = timeout;
	}

	/**
	 * Options as they arrive, before validation.
	 *
	 * @param mode shortest, k-shortest or all
	 * @param k how many paths
	 * @param maxDepth the most hops
	 * @param types relationship types allowed
	 * @param excludeTypes relationship types excluded
	 * @param kinds kinds or subtypes allowed in the middle
	 * @param asOf a date
	 * @param minConfidence the least confidence per hop
	 * @param direction any or outgoing
	 */
	public record Options(PathMode mode, int k, int maxDepth, List<RelationshipType> types,
			List<RelationshipType> excludeTypes, List<String> kinds, LocalDate asOf, double minConfidence,
			boolean outgoing) {

		/**
		 * Checks the bounds every path query must stay within.
		 */
		public Options {
			if (maxDepth < 1 || maxDepth > MAX_DEPTH) {
				throw new InvalidRequestException("maxDepth",
						"maxDepth must be between 1 and " + MAX_DEPTH + ", got " + maxDepth);
			}
			if (k < 1 || k > MAX_K) {
				throw new InvalidRequestException("k", "k must be between 1 and " + MAX_K + ", got " + k);
			}
			if (!(minConfidence >= 0 && minConfidence <= 1)) {
				throw new InvalidRequestException("minConfidence",
						"minConfidence must be between 0 and 1, got " + minConfidence);
			}
			types = List.copyOf(types);
			excludeTypes = List.copyOf(excludeTypes);
			kinds = List.copyOf(kinds);
		}

		/**
		 * Parses the options of a path query as {@code /api/paths} and the exports take them, as text.
		 * @param mode shortest, k-shortest or all
		 * @param k how many paths
		 * @param maxDepth the most hops
		 * @param types comma-separated relationship types allowed, or {@code null}
		 * @param excludeTypes comma-separated relationship types excluded, or {@code null}
		 * @param kinds comma-separated kinds or subtypes allowed in the middle, or {@code null}
		 * @param asOf a date as YYYY-MM-DD, or {@code null}
		 * @param minConfidence the least confidence per hop, or {@code null}
		 * @param direction any or outgoing
		 * @return the options
		 * @throws InvalidRequestException naming the parameter at fault
		 */
		public static Options parse(String mode, String k, String maxDepth, String types, String excludeTypes,
				String kinds, String asOf, String minConfidence, String direction) {
			PathMode pathMode = PathMode.fromValue(mode);
			if (pathMode == null) {
				throw new InvalidRequestException("mode", "mode must be shortest, k-shortest or all, got '" + mode + "'");
			}
			if (!"any".equalsIgnoreCase(direction) && !"outgoing".equalsIgnoreCase(direction)) {
				throw new InvalidRequestException("direction",
						"direction must be any or outgoing, got '" + direction + "'");
			}
			Double confidence = RequestValues.fraction("minConfidence", minConfidence);
			return new Options(pathMode, RequestValues.integer("k", k), RequestValues.integer("maxDepth", maxDepth),
					RequestValues.types("types", types), RequestValues.types("excludeTypes", excludeTypes),
					kindList(kinds), RequestValues.date("asOf", asOf), (confidence != null) ? confidence : 0,
					"outgoing".equalsIgnoreCase(direction));
		}

		private static List<String> kindList(String value) {
			List<String> kinds = new ArrayList<>();
			if (value == null || value.isBlank()) {
				return kinds;
			}
			for (String part : value.split(",")) {
				String name = part.strip();
				Kind kind = Kind.fromLabel(name);
				Subtype subtype = Subtype.fromLabel(name);
				if (kind != null && kind != Kind.SOURCE) {
					kinds.add(kind.label());
				}
				else if (subtype != null) {
					kinds.add(subtype.label());
				}
				else if (!name.isEmpty()) {
					throw new InvalidRequestException("kinds", "unknown kind '" + name
							+ "'; use Actor, Product, Mineral, Policy or a subtype such as Chip or TradeDeal");
				}
			}
			return kinds;
		}

	}

	/**
	 * @param from an id, name or alias
	 * @param to an id, name or alias
	 * @param options the query options
	 * @return the ranked paths, or an empty list with the reason
	 */
	@Cacheable
	public PathAnswer connect(String from, String to, Options options) {
		PathQuery query = effective(options);
		Set<RelationshipType> allowed = allowedTypes(options);
		Optional<Search> direct = byIds(from, to, options, allowed);
		if (direct.isPresent() && direct.get().resolvedEnds()) {
			Search search = direct.get();
			return search.paths().isEmpty()
					? new PathAnswer(search.start(), search.end(), query, List.of(),
							reason(search.start(), search.end(), options, allowed))
					: new PathAnswer(search.start(), search.end(), query, withLinkages(search), null);
		}
		EntitySummary start = this.entities.resolve(from);
		EntitySummary end = this.entities.resolve(to);
		if (start.id().equals(end.id())) {
			return new PathAnswer(start, end, query, List.of(), "from and to are the same entity");
		}
		if (allowed.isEmpty()) {
			return new PathAnswer(start, end, query, List.of(), "every relationship type is excluded");
		}
		Search search = find(start.id(), end.id(), options, allowed);
		if (!search.paths().isEmpty()) {
			return new PathAnswer(start, end, query, withLinkages(search), null);
		}
		return new PathAnswer(start, end, query, List.of(), reason(start, end, options, allowed));
	}

	/**
	 * The paths of a path query, for exports and pictures of them: the same resolution, query and ranking as
	 * {@link #connect}, without the explanation of an empty answer.
	 * @param from an id, name or alias
	 * @param to an id, name or alias
	 * @param options the query options
	 * @return the ranked paths, best first; empty when none connects the two or both are the same entity
	 */
	public List<ConnectionPath> paths(String from, String to, Options options) {
		Set<RelationshipType> allowed = allowedTypes(options);
		Optional<Search> direct = byIds(from, to, options, allowed);
		if (direct.isPresent() && direct.get().resolvedEnds()) {
			return direct.get().paths();
		}
		EntitySummary start = this.entities.resolve(from);
		EntitySummary end = this.entities.resolve(to);
		if (start.id().equals(end.id()) || allowed.isEmpty()) {
			return List.of();
		}
		return find(start.id(), end.id(), options, allowed).paths();
	}

	/**
	 * The common case, in one transaction: both ends typed as entity ids. The path query itself looks the ids up
	 * (unique index seeks), a found path names both ends, and an empty answer looks up just the two ids in the same
	 * transaction, so resolving them first would only add round trips. Resolution by id gives the same entities (an
	 * id match outranks any name). When an id is not stored, the caller resolves as usual, which reports unknown or
	 * ambiguous names.
	 * @return the search, possibly without paths; empty when it was not tried because the ends are not ids
	 */
	private Optional<Search> byIds(String from, String to, Options options, Set<RelationshipType> allowed) {
		if (from == null || to == null) {
			return Optional.empty();
		}
		String start = from.strip();
		String end = to.strip();
		if (!looksLikeId(start) || !looksLikeId(end) || start.equals(end) || allowed.isEmpty()) {
			return Optional.empty();
		}
		return Optional.of(find(start, end, options, allowed));
	}

	// The entity id syntax the importer enforces (docs/data-format.md): a prefix, a colon and a slug.
	private static boolean looksLikeId(String text) {
		return text.length() <= 200 && ENTITY_ID.matcher(text).matches();
	}

	/**
	 * @param options the query options
	 * @param allowed the relationship types to follow
	 * @return the Cypher the options produce, for plan checks and for people who want to run it in Browser
	 */
	static String cypher(Options options, Set<RelationshipType> allowed) {
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

	// Cypher-DSL renders the legacy path functions only for its parser; this does what the parser does, with public API.
	private static final FunctionInvocation.FunctionDefinition ALL_SHORTEST_PATHS = () -> "allShortestPaths";

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

	/**
	 * @param startId the start entity's id
	 * @param endId the end entity's id
	 * @param options the query options
	 * @return the parameters {@link #cypher} binds, for the service and for benchmarks that send the same query
	 */
	static Map<String, Object> parameters(String startId, String endId, Options options) {
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

	private static Condition allowedEnd(org.neo4j.cypherdsl.core.Expression node) {
		return Cypher.property(node, "kind").in(Cypher.parameter("kinds"))
			.or(Cypher.property(node, "subtype").in(Cypher.parameter("kinds")))
			.or(Cypher.property(node, "id").in(Cypher.parameter("ends")));
	}

	/**
	 * One search: the ranked paths (at most k), and the ends when the query named them by id. Whether a stored
	 * linkage touches any node on the paths comes from the same transaction, so most answers never ask the ledger.
	 */
	private record Search(List<ConnectionPath> paths, EntitySummary start, EntitySummary end, boolean touchesLinkage) {

		boolean resolvedEnds() {
			return this.start != null && this.end != null;
		}

	}

	/**
	 * A path as the statement projects it: its nodes ({@code id}, {@code kind}, {@code subtype}, {@code name}) and its
	 * hops ({@code type}, {@code from} and {@code to} ids, stored {@code properties}).
	 */
	private record RawPath(List<Map<String, Object>> nodes, List<Map<String, Object>> hops) {

		@SuppressWarnings("unchecked")
		static RawPath of(Object value) {
			Map<String, Object> path = (Map<String, Object>) value;
			return new RawPath((List<Map<String, Object>>) path.get("nodes"), (List<Map<String, Object>>) path.get("hops"));
		}

		@SuppressWarnings("unchecked")
		static Map<String, Object> properties(Map<String, Object> hop) {
			return (Map<String, Object>) hop.get("properties");
		}

		static List<String> sources(Map<String, Object> hop) {
			return (properties(hop).get("sources") instanceof List<?> ids) ? ids.stream().map(String::valueOf).toList()
					: List.of();
		}

	}

	/**
	 * A path of the answer with what ranking needs. The statement already picked and ordered the k best by the same
	 * keys; sorting them again here keeps the order independent of how the engine collects them.
	 */
	private record Candidate(RawPath path, double minConfidence, LocalDate latestEvidence, String nodeIds,
			String hopTypes) {

		static final Comparator<Candidate> RANKING = Comparator.comparingInt((Candidate c) -> c.path().hops().size())
			.thenComparing(Comparator.comparingDouble(Candidate::minConfidence).reversed())
			.thenComparing(Candidate::latestEvidence, Comparator.reverseOrder())
			.thenComparing(Candidate::nodeIds)
			.thenComparing(Candidate::hopTypes);

		static Candidate of(RawPath path, Map<String, LocalDate> sourceDates) {
			double minConfidence = 1;
			LocalDate latest = null;
			for (Map<String, Object> hop : path.hops()) {
				Map<String, Object> properties = RawPath.properties(hop);
				minConfidence = Math.min(minConfidence, ((Number) properties.get("confidence")).doubleValue());
				LocalDate evidence = Links.latestEvidence(RawPath.sources(hop).stream().map(sourceDates::get),
						(LocalDate) properties.get("validFrom"));
				latest = (latest == null || evidence.isAfter(latest)) ? evidence : latest;
			}
			StringBuilder ids = new StringBuilder();
			path.nodes().forEach(node -> ids.append(node.get("id")).append(' '));
			StringBuilder types = new StringBuilder();
			// A hop's validFrom tells apart parallel relationships of one type: the supply shares a pair holds per year.
			path.hops().forEach(hop -> types.append(hop.get("type")).append('@')
				.append(RawPath.properties(hop).get("validFrom")).append(' '));
			return new Candidate(path, minConfidence, latest, ids.toString(), types.toString());
		}

	}

	@SuppressWarnings("unchecked")
	private Search find(String startId, String endId, Options options, Set<RelationshipType> allowed) {
		Map<String, Object> answer = this.reads.single(cypher(options, allowed), parameters(startId, endId, options),
				this.timeout, "lodestone-paths");
		List<Object> raw = (List<Object>) answer.get("paths");
		if (raw.isEmpty()) {
			Map<String, EntitySummary> ends = new HashMap<>();
			((List<Map<String, Object>>) answer.get("ends")).forEach(properties -> {
				EntitySummary entity = EntitySummary.of(properties);
				ends.put(entity.id(), entity);
			});
			return new Search(List.of(), ends.get(startId), ends.get(endId), false);
		}
		Map<String, SourceReference> sources = new HashMap<>();
		Map<String, LocalDate> sourceDates = new HashMap<>();
		((List<Map<String, Object>>) answer.get("sources")).forEach(properties -> {
			SourceReference source = SourceReference.of(properties);
			sources.put(source.id(), source);
			sourceDates.put(source.id(), source.date());
		});
		List<ConnectionPath> ranked = raw.stream()
			.map(path -> Candidate.of(RawPath.of(path), sourceDates))
			.sorted(Candidate.RANKING)
			.map(candidate -> toConnection(candidate.path(), sources))
			.toList();
		ConnectionPath best = ranked.get(0);
		return new Search(ranked, best.nodes().get(0), best.nodes().get(best.nodes().size() - 1),
				(Boolean) answer.get("touchesLinkage"));
	}

	// A path through one side of a recorded quid pro quo mentions the linkage, who asserted it and who disputed it.
	private List<ConnectionPath> withLinkages(Search search) {
		List<ConnectionPath> paths = search.paths();
		if (!search.touchesLinkage()) {
			return paths;
		}
		Set<String> ids = new LinkedHashSet<>();
		paths.forEach(path -> path.nodes().forEach(node -> ids.add(node.id())));
		List<LinkageLedger.Linkage> touching = this.linkages.touching(ids);
		if (touching.isEmpty()) {
			return paths;
		}
		return paths.stream().map(path -> {
			Set<String> onPath = new LinkedHashSet<>();
			path.nodes().forEach(node -> onPath.add(node.id()));
			StringBuilder summary = new StringBuilder(path.summary());
			for (LinkageLedger.Linkage linkage : touching) {
				if (onPath.contains(linkage.id())
						|| linkage.sides().stream().anyMatch(side -> onPath.contains(side.id()))) {
					summary.append(' ').append(PathExplainer.linkage(linkage));
				}
			}
			return new ConnectionPath(path.nodes(), path.hops(), path.length(), path.minConfidence(),
					path.latestEvidence(), summary.toString());
		}).toList();
	}

	private String reason(EntitySummary start, EntitySummary end, Options options, Set<RelationshipType> allowed) {
		boolean filtered = options.asOf() != null || options.minConfidence() > 0 || !options.kinds().isEmpty()
				|| allowed.size() < RelationshipType.values().length || options.outgoing();
		String within = "within " + options.maxDepth() + " hops";
		if (!filtered) {
			return "No connection between " + start.name() + " and " + end.name() + " " + within + ".";
		}
		Options unfiltered = new Options(PathMode.SHORTEST, 1, options.maxDepth(), List.of(), List.of(), List.of(),
				null, 0, false);
		boolean existsUnfiltered = !find(start.id(), end.id(), unfiltered, EnumSet.allOf(RelationshipType.class))
			.paths()
			.isEmpty();
		List<String> filters = new ArrayList<>();
		if (options.asOf() != null) {
			filters.add("holding on " + options.asOf());
		}
		if (options.minConfidence() > 0) {
			filters.add("with confidence of at least " + options.minConfidence());
		}
		if (allowed.size() < RelationshipType.values().length) {
			filters.add("using only the allowed relationship types");
		}
		if (!options.kinds().isEmpty()) {
			filters.add("through only " + String.join(", ", options.kinds()) + " entities");
		}
		if (options.outgoing()) {
			filters.add("following relationships only outgoing");
		}
		String filterText = String.join(", ", filters);
		return existsUnfiltered
				? start.name() + " and " + end.name() + " connect " + within + ", but not by relationships "
						+ filterText + "."
				: "No connection between " + start.name() + " and " + end.name() + " " + within + " at all, even "
						+ "without the filters (" + filterText + ").";
	}

	private static ConnectionPath toConnection(RawPath path, Map<String, SourceReference> sources) {
		Map<String, EntitySummary> byId = new HashMap<>();
		List<EntitySummary> nodes = new ArrayList<>();
		for (Map<String, Object> node : path.nodes()) {
			EntitySummary summary = EntitySummary.of(node);
			byId.put(summary.id(), summary);
			nodes.add(summary);
		}
		List<Link> hops = new ArrayList<>();
		for (Map<String, Object> hop : path.hops()) {
			hops.add(Links.of((String) hop.get("type"), byId.get(hop.get("from")), byId.get(hop.get("to")),
					RawPath.properties(hop), RawPath.sources(hop).stream().map(sources::get)
						.filter(java.util.Objects::nonNull).toList()));
		}
		double minConfidence = hops.stream().mapToDouble(Link::confidence).min().orElse(1);
		LocalDate latest = hops.stream().map(Link::latestEvidence).max(LocalDate::compareTo).orElseThrow();
		return new ConnectionPath(nodes, hops, hops.size(), minConfidence, latest, PathExplainer.summary(nodes, hops));
	}

	private static Set<RelationshipType> allowedTypes(Options options) {
		Set<RelationshipType> allowed = options.types().isEmpty() ? EnumSet.allOf(RelationshipType.class)
				: EnumSet.copyOf(options.types());
		options.excludeTypes().forEach(allowed::remove);
		return allowed;
	}

	private static PathQuery effective(Options options) {
		return new PathQuery(options.mode().value(), options.k(), options.maxDepth(),
				options.types().stream().map(Enum::name).toList(), options.excludeTypes().stream().map(Enum::name).toList(),
				options.kinds(), options.asOf(), options.minConfidence(), options.outgoing() ? "outgoing" : "any");
	}

}
