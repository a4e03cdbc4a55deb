// The proposal whose id is $id, all its properties; InboxService reads it.
MATCH (p:Proposal {id: $id}) RETURN properties(p) AS p
