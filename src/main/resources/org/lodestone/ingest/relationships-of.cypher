// Every relationship touching the entities $ids, so each is retracted with its own version first.
MATCH (n:Entity)-[r]-(:Entity) WHERE n.id IN $ids
RETURN DISTINCT startNode(r).id AS from, type(r) AS type, endNode(r).id AS to, r.validFrom AS validFrom
