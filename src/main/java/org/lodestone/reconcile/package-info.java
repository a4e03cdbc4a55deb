/**
 * The W3C Reconciliation Service API (v0.2) over the entity search, so OpenRefine can match a column of names to
 * Lodestone ids: service manifest, batch queries, type suggest, entity suggest and HTML previews.
 */
package org.lodestone.reconcile;
