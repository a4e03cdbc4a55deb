// Whether the graph holds a relationship of type $type from $from to $to. The type is compared as a value, not
// spliced into the pattern.
OPTIONAL MATCH (a:Entity {id: $from})-[r]->(b:Entity {id: $to})
WHERE type(r) = $type
RETURN count(r) > 0 AS held
