package org.lodestone.reconcile;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A type in the sense of the reconciliation API: a kind or subtype label.
 *
 * @param id the label, such as {@code Company}
 * @param name the same label, for display
 * @param broader the kind a subtype belongs to, or {@code null} for a kind
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ReconciliationType(String id, String name, List<ReconciliationType> broader) {
}
