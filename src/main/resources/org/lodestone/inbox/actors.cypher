// Every state and company with the names a document may call it by.
MATCH (n:Actor) WHERE n.subtype IN ['State', 'Company']
RETURN n.id AS id, n.name AS name, [n.name] + coalesce(n.aliases, []) AS names
ORDER BY n.id
