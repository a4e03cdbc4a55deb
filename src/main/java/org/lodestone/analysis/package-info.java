/**
 * Analyses over the dated, sourced graph: the linkage ledger, chokepoint exposure, what-if scenarios, as-of diffs,
 * the measure calendar and centrality.
 */
package org.lodestone.analysis;
