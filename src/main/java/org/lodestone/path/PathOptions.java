package org.lodestone.path;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.lodestone.graph.Kind;
import org.lodestone.graph.RelationshipType;
import org.lodestone.graph.Subtype;
import org.lodestone.request.InvalidRequestException;
import org.lodestone.request.RequestValues;

/**
 * The options of a path query, checked. {@code /api/paths}, the path exports and the {@code export} command take the
 * same options as text; they are parsed and bounded here, once, so no path query can be built with a depth or a
 * {@code k} beyond what the statement and its timeout are sized for, and a mistake is reported the same way wherever
 * it was typed (a 400 naming the parameter).
 *
 * @param mode shortest, k-shortest or all
 * @param k how many paths, 1 to {@value #MAX_K}
 * @param maxDepth the most hops, 1 to {@value #MAX_DEPTH}
 * @param types relationship types allowed; empty means all
 * @param excludeTypes relationship types excluded
 * @param kinds kinds or subtypes allowed in the middle of a path, as stored labels; empty means all
 * @param asOf only relationships that held on this date, or {@code null}
 * @param minConfidence the least confidence every hop must have, 0 to 1
 * @param outgoing whether relationships are followed only from start to end
 */
public record PathOptions(PathMode mode, int k, int maxDepth, List<RelationshipType> types,
		List<RelationshipType> excludeTypes, List<String> kinds, LocalDate asOf, double minConfidence,
		boolean outgoing) {

	/** The deepest path a query may ask for. */
	public static final int MAX_DEPTH = 8;

	/** The most paths one answer may hold. */
	public static final int MAX_K = 50;

	/** The mode when none is given. */
	public static final String DEFAULT_MODE = "k-shortest";

	/** How many paths when {@code k} is not given. */
	public static final String DEFAULT_K = "5";

	/** The most hops when {@code maxDepth} is not given. */
	public static final String DEFAULT_MAX_DEPTH = "6";

	/** The direction when none is given. */
	public static final String DEFAULT_DIRECTION = "any";

	/**
	 * Checks the bounds every path query must stay within.
	 */
	public PathOptions {
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
	 * Parses the options of a path query as {@code /api/paths} and the exports take them, as text. Absent values
	 * are the callers' to fill in with the {@code DEFAULT_} constants, as request parameters with defaults.
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
	public static PathOptions parse(String mode, String k, String maxDepth, String types, String excludeTypes,
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
		return new PathOptions(pathMode, RequestValues.integer("k", k), RequestValues.integer("maxDepth", maxDepth),
				RequestValues.types("types", types), RequestValues.types("excludeTypes", excludeTypes),
				kindList(kinds), RequestValues.date("asOf", asOf), (confidence != null) ? confidence : 0,
				"outgoing".equalsIgnoreCase(direction));
	}

	/**
	 * The options of the one query that tells an empty answer's two causes apart: the same depth, no filter.
	 * @param maxDepth the most hops
	 * @return shortest paths, one, every type, any direction
	 */
	static PathOptions unfiltered(int maxDepth) {
		return new PathOptions(PathMode.SHORTEST, 1, maxDepth, List.of(), List.of(), List.of(), null, 0, false);
	}

	/**
	 * @return the relationship types a path may use: {@link #types()} (all when empty) less {@link #excludeTypes()};
	 * possibly empty
	 */
	Set<RelationshipType> allowedTypes() {
		Set<RelationshipType> allowed = this.types.isEmpty() ? EnumSet.allOf(RelationshipType.class)
				: EnumSet.copyOf(this.types);
		this.excludeTypes.forEach(allowed::remove);
		return allowed;
	}

	/**
	 * @return whether any option narrows the search beyond depth and mode: a date, a confidence, fewer types,
	 * kinds or a direction
	 */
	boolean filtered() {
		return this.asOf != null || this.minConfidence > 0 || !this.kinds.isEmpty()
				|| allowedTypes().size() < RelationshipType.values().length || this.outgoing;
	}

	/**
	 * @return the options as an answer echoes them
	 */
	PathQuery query() {
		return new PathQuery(this.mode.value(), this.k, this.maxDepth, this.types.stream().map(Enum::name).toList(),
				this.excludeTypes.stream().map(Enum::name).toList(), this.kinds, this.asOf, this.minConfidence,
				this.outgoing ? "outgoing" : "any");
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
