// Which measures (export controls, licences, bans, deals, tariffs...) were in force on a date? A measure is in force
// once effective (or announced, when no effective date is known) and until rescinded or reversed; one suspended on
// that date is listed with suspended = true. sources are the ids of the publications describing the measure or
// reporting who issued it.
// Parameters: date (a Neo4j date). In Browser, run this first:
// :param date => date('2025-05-15');
MATCH (m:Policy)
WHERE coalesce(m.effective, m.announced) <= $date
  AND (m.rescinded IS NULL OR m.rescinded > $date)
  AND NOT EXISTS { (:Policy)-[rv:REVERSES]->(m) WHERE rv.validFrom <= $date }
OPTIONAL MATCH (issuer:Actor)-[i:ISSUED]->(m)
WITH m, collect(DISTINCT issuer.name) AS issuers, collect(i.sources) AS issuedSources,
     EXISTS { (:Policy)-[s:SUSPENDS]->(m) WHERE s.validFrom <= $date AND (s.validTo IS NULL OR s.validTo >= $date) }
       OR (m.suspendedUntil IS NOT NULL AND m.suspendedUntil >= $date
           AND EXISTS { (:Policy)-[s:SUSPENDS]->(m) WHERE s.validFrom <= $date }) AS suspended
RETURN m.id AS id, m.name AS measure, m.subtype AS type, issuers,
       coalesce(m.effective, m.announced) AS since, m.suspendedUntil AS suspendedUntil, suspended,
       reduce(ids = coalesce(m.sources, []), s IN issuedSources | ids + [x IN s WHERE NOT x IN ids]) AS sources
ORDER BY since, measure;
