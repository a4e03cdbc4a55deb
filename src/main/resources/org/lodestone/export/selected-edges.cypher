// The relationships of a selection ($edges: maps of from, type and to), in the whole-graph export's order.
UNWIND $edges AS e
MATCH (a:Entity {id: e.from})-[r]->(b:Entity {id: e.to})
WHERE type(r) = e.type
RETURN a.id AS from, type(r) AS type, b.id AS to, properties(r) AS props
ORDER BY from, type, to, props.validFrom
