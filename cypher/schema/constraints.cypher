// Lodestone's schema: unique stable ids, full-text search over names and aliases, and lookups by name and by the
// identifiers other datasets give entities.
// Applied at every start with IF NOT EXISTS, so running it again changes nothing.
CREATE CONSTRAINT entity_id IF NOT EXISTS FOR (n:Entity) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT source_id IF NOT EXISTS FOR (s:Source) REQUIRE s.id IS UNIQUE;
CREATE FULLTEXT INDEX entity_search IF NOT EXISTS FOR (n:Entity) ON EACH [n.name, n.aliasText];
CREATE INDEX entity_name IF NOT EXISTS FOR (n:Entity) ON (n.name);
CREATE INDEX entity_kind IF NOT EXISTS FOR (n:Entity) ON (n.kind);
CREATE INDEX entity_wikidata IF NOT EXISTS FOR (n:Entity) ON (n.wikidata);
CREATE INDEX entity_lei IF NOT EXISTS FOR (n:Entity) ON (n.lei);
CREATE INDEX entity_uscc IF NOT EXISTS FOR (n:Entity) ON (n.uscc);
CREATE INDEX entity_opensanctions IF NOT EXISTS FOR (n:Entity) ON (n.opensanctions);
