// Whether the graph holds any entity: the first start loads the bundled dataset only into an empty graph.
MATCH (n:Entity) RETURN count(n) AS n
