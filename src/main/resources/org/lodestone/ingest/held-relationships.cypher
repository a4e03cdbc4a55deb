// The keys of $rows (key, from, to, ends.type, validFrom) whose relationship the graph holds: an explicit retraction
// of any other is an error. The type is compared as a value: the file's text never becomes Cypher.
UNWIND $rows AS row
MATCH (:Entity {id: row.from})-[r]->(:Entity {id: row.to})
WHERE type(r) = row.ends.type AND (row.validFrom IS NULL OR r.validFrom = row.validFrom)
RETURN DISTINCT row.key AS key
