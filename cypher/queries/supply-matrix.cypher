// The exposure matrix: every mineral with a sourced supply share, by supplier, and the measures restricting the
// mineral that are in force on a date. Each supplier's share is the one reported for the latest period starting on
// or before the date (else the earliest reported); held says whether that period covers the date. A measure is in
// force as in chokepoint-exposure.cypher: its RESTRICTS holds on the date, it is not rescinded, and no suspension
// holds; states lists the states its issuers are, or belong to (MEMBER_OF or HOLDS_OFFICE, up to three steps).
// Parameters: asOf (a Neo4j date). In Browser, run this first:
// :param asOf => date('2025-05-15');
MATCH (s:Actor)-[r:SUPPLIES]->(x:Mineral)
WHERE r.share IS NOT NULL
WITH x, s, r
ORDER BY CASE WHEN r.validFrom <= $asOf THEN duration.inDays(r.validFrom, $asOf).days
              ELSE 1000000 + duration.inDays($asOf, r.validFrom).days END
WITH x, s, head(collect(r)) AS r
WITH x, s, r ORDER BY r.share DESC, s.id
WITH x, collect({supplier: s.id, name: s.name, subtype: s.subtype, share: r.share, validFrom: r.validFrom,
                 validTo: r.validTo, precision: r.precision, basis: r.basis, note: r.note, sources: r.sources,
                 held: r.validFrom <= $asOf AND (r.validTo IS NULL OR r.validTo >= $asOf)}) AS suppliers
CALL (x) {
  OPTIONAL MATCH (m:Policy)-[rr:RESTRICTS]->(x)
  WHERE rr.validFrom <= $asOf AND (rr.validTo IS NULL OR rr.validTo >= $asOf)
    AND (m.rescinded IS NULL OR m.rescinded > $asOf)
    AND NOT EXISTS { (:Policy)-[sp:SUSPENDS]->(m) WHERE sp.validFrom <= $asOf AND (sp.validTo IS NULL OR sp.validTo >= $asOf) }
  WITH m, rr ORDER BY rr.validFrom, m.id
  RETURN [y IN collect(CASE WHEN m IS NULL THEN null ELSE
          {id: m.id, name: m.name, subtype: m.subtype, since: rr.validFrom, sources: rr.sources,
           states: COLLECT { MATCH (i:Actor)-[:ISSUED]->(m)
                             MATCH (i)-[:MEMBER_OF|HOLDS_OFFICE*0..3]->(st:State)
                             RETURN DISTINCT st.id AS state ORDER BY state }} END)
          WHERE y IS NOT NULL] AS measures
}
RETURN x.id AS id, x.name AS name, x.subtype AS subtype, suppliers, measures,
       COLLECT { MATCH (x)-[:USED_IN]->(p:Entity) WITH p ORDER BY p.name RETURN {id: p.id, name: p.name, kind: p.kind} } AS usedIn
ORDER BY x.name;
