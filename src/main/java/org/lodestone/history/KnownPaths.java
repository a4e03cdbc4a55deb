package org.lodestone.history;

import java.time.Instant;
import java.util.List;

import org.lodestone.path.PathAnswer;

/**
 * A path answer read against what the graph had recorded at an instant: the current graph's paths, each hop marked
 * with what the graph said about it then.
 *
 * @param knownAt the instant
 * @param answer the path answer on the current graph, as {@code GET /api/paths} gives it
 * @param paths per path of the answer, in its order: whether the graph knew every hop then, and each hop then
 * @param changedSince whether any hop was added or corrected after {@code knownAt} (the explorer's banner)
 */
public record KnownPaths(Instant knownAt, PathAnswer answer, List<KnownPath> paths, boolean changedSince) {

	/**
	 * @param knownThen whether every hop was recorded by {@code knownAt}, so the graph could have given this path then
	 * @param hops per hop, in the path's order
	 */
	public record KnownPath(boolean knownThen, List<KnownHop> hops) {
	}

	/**
	 * @param id the relationship's id
	 * @param status {@code unchanged} (the graph says today what it said then), {@code corrected} (it said
	 * {@code then}), or {@code added} (it did not know the hop then)
	 * @param then the version that was current at {@code knownAt}, or {@code null} when the hop was added later
	 */
	public record KnownHop(String id, String status, ElementVersion then) {
	}

}
