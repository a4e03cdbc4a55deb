// The entities among $ids that the graph holds: an explicit retraction of any other is an error.
MATCH (n:Entity) WHERE n.id IN $ids RETURN n.id AS id
