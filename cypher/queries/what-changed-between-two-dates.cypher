// What changed between two dates (after from, up to and including to): measures that started, were suspended or
// rescinded; licences granted; linkages made; and every relationship that began or ended, each with its sources.
// Parameters: from, to (Neo4j dates). In Browser, run these first:
// :param from => date('2025-04-01');
// :param to => date('2025-08-15');
CALL () {
  MATCH (m:Policy)
  UNWIND [['measure-announced', m.announced], ['measure-effective', m.effective], ['measure-rescinded', m.rescinded]] AS e
  WITH m, e WHERE e[1] IS NOT NULL AND e[1] > $from AND e[1] <= $to
  RETURN e[1] AS date, e[0] AS change, m.id AS subject, m.name AS description, coalesce(m.sources, []) AS sources
  UNION ALL
  MATCH (a:Entity)-[r]->(b:Entity)
  WHERE r.validFrom > $from AND r.validFrom <= $to
  RETURN r.validFrom AS date,
         CASE type(r) WHEN 'SUSPENDS' THEN 'measure-suspended' WHEN 'REVERSES' THEN 'measure-reversed'
                      WHEN 'LICENSED_FOR' THEN 'licence-granted' WHEN 'TIES' THEN 'linkage-made'
                      ELSE 'relationship-started' END AS change,
         a.id + '|' + type(r) + '|' + b.id AS subject,
         a.name + ' ' + type(r) + ' ' + b.name AS description, r.sources AS sources
  UNION ALL
  MATCH (a:Entity)-[r]->(b:Entity)
  WHERE r.validTo IS NOT NULL AND r.validTo > $from AND r.validTo <= $to
  RETURN r.validTo AS date, 'relationship-ended' AS change, a.id + '|' + type(r) + '|' + b.id AS subject,
         a.name + ' ' + type(r) + ' ' + b.name AS description, r.sources AS sources
}
RETURN date, change, subject, description, sources
ORDER BY date, change, subject;
