// Every entity, in id order (an index read, no sort): the whole-graph export's second part.
MATCH (n:Entity) WHERE n.id IS NOT NULL
RETURN properties(n) AS props, labels(n) AS labels ORDER BY n.id
