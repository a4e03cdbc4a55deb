// Drops the projection $graph from Graph Data Science's catalog, if it is there.
CALL gds.graph.drop($graph, false) YIELD graphName RETURN graphName
