// The timeline of one entity: every dated relationship touching it, oldest first, with the other side, the dates it
// held, the confidence and the sources.
// Parameters: id (an entity id). In Browser, run this first:
// :param id => 'product:nvidia-h20';
MATCH (e:Entity {id: $id})-[r]-(other:Entity)
RETURN r.validFrom AS date, type(r) AS relationship, startNode(r).name AS from, endNode(r).name AS to,
       r.validTo AS until, r.confidence AS confidence, r.quote AS quote, r.sources AS sources
ORDER BY date, relationship;
