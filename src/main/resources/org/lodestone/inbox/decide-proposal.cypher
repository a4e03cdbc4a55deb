// Decides the pending proposal $id: $status, $decidedBy, $decidedAt, $reason, the recorded $change of an accept
// (null when it changed nothing), and optionally edited $rows,
// $rowCount, $quotes. Only a pending proposal is decided, so two reviewers racing cannot both decide it.
MATCH (p:Proposal {id: $id}) WHERE p.status = 'pending'
SET p.status = $status, p.decidedBy = $decidedBy, p.decidedAt = $decidedAt, p.reason = $reason, p.change = $change,
    p.rows = coalesce($rows, p.rows), p.rowCount = coalesce($rowCount, p.rowCount),
    p.quotes = coalesce($quotes, p.quotes)
RETURN count(p) AS decided
