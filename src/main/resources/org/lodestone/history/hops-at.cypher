// For each relationship id in $ids: the version current at $knownAt (none when recorded later), and whether any
// version was recorded or ended after it. Ids without any version were stored before history was kept: unchanged.
UNWIND $ids AS hop
CALL (hop) {
  MATCH (v:Version {element: hop})
  WHERE (v.recordedAt IS NULL OR v.recordedAt <= $knownAt) AND (v.supersededAt IS NULL OR v.supersededAt > $knownAt)
  RETURN properties(v) AS props LIMIT 1
  UNION
  RETURN null AS props
}
WITH hop, collect(props) AS known
RETURN hop, known[0] AS props,
       EXISTS { MATCH (v:Version {element: hop}) } AS recorded,
       EXISTS { MATCH (v:Version {element: hop}) WHERE v.recordedAt > $knownAt } AS changedSince
