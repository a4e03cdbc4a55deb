// Every entity id: a full snapshot retracts what the graph holds and the dataset does not, compared in Java.
MATCH (n:Entity) RETURN n.id AS id
