// The linkage ledger: every recorded tie between one side's measure and the other side's (a quid pro quo made
// explicit), with who asserted it and who disputed it (quote, date, sources), the lag in days between the two
// measures, and an evidence strength: 1 - product(1 - assertion confidence), then each dispute multiplies it by
// (1 - confidence / 2).
// Parameters: none.
MATCH (l:Linkage)
CALL (l) {
  MATCH (l)-[t:TIES]->(m:Policy)
  WITH m, t ORDER BY coalesce(m.effective, m.announced, t.validFrom), m.id
  RETURN collect({id: m.id, name: m.name, subtype: m.subtype, date: coalesce(m.effective, m.announced, t.validFrom)}) AS sides
}
CALL (l) {
  OPTIONAL MATCH (a:Actor)-[s:ASSERTED]->(l)
  WITH a, s ORDER BY s.validFrom, a.id
  RETURN [x IN collect(CASE WHEN s IS NULL THEN null ELSE {actor: a.id, name: a.name, date: s.validFrom,
          quote: s.quote, confidence: s.confidence, sources: s.sources} END) WHERE x IS NOT NULL] AS assertions
}
CALL (l) {
  OPTIONAL MATCH (d:Actor)-[s:DISPUTED]->(l)
  WITH d, s ORDER BY s.validFrom, d.id
  RETURN [x IN collect(CASE WHEN s IS NULL THEN null ELSE {actor: d.id, name: d.name, date: s.validFrom,
          quote: s.quote, confidence: s.confidence, sources: s.sources} END) WHERE x IS NOT NULL] AS disputes
}
WITH l, sides, assertions, disputes,
     1.0 - reduce(p = 1.0, x IN assertions | p * (1.0 - x.confidence)) AS asserted
RETURN l.id AS id, l.name AS name, l.description AS description, sides, assertions, disputes,
       CASE WHEN size(sides) = 2 THEN abs(duration.inDays(sides[0].date, sides[1].date).days) END AS lagDays,
       round(reduce(s = asserted, x IN disputes | s * (1.0 - x.confidence / 2.0)), 3) AS strength,
       coalesce(l.sources, []) AS sources
ORDER BY strength DESC, id;
