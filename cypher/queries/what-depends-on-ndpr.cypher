// What depends on a mineral such as NdPr? Follows USED_IN from the mineral through components to end uses, nearest
// first, and shows who supplies the mineral with what share.
// Parameters: mineral (a Mineral id). In Browser, run this first:
// :param mineral => 'mineral:ndpr';
MATCH p = (m:Mineral {id: $mineral})-[:USED_IN*1..4]->(user:Entity)
WITH m, user, min(length(p)) AS steps
OPTIONAL MATCH (supplier:Actor)-[s:SUPPLIES]->(m)
RETURN user.name AS dependent, user.subtype AS type, steps,
       collect(DISTINCT supplier.name + coalesce(' (' + toString(round(s.share * 100)) + '%)', '')) AS mineralSuppliers
ORDER BY steps, dependent;
