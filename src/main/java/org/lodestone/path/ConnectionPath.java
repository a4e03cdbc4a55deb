package org.lodestone.path;

import java.time.LocalDate;
import java.util.List;

import org.lodestone.graph.EntitySummary;
import org.lodestone.graph.Link;

/**
 * One way two entities connect.
 *
 * @param nodes the entities along the path, from start to end
 * @param hops the relationships between consecutive nodes, each with its dates, sources and sentence
 * @param length the number of hops
 * @param minConfidence the confidence of the weakest hop
 * @param latestEvidence the newest source date along the path
 * @param summary the whole path in one paragraph
 */
public record ConnectionPath(List<EntitySummary> nodes, List<Link> hops, int length, double minConfidence,
		LocalDate latestEvidence, String summary) {
}
