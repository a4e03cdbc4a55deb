// The next change number, taken first in every import's transaction: imports, from this application or any other
// sharing the database, record their changes one after another, so no two interleave their versions, and change
// numbers follow commits.
MERGE (log:ChangeLog {id: 'changelog'})
ON CREATE SET log.last = 0
SET log.last = log.last + 1
RETURN log.last AS seq
