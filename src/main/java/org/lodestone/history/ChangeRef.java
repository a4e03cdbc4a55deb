package org.lodestone.history;

import java.time.Instant;

/**
 * The recorded change (an import) that opened or closed a version.
 *
 * @param id the change's id, {@code change:17}
 * @param at when it was recorded
 * @param by who made it: the credential's name, {@code cli:<user>}, or {@code first-start}
 * @param reason why, or {@code null} when the change only added
 */
public record ChangeRef(String id, Instant at, String by, String reason) {
}
