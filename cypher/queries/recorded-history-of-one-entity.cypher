// The recorded history of one entity: every version the graph has held of it and of the relationships touching it,
// oldest first, with when the graph began and stopped saying it (recordedAt, supersededAt), whether it was then
// corrected or retracted, and who changed it and why. Versions are :Version nodes beside the current graph, linked to
// nothing. The first start records the data it loads as change:1 (by first-start); an element stored before history
// was kept has no version yet and shows its current word without a recordedAt. The API's knownAt=<instant> answers
// every read from the graph as these versions say it stood then.
// Parameters: id (an entity id). In Browser, run this first:
// :param id => 'product:nvidia-h20';
CALL () {
  MATCH (v:Version) WHERE v.element = $id OR v.from = $id OR v.to = $id
  RETURN v.element AS element, v.recordedAt AS recordedAt, v.supersededAt AS supersededAt, v.endedBy AS endedBy,
         v.changeId AS recordedBy, v.supersededBy AS supersededBy,
         v {.name, .validFrom, .validTo, .confidence, .quote, .sources} AS said
  UNION ALL
  MATCH (e:Entity {id: $id}) WHERE NOT EXISTS { MATCH (v:Version {element: $id}) WHERE v.supersededAt IS NULL }
  RETURN e.id AS element, null AS recordedAt, null AS supersededAt, null AS endedBy, null AS recordedBy,
         null AS supersededBy, e {.name, .description, .sources} AS said
  UNION ALL
  MATCH (e:Entity {id: $id})-[r]-(:Entity)
  // A relationship's id, as the API writes it: SUPPLIES is recorded once per period, so its validFrom is part of it.
  WITH r, startNode(r).id + '|' + type(r) + '|' + endNode(r).id
          + CASE type(r) WHEN 'SUPPLIES' THEN '|' + toString(r.validFrom) ELSE '' END AS element
  WHERE NOT EXISTS { MATCH (v:Version {element: element}) WHERE v.supersededAt IS NULL }
  RETURN element, null AS recordedAt, null AS supersededAt, null AS endedBy, null AS recordedBy, null AS supersededBy,
         r {.validFrom, .validTo, .confidence, .quote, .sources} AS said
}
OPTIONAL MATCH (ended:Change {id: supersededBy})
RETURN element, recordedAt, supersededAt, endedBy, ended.by AS changedBy, ended.reason AS why, said
ORDER BY element, recordedAt IS NOT NULL, recordedAt;
