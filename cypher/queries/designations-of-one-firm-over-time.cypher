// The designation history of one firm, such as SMIC: every measure that lists, targets or restricts it (Entity List
// additions, foreign entity lists, sanctions, licence requirements), by whom, from when to when, and who reported it.
// Parameters: firm (an Actor id). In Browser, run this first:
// :param firm => 'company:smic';
MATCH (m:Policy)-[r:TARGETS|RESTRICTS]->(:Actor {id: $firm})
OPTIONAL MATCH (issuer:Actor)-[:ISSUED]->(m)
RETURN m.id AS id, m.name AS measure, collect(DISTINCT issuer.name) AS issuers, type(r) AS how,
       r.validFrom AS heldFrom, r.precision AS precision, r.validTo AS heldTo, r.confidence AS confidence,
       r.sources AS sources, r.note AS note
ORDER BY heldFrom, measure;
