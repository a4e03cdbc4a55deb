// The validFrom of every relationship of type $type from $from to $to (SUPPLIES holds one per period). The type is
// compared as a value, not spliced into the pattern.
MATCH (a:Entity {id: $from})-[r]->(b:Entity {id: $to})
WHERE type(r) = $type
RETURN toString(r.validFrom) AS validFrom
ORDER BY validFrom
