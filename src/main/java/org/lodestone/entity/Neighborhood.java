package org.lodestone.entity;

import java.time.LocalDate;
import java.util.List;

import org.lodestone.graph.EntitySummary;
import org.lodestone.graph.Link;

/**
 * The entities within a few hops of one entity, and the relationships between them.
 *
 * @param center the entity asked about
 * @param depth how many hops out
 * @param asOf the date relationships had to hold on, or {@code null}
 * @param nodes the entities reached, the center first
 * @param links the relationships walked
 * @param truncated whether the node cap cut the neighbourhood short
 */
public record Neighborhood(EntitySummary center, int depth, LocalDate asOf, List<EntitySummary> nodes, List<Link> links,
		boolean truncated) {
}
