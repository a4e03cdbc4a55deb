// Every source, in id order (an index read, no sort): the whole-graph export's first part.
MATCH (s:Source) WHERE s.id IS NOT NULL
RETURN properties(s) AS props, labels(s) AS labels ORDER BY s.id
