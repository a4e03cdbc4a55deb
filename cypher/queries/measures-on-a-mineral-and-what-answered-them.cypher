// Every measure that restricts, licenses or concerns a mineral such as gallium, oldest first: who issued it, when it
// was announced and took effect, and every measure that answered it or that it answered (amendments, reversals,
// suspensions, concessions), with the direction and the date of each answer.
// Parameters: mineral (a Mineral id). In Browser, run this first:
// :param mineral => 'mineral:gallium';
MATCH (m:Policy)-[touch:RESTRICTS|LICENSED_FOR|COVERS]->(:Mineral {id: $mineral})
OPTIONAL MATCH (issuer:Actor)-[:ISSUED]->(m)
WITH m, collect(DISTINCT type(touch)) AS how, collect(DISTINCT issuer.name) AS issuers
OPTIONAL MATCH (m)-[answer:AMENDS|REVERSES|SUSPENDS|CONCESSION_FOR]-(other:Policy)
WITH m, how, issuers, answer, other
ORDER BY answer.validFrom
RETURN m.id AS id, m.name AS measure, issuers, how, m.announced AS announced, m.effective AS effective,
       m.suspendedUntil AS suspendedUntil, m.rescinded AS rescinded,
       [a IN collect(CASE WHEN answer IS NULL THEN null ELSE {
          relation: CASE WHEN startNode(answer) = m THEN 'this ' + toLower(type(answer)) ELSE toLower(type(answer)) + ' this' END,
          other: other.name, since: answer.validFrom, until: answer.validTo} END) WHERE a IS NOT NULL] AS answers
ORDER BY coalesce(m.announced, m.effective), measure;
