// The uniqueness constraint on :Proposal ids, applied on start; also the index proposals are found by.
CREATE CONSTRAINT proposal_id IF NOT EXISTS FOR (p:Proposal) REQUIRE p.id IS UNIQUE
