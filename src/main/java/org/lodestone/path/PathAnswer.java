package org.lodestone.path;

import java.util.List;

import org.lodestone.graph.EntitySummary;

/**
 * The answer to "what connects {@code from} to {@code to}".
 *
 * @param from the resolved start
 * @param to the resolved end
 * @param query the effective options
 * @param paths the paths, best first
 * @param reason why the list is empty, or {@code null} when it is not
 */
public record PathAnswer(EntitySummary from, EntitySummary to, PathQuery query, List<ConnectionPath> paths,
		String reason) {
}
