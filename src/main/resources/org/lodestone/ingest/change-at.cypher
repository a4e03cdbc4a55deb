// Which recorded graph answers for $knownAt: the last change committed at or before it (none when $knownAt is before
// the first), and the latest change, after which the graph is the live one.
CALL () {
  OPTIONAL MATCH (c:Change)
  WHERE c.at <= $knownAt
  RETURN c.seq AS seq, c.at AS at
  ORDER BY c.at DESC, c.seq DESC
  LIMIT 1
}
CALL () {
  MATCH (l:Change)
  RETURN max(l.seq) AS latest, min(l.at) AS first
}
RETURN seq, at, latest, first
