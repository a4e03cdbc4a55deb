// The 20 most central entities of kind $kind by PageRank over the projected graph $graph (Graph Data Science),
// with their degree, relationship count and cited sources. Without GDS, cypher/queries/most-central-entities.cypher.
CALL gds.pageRank.stream($graph) YIELD nodeId, score
WITH gds.util.asNode(nodeId) AS n, score
WHERE n.kind = $kind
CALL (n) {
  MATCH (n)-[r]-(m:Entity)
  RETURN count(DISTINCT m) AS degree, count(r) AS relationships,
         reduce(all = [], ids IN collect(r.sources) | all + [id IN ids WHERE NOT id IN all]) AS sources
}
RETURN n.id AS id, n.name AS name, n.subtype AS subtype, score, degree, relationships, sources
ORDER BY score DESC, n.id
LIMIT 20
