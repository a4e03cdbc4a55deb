// Whether the engine has Graph Data Science: Centrality runs PageRank with it, else its own ranking.
SHOW PROCEDURES YIELD name WHERE name = 'gds.degree.stream'
RETURN count(*) AS n
