// Node and relationship counts for /api/info, from the count store, so they cost the same on any graph. Nodes are
// the current graph's entities and sources, not the recorded history's :Version and :Change nodes beside it.
CALL () { MATCH (n:Entity) RETURN count(n) AS entities }
CALL () { MATCH (s:Source) RETURN count(s) AS sources }
WITH entities + sources AS nodes
CALL () { MATCH ()-[r]->() RETURN count(r) AS relationships }
RETURN nodes, relationships
