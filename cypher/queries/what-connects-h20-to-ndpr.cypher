// What connects H20 to NdPr? The shortest chains of relationships between two entities, and the next-shortest ones
// (SHORTEST 2 GROUPS), each hop with its dates, confidence, quote and sources. Among them is the chain through the
// export licences and the London "trade deal with the magnets" (LICENSED_FOR, CONCESSION_FOR) that cites Lutnick.
// Returns the paths (Browser draws them) and a readable table of hops, weakest link and newest evidence first.
// Parameters: from, to (entity ids). In Browser, run these first:
// :param from => 'product:nvidia-h20';
// :param to => 'mineral:ndpr';
MATCH (a:Entity {id: $from}), (b:Entity {id: $to})
MATCH p = SHORTEST 2 GROUPS (a)-[]-{1,6}(b)
WITH p, reduce(low = 1.0, r IN relationships(p) | CASE WHEN r.confidence < low THEN r.confidence ELSE low END) AS weakest
RETURN p,
       [n IN nodes(p) | n.name] AS chain,
       weakest,
       [r IN relationships(p) | {
         hop: startNode(r).name + ' ' + type(r) + ' ' + endNode(r).name,
         validFrom: r.validFrom, validTo: r.validTo, confidence: r.confidence,
         quote: r.quote, sources: r.sources}] AS hops
ORDER BY length(p), weakest DESC, [n IN nodes(p) | n.id]
LIMIT 25;
