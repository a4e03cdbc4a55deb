// Whether the graph holds the entity $id.
MATCH (n:Entity {id: $id}) RETURN count(n) > 0 AS held
