package org.lodestone.history;

import java.time.Instant;
import java.util.List;

/**
 * What the graph said at one instant about one entity and the relationships touching it.
 *
 * @param id the entity's id
 * @param knownAt the instant
 * @param entity the entity's version that was the graph's word then
 * @param relationships the versions of its relationships that were the graph's word then
 */
public record KnownEntity(String id, Instant knownAt, ElementVersion entity, List<ElementVersion> relationships) {
}
