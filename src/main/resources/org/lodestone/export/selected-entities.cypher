// The entities of a selection ($ids: a path or a neighbourhood), in id order.
UNWIND $ids AS id
MATCH (n:Entity {id: id})
RETURN properties(n) AS props, labels(n) AS labels
ORDER BY n.id
