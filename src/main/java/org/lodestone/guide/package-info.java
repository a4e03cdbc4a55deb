/**
 * The Neo4j Browser guide at {@code /guide} ({@code :play http://localhost:8080/guide}), built from the analyst
 * queries shipped in {@code cypher/queries/}, and the cross-origin rule that lets Browser fetch it.
 */
package org.lodestone.guide;
