// For each of $rows (key, from, type, to), the stored relationships it names. The type is compared as a value,
// not spliced into the pattern: the rows' text never becomes Cypher.
UNWIND $rows AS row
MATCH (a:Entity {id: row.from})-[r]->(b:Entity {id: row.to})
WHERE type(r) = row.type
RETURN row.key AS key, collect(properties(r)) AS props
