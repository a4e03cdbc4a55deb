// The most central entities of a kind, by degree: how many distinct entities each is directly tied to, with the
// relationships and sources behind the number. This is the Cypher fallback GET /api/analytics/central uses when the
// engine has no Graph Data Science library.
// Parameters: kind (Actor, Policy, Product, Mineral or Linkage). In Browser, run this first:
// :param kind => 'Actor';
MATCH (n:Entity {kind: $kind})
CALL (n) {
  MATCH (n)-[r]-(m:Entity)
  RETURN count(DISTINCT m) AS degree, count(r) AS relationships,
         reduce(all = [], ids IN collect(r.sources) | all + [id IN ids WHERE NOT id IN all]) AS sources
}
RETURN n.id AS id, n.name AS name, n.subtype AS subtype, degree, relationships, sources
ORDER BY degree DESC, relationships DESC, id
LIMIT 20;
