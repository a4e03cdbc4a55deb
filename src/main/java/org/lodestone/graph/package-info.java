/**
 * The ontology: node kinds and subtypes, relationship types with their meaning and the kinds they connect.
 */
package org.lodestone.graph;
