// The live graph's entities and sources, for the elements among them stored before history was kept.
MATCH (n)
WHERE n:Entity OR n:Source
RETURN n.id AS id, labels(n) AS labels, properties(n) AS props
