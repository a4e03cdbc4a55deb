// The sources among $ids: references in a dataset to sources already in the graph resolve.
MATCH (s:Source) WHERE s.id IN $ids RETURN s.id AS id
