// The measure calendar: every date on which a measure is announced, takes effect, is rescinded, or has a suspension
// end (suspendedUntil), between two dates, in date order. GET /api/calendar serves the same rows, also as iCalendar.
// Parameters: from, to (Neo4j dates). In Browser, run these first:
// :param from => date('2025-01-01');
// :param to => date('2026-12-31');
MATCH (m:Policy)
UNWIND [['announced', m.announced], ['effective', m.effective], ['suspended-until', m.suspendedUntil],
        ['rescinded', m.rescinded]] AS event
WITH m, event[0] AS kind, event[1] AS date
WHERE date IS NOT NULL AND date >= $from AND date <= $to
RETURN date, kind, m.id AS measure, m.name AS name, m.subtype AS type,
       COLLECT { MATCH (issuer:Actor)-[:ISSUED]->(m) RETURN issuer.name ORDER BY issuer.name } AS issuers,
       coalesce(m.sources, []) AS sources
ORDER BY date, kind, measure;
