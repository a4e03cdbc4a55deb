// An entity's properties, how many relationships touch it, and every source it and its relationships cite, newest
// first. EntityService.details reads it with $id.
MATCH (n:Entity {id: $id})
CALL (n) {
  OPTIONAL MATCH (n)-[r]-()
  RETURN count(r) AS degree, collect(r.sources) AS cited
}
WITH n, degree, coalesce(n.sources, []) + reduce(all = [], ids IN cited | all + coalesce(ids, [])) AS ids
RETURN properties(n) AS props, degree,
       COLLECT { MATCH (s:Source) WHERE s.id IN ids RETURN properties(s) ORDER BY s.date DESC, s.id } AS sources
