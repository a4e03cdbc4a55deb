// Proposals newest first, optionally only those with $status, at most $limit; InboxService.list reads it.
MATCH (p:Proposal)
WHERE $status IS NULL OR p.status = $status
RETURN p {.id, .status, .title, .connector, .documentUrl, .retrievedAt, .rowCount, .createdAt,
          .decidedBy} AS p
ORDER BY p.createdAt DESC, p.id
LIMIT $limit
