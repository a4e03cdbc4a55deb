// The live relationships stored before history was kept: those without any version, by the relationship's stable id
// as RelationshipType.edgeId writes it ($periodTypes: the types keyed by period, from the enum).
MATCH (a)-[r]->(b)
WITH a, r, b, a.id + '|' + type(r) + '|' + b.id
     + CASE WHEN type(r) IN $periodTypes THEN '|' + toString(r.validFrom) ELSE '' END AS element
WHERE NOT EXISTS { MATCH (v:Version {element: element}) }
RETURN a.id AS from, type(r) AS type, b.id AS to, properties(r) AS props
