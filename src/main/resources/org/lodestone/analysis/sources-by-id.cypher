// The stored sources among $ids, all their properties: the evidence an analysis cites.
MATCH (s:Source) WHERE s.id IN $ids RETURN properties(s) AS source
