// Every actor with its names and external identifiers, for matching another dataset's entities (the OpenSanctions
// connector).
MATCH (n:Actor)
RETURN n.id AS id, n.subtype = 'Person' AS person, [n.name] + coalesce(n.aliases, []) AS names,
       n.wikidata AS wikidata, n.lei AS lei, n.uscc AS uscc, n.opensanctions AS opensanctions
ORDER BY n.id
