// Makes Neo4j replan its cached queries within $seconds, after an import reshaped the graph.
CALL db.prepareForReplanning($seconds)
