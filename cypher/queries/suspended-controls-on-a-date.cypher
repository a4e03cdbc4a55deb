// Which measures were suspended on a date, by which measure, and until when; with the minerals, products and actors
// each suspended measure restricts or targets, so "which minerals' controls are suspended, and until when" is one
// query. The end is the suspension's last day as recorded (an extension later than it is not known to the data).
// Parameters: date (a Neo4j date). In Browser, run this first:
// :param date => date('2026-01-15');
MATCH (suspension:Policy)-[s:SUSPENDS]->(m:Policy)
WHERE s.validFrom <= $date AND (s.validTo IS NULL OR s.validTo >= $date)
OPTIONAL MATCH (m)-[:RESTRICTS|TARGETS|COVERS]->(item:Entity)
RETURN m.id AS id, m.name AS suspendedMeasure, suspension.name AS suspendedBy, s.validFrom AS since,
       coalesce(s.validTo, m.suspendedUntil) AS until,
       collect(DISTINCT CASE WHEN item:Mineral THEN item.name END) AS minerals,
       collect(DISTINCT CASE WHEN NOT item:Mineral THEN item.name END) AS others
ORDER BY until, suspendedMeasure;
