// The graph's word at $at, one version per element: recorded then or before (or before history was kept) and not
// superseded by then.
MATCH (v:Version)
WHERE (v.recordedAt IS NULL OR v.recordedAt <= $at) AND (v.supersededAt IS NULL OR v.supersededAt > $at)
RETURN properties(v) AS props
