// Whether a linkage ties any of the measures $ids, or is one of them: the cheap check before the whole ledger is read.
RETURN EXISTS { MATCH (l:Linkage)-[:TIES]->(m:Policy) WHERE l.id IN $ids OR m.id IN $ids } AS touches
