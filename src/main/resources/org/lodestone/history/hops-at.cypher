// For each relationship id in $ids (the hops of a path answer at $knownAt): the version current at $knownAt, whether
// the relationship has any version, whether one was recorded after $knownAt (corrected since), and whether one is
// open now (not retracted since). Ids without any version were stored before history was kept: unchanged.
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
       EXISTS { MATCH (v:Version {element: hop}) WHERE v.recordedAt > $knownAt } AS correctedSince,
       EXISTS { MATCH (v:Version {element: hop}) WHERE v.supersededAt IS NULL } AS openNow
