// The stored sources among $ids, with their properties, to compare a proposal's rows with.
MATCH (s:Source) WHERE s.id IN $ids
RETURN s.id AS key, properties(s) AS props
