// The stored entities among $ids, with their properties, to compare a proposal's rows with.
MATCH (n:Entity) WHERE n.id IN $ids
RETURN n.id AS key, properties(n) AS props
