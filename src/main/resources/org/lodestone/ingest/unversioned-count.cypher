// Whether the live graph holds elements stored before history was kept: every element written by an import or the
// first start has exactly one open version, so fewer open versions than elements means some have none.
CALL () { MATCH (n:Entity) RETURN count(n) AS entities }
CALL () { MATCH (s:Source) RETURN count(s) AS sources }
CALL () { MATCH ()-[r]->() RETURN count(r) AS relationships }
CALL () { MATCH (v:Version) WHERE v.supersededAt IS NULL RETURN count(v) AS open }
RETURN entities + sources + relationships - open AS unversioned
