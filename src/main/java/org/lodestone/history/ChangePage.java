package org.lodestone.history;

import java.time.Instant;
import java.util.List;

/**
 * One page of changes, newest first.
 *
 * @param since the earliest instant asked for
 * @param offset how many newer changes were skipped
 * @param limit the most changes on a page
 * @param changes the changes on this page
 * @param more whether older changes follow (ask again with {@code offset + limit})
 */
public record ChangePage(Instant since, int offset, int limit, List<ElementChange> changes, boolean more) {
}
