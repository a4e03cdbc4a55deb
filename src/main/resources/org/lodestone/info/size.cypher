// Node and relationship counts for /api/info; both come from the count store, so they cost the same on any graph.
CALL () { MATCH (n) RETURN count(n) AS nodes }
CALL () { MATCH ()-[r]->() RETURN count(r) AS relationships }
RETURN nodes, relationships
