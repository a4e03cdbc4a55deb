package org.lodestone.path;

import java.util.List;

import org.lodestone.graph.EntitySummary;

/**
 * What one path statement found: the ranked paths (at most k), and the two ends when the statement found them by id.
 * Whether a stored linkage touches any node on the paths comes from the same statement, so most answers never ask the
 * ledger.
 *
 * @param paths the paths, best first; possibly empty
 * @param start the start entity, or {@code null} when no entity has the start id
 * @param end the end entity, or {@code null} when no entity has the end id
 * @param touchesLinkage whether a linkage ties a node on any of the paths
 */
record FoundPaths(List<ConnectionPath> paths, EntitySummary start, EntitySummary end, boolean touchesLinkage) {

	/**
	 * @return whether both ends are stored entities, so the search needs no name resolution
	 */
	boolean resolvedEnds() {
		return this.start != null && this.end != null;
	}

}
