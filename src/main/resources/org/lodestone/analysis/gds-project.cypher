// Projects every entity and relationship, undirected, into Graph Data Science's catalog as $graph, for PageRank.
CALL gds.graph.project($graph, 'Entity', {ALL: {type: '*', orientation: 'UNDIRECTED'}})
YIELD graphName
RETURN graphName
