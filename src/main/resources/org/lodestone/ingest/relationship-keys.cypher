// Every relationship's key (ends, type, validFrom): a full snapshot retracts those the dataset does not hold.
MATCH (a:Entity)-[r]->(b:Entity)
RETURN a.id AS from, type(r) AS type, b.id AS to, r.validFrom AS validFrom
