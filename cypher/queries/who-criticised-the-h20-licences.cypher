// Who criticised or disputed a measure, such as the 2025 H20 export licences, when, in which words, and in what role?
// Parameters: measure (a Policy id). In Browser, run this first:
// :param measure => 'policy:us-h20-export-licences';
MATCH (critic:Actor)-[c:CRITICIZED|DISPUTED]->(m:Policy {id: $measure})
OPTIONAL MATCH (critic)-[:HOLDS_OFFICE|MEMBER_OF]->(body:Actor)
RETURN critic.name AS critic, critic.subtype AS type, collect(DISTINCT body.name) AS roles,
       type(c) AS stance, c.validFrom AS date, c.quote AS quote, c.confidence AS confidence, c.sources AS sources
ORDER BY date, critic;
