// Stores $proposals (id, props), one MERGE each, so proposing the same thing twice stores it once; returns each
// id and whether it was created.
UNWIND $proposals AS proposal
MERGE (p:Proposal {id: proposal.id})
ON CREATE SET p += proposal.props, p.lodestone_inbox_new = true
WITH p, p.lodestone_inbox_new IS NOT NULL AS created
REMOVE p.lodestone_inbox_new
RETURN p.id AS id, created
