/**
 * The graph's recorded history: what changed since an instant, one entity's versions, what the graph said at an
 * instant ({@code knownAt}), and Atom feeds of the same ({@code /api/changes}, {@code /api/entities/{id}/history}).
 */
package org.lodestone.history;
