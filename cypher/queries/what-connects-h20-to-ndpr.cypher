// What connects H20 to NdPr? The shortest chains of relationships between two entities, each hop with its dates,
// confidence, quote and sources. Returns the paths (Browser draws them) and a readable table of hops.
// Parameters: from, to (entity ids). In Browser, run these first:
// :param from => 'product:nvidia-h20';
// :param to => 'mineral:ndpr';
MATCH (a:Entity {id: $from}), (b:Entity {id: $to})
MATCH p = allShortestPaths((a)-[*..6]-(b))
RETURN p,
       [n IN nodes(p) | n.name] AS chain,
       [r IN relationships(p) | {
         hop: startNode(r).name + ' ' + type(r) + ' ' + endNode(r).name,
         validFrom: r.validFrom, validTo: r.validTo, confidence: r.confidence,
         quote: r.quote, sources: r.sources}] AS hops
ORDER BY reduce(low = 1.0, r IN relationships(p) | CASE WHEN r.confidence < low THEN r.confidence ELSE low END) DESC
LIMIT 10;
