// The measures timeline: every measure with its lifecycle dates, who issued it and the state or bloc they belong to,
// what it restricts, covers, licenses or targets and who is party to it, when other measures suspended or reversed
// it, when its last dated relationship ended (its expiry, when every one of them has ended), and its ties to other
// measures (AMENDS, REVERSES, SUSPENDS, CONCESSION_FOR, and linkages). Oldest first.
// An issuer's group is the nearest State (else Bloc) it is a MEMBER_OF or HOLDS_OFFICE in, up to three steps,
// and the issuer itself when the graph records none.
// Parameters: none.
MATCH (m:Policy)
CALL (m) {
  OPTIONAL MATCH (i:Actor)-[:ISSUED]->(m)
  CALL (i) {
    OPTIONAL MATCH p = (i)-[:MEMBER_OF|HOLDS_OFFICE*0..3]->(g:Actor)
    WHERE g:State OR g:Bloc
    WITH g, p ORDER BY length(p), CASE WHEN g:State THEN 0 ELSE 1 END, g.id
    RETURN head(collect(g {.id, .name, .subtype})) AS grp
  }
  WITH i, grp ORDER BY i.id
  RETURN [x IN collect(CASE WHEN i IS NULL THEN null ELSE
          {id: i.id, name: i.name, subtype: i.subtype, group: coalesce(grp, i {.id, .name, .subtype})} END)
          WHERE x IS NOT NULL] AS issuers
}
WITH m, issuers,
     COLLECT { MATCH (m)-[r:RESTRICTS|COVERS|LICENSED_FOR|TARGETS]->(s:Entity)
               WITH s, r ORDER BY s.id, type(r)
               RETURN {id: s.id, name: s.name, kind: s.kind, role: type(r)} }
     + COLLECT { MATCH (a:Actor)-[r:PARTY_TO]->(m)
                 WITH a ORDER BY a.id
                 RETURN {id: a.id, name: a.name, kind: a.kind, role: 'PARTY_TO'} } AS subjects,
     COLLECT { MATCH (m)-[r:AMENDS|REVERSES|SUSPENDS|CONCESSION_FOR]->(o:Policy)
               WITH o, r ORDER BY r.validFrom, o.id
               RETURN {type: type(r), to: o.id, name: o.name, validFrom: r.validFrom, validTo: r.validTo} }
     + COLLECT { MATCH (m)<-[:TIES]-(l:Linkage)-[:TIES]->(o:Policy) WHERE o <> m
                 WITH l, o ORDER BY l.id, o.id
                 RETURN {type: 'LINKAGE', to: o.id, name: o.name, linkage: l.id, linkageName: l.name} } AS links,
     COLLECT { MATCH (o:Policy)-[r:SUSPENDS]->(m)
               WITH o, r ORDER BY r.validFrom, o.id
               RETURN {by: o.id, name: o.name, validFrom: r.validFrom,
                       validTo: coalesce(r.validTo, CASE WHEN m.suspendedUntil >= r.validFrom THEN m.suspendedUntil END)} } AS suspensions,
     COLLECT { MATCH (o:Policy)-[r:REVERSES]->(m) RETURN r.validFrom ORDER BY r.validFrom LIMIT 1 } AS reversed,
     COLLECT { MATCH (m)-[r]->(:Entity) RETURN r.validTo } AS ends,
     COLLECT { MATCH (m)-[r]-(:Entity) RETURN r.validFrom ORDER BY r.validFrom LIMIT 1 } AS first
RETURN m.id AS id, m.name AS name, m.subtype AS subtype, m.announced AS announced, m.effective AS effective,
       m.suspendedUntil AS suspendedUntil, m.rescinded AS rescinded, head(reversed) AS reversed,
       CASE WHEN size(ends) > 0 AND none(d IN ends WHERE d IS NULL) THEN reduce(e = ends[0], d IN ends | CASE WHEN d > e THEN d ELSE e END) END AS expiry,
       head(first) AS firstRecorded, issuers, subjects, links, suspensions
ORDER BY coalesce(m.announced, m.effective, head(first)), m.id;
