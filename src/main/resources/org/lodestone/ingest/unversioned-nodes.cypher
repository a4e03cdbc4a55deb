// The live entities and sources stored before history was kept: those without any version.
MATCH (n)
WHERE (n:Entity OR n:Source) AND NOT EXISTS { MATCH (v:Version {element: n.id}) }
RETURN n.id AS id, labels(n) AS labels, properties(n) AS props
