package org.lodestone.history;

import java.util.List;

/**
 * Every recorded version of one entity and of the relationships touching it, oldest first.
 *
 * @param id the entity's id
 * @param versions the versions, oldest first; the current word of each element last
 * @param truncated whether more versions exist than one answer holds ({@value HistoryService#MAX_VERSIONS})
 */
public record EntityHistory(String id, List<ElementVersion> versions, boolean truncated) {
}
