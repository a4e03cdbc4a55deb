// Chokepoint exposure: what an entity (an end use, a product or a company) depends on, walking USED_IN upstream to
// the minerals and components it needs; for each, the dominant supplier's share (with source) and the export
// measures in force on it on a date. Ranked by the number of measures in force, then by the dominant share (unknown
// shares last), then nearest first.
// Parameters: id (an entity id), asOf (a Neo4j date). In Browser, run these first:
// :param id => 'product:ev-traction-motor';
// :param asOf => date('2025-05-15');
MATCH (target:Entity {id: $id})
WITH target, [target] + COLLECT { MATCH (target)-[:PRODUCES]->(made:Entity) RETURN made } AS roots
UNWIND roots AS root
MATCH chain = (input:Entity)-[:USED_IN*1..4]->(root)
WITH input, min(length(chain)) AS depth
WHERE input:Mineral OR input:Component
OPTIONAL MATCH (supplier:Actor)-[s:SUPPLIES]->(input)
WHERE s.share IS NOT NULL AND s.validFrom <= $asOf AND (s.validTo IS NULL OR s.validTo >= $asOf)
WITH input, depth, supplier, s ORDER BY s.share DESC
WITH input, depth, head(collect(CASE WHEN s IS NULL THEN null ELSE
     {supplier: supplier.name, share: s.share, note: s.note, sources: s.sources} END)) AS dominant
CALL (input) {
  OPTIONAL MATCH (m:Policy)-[r:RESTRICTS]->(input)
  WHERE r.validFrom <= $asOf AND (r.validTo IS NULL OR r.validTo >= $asOf)
    AND (m.rescinded IS NULL OR m.rescinded > $asOf)
    AND NOT EXISTS { (:Policy)-[sp:SUSPENDS]->(m) WHERE sp.validFrom <= $asOf AND (sp.validTo IS NULL OR sp.validTo >= $asOf) }
  RETURN [x IN collect(CASE WHEN m IS NULL THEN null ELSE {id: m.id, name: m.name, since: r.validFrom, sources: r.sources} END)
          WHERE x IS NOT NULL] AS measures
}
RETURN input.id AS input, input.name AS name, input.subtype AS subtype, depth, dominant, measures
ORDER BY size(measures) DESC, coalesce(dominant.share, -1.0) DESC, depth, input;
