package org.lodestone.history;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.lodestone.graph.SourceReference;

/**
 * One element's change: what the graph said before and after, when, by whom and why.
 *
 * @param changeId the recorded change (import) it belongs to
 * @param at when it was recorded
 * @param by who made it
 * @param reason why, or {@code null}
 * @param what {@code added}, {@code corrected} or {@code retracted}
 * @param element the element's stable id
 * @param of {@code entity}, {@code source} or {@code relationship}
 * @param before its properties before, or {@code null} when added
 * @param after its properties after, or {@code null} when retracted
 * @param sources the sources cited before or after
 */
public record ElementChange(String changeId, Instant at, String by, String reason, String what, String element,
		String of, Map<String, Object> before, Map<String, Object> after, List<SourceReference> sources) {
}
