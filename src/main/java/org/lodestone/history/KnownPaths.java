package org.lodestone.history;

import java.time.Instant;
import java.util.List;

import org.lodestone.path.PathAnswer;

/**
 * A path answer as the graph gave it at an instant: the search run on the graph as recorded then, each hop marked with
 * what the graph has said about it since.
 *
 * @param knownAt the instant
 * @param answer the path answer at {@code knownAt}, shaped as {@code GET /api/paths} gives it
 * @param paths per path of the answer, in its order: whether the graph still says every hop as it did then, and each
 * hop
 * @param changedSince whether any hop was corrected or retracted after {@code knownAt} (the explorer's banner)
 */
public record KnownPaths(Instant knownAt, PathAnswer answer, List<KnownPath> paths, boolean changedSince) {

	/**
	 * @param unchangedSince whether the graph still says every hop as it did at {@code knownAt}
	 * @param hops per hop, in the path's order
	 */
	public record KnownPath(boolean unchangedSince, List<KnownHop> hops) {
	}

	/**
	 * @param id the relationship's id
	 * @param status {@code unchanged} (the graph says today what it said then), {@code corrected} (it says otherwise
	 * today) or {@code retracted} (the graph no longer holds the hop)
	 * @param then the version that was current at {@code knownAt}, or {@code null} for a hop stored before history
	 * was kept
	 */
	public record KnownHop(String id, String status, ElementVersion then) {
	}

}
