// How many nodes and relationships the graph stores, from Neo4j's count store, not a scan: the importer compares
// what an import created with it to decide whether Neo4j should replan.
CALL () { MATCH (n) RETURN count(n) AS nodes }
CALL () { MATCH ()-[r]->() RETURN count(r) AS relationships }
RETURN nodes + relationships AS stored
