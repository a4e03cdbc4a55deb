package org.lodestone.path;

import java.time.LocalDate;
import java.util.List;

/**
 * The effective options of a path query, echoed in every answer.
 *
 * @param mode shortest, k-shortest or all
 * @param k how many paths at most
 * @param maxDepth the most hops a path may have
 * @param types the relationship types a path may use; empty means all
 * @param excludeTypes the relationship types a path may not use
 * @param kinds the kinds or subtypes allowed in the middle of a path; empty means all
 * @param asOf only relationships that held on this date, or {@code null}
 * @param minConfidence the least confidence every hop must have
 * @param direction {@code any}, or {@code outgoing} to follow relationships only from start to end
 */
public record PathQuery(String mode, int k, int maxDepth, List<String> types, List<String> excludeTypes,
		List<String> kinds, LocalDate asOf, double minConfidence, String direction) {
}
