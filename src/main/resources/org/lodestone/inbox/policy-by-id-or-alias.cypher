// The stored measure whose id is $id or that has one of $aliases, the first by id.
MATCH (n:Policy)
WHERE n.id = $id OR any(alias IN coalesce(n.aliases, []) WHERE alias IN $aliases)
RETURN n.id AS id ORDER BY n.id LIMIT 1
