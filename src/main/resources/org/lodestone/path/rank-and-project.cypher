// The fixed tail of every path query (PathStatement): the candidate paths the search found (p), ranked, cut to $k
// and projected. The search before it varies with the options and is built with Cypher-DSL.
//
// Candidate paths come back ranked, and only the k an answer shows are projected. Ranking by evidence reads
// every cited source of a path, which on hub-heavy graphs cost more than the search itself (hundreds of shortest
// paths, docs/benchmarks.md), so it is read only for the candidates that can still make the answer: those at
// least as good as the k-th by hop count and least confidence. The order is PathRows' ranking; the service sorts
// the k again with it, so collect() keeping the order is not relied upon.
WITH p, reduce(least = 1.0, hop IN relationships(p) |
       CASE WHEN hop.confidence < least THEN hop.confidence ELSE least END) AS minConfidence
ORDER BY length(p), minConfidence DESC
WITH collect({path: p, minConfidence: minConfidence}) AS candidates
WITH candidates, candidates[$k - 1] AS kth
UNWIND candidates AS candidate
WITH candidate.path AS p, candidate.minConfidence AS minConfidence
WHERE kth IS NULL OR length(p) < length(kth.path)
   OR (length(p) = length(kth.path) AND minConfidence >= kth.minConfidence)
CALL (p) {
  UNWIND relationships(p) AS hop
  OPTIONAL MATCH (s:Source) WHERE s.id IN hop.sources
  WITH hop, max(s.date) AS cited
  RETURN max(coalesce(cited, hop.validFrom)) AS latestEvidence
}
WITH p ORDER BY length(p), minConfidence DESC, latestEvidence DESC,
       reduce(ids = '', n IN nodes(p) | ids + n.id + ' '),
       reduce(types = '', hop IN relationships(p) | types + type(hop) + '@' + toString(hop.validFrom) + ' ')
LIMIT $k
// What an answer needs beyond its paths, in the same statement, so a query is one round trip: the paths projected
// to plain values (the same Java types in-process and through the driver, and only the properties an answer
// shows), the cited sources (for citations), whether a linkage ties a node on any path (most do not, and then the
// ledger is not read; checked from the paths' nodes, so no scan of every linkage), and the two ends, which an
// empty answer names. PathRows reads these four columns.
WITH collect(p) AS found
WITH found, COLLECT { UNWIND found AS path UNWIND nodes(path) AS n RETURN DISTINCT n } AS onPaths
RETURN [path IN found | {
         nodes: [n IN nodes(path) | n {.id, .kind, .subtype, .name}],
         hops: [hop IN relationships(path) | {type: type(hop), from: startNode(hop).id, to: endNode(hop).id,
                                             properties: properties(hop)}]
       }] AS paths,
       COLLECT { UNWIND found AS path UNWIND relationships(path) AS hop UNWIND hop.sources AS id
                 WITH DISTINCT id MATCH (s:Source {id: id}) RETURN properties(s) } AS sources,
       EXISTS { UNWIND onPaths AS x MATCH (x:Linkage)-[:TIES]->(:Policy) }
         OR EXISTS { UNWIND onPaths AS x MATCH (x:Policy)<-[:TIES]-(:Linkage) } AS touchesLinkage,
       COLLECT { MATCH (n:Entity) WHERE n.id IN $ends RETURN n {.id, .kind, .subtype, .name} } AS ends
