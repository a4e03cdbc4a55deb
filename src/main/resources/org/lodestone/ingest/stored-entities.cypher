// The entities among $ids with their subtypes: references in a dataset to entities already in the graph resolve.
MATCH (n:Entity) WHERE n.id IN $ids RETURN n.id AS id, n.subtype AS subtype
