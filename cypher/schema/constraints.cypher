// Lodestone's schema: unique stable ids, full-text search over names and aliases, and lookups by name and by the
// identifiers other datasets give entities.
// Applied at every start with IF NOT EXISTS, so running it again changes nothing.
CREATE CONSTRAINT entity_id IF NOT EXISTS FOR (n:Entity) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT source_id IF NOT EXISTS FOR (s:Source) REQUIRE s.id IS UNIQUE;
CREATE FULLTEXT INDEX entity_search IF NOT EXISTS FOR (n:Entity) ON EACH [n.name, n.aliasText];
CREATE INDEX entity_name IF NOT EXISTS FOR (n:Entity) ON (n.name);
CREATE INDEX entity_kind IF NOT EXISTS FOR (n:Entity) ON (n.kind);
// Recorded history (docs/architecture.md): versions beside the current graph, found by the element they are a version
// of, by a relationship's ends, and by when they were recorded or superseded; changes by id and time.
CREATE CONSTRAINT change_id IF NOT EXISTS FOR (c:Change) REQUIRE c.id IS UNIQUE;
CREATE CONSTRAINT change_log_id IF NOT EXISTS FOR (l:ChangeLog) REQUIRE l.id IS UNIQUE;
CREATE INDEX change_at IF NOT EXISTS FOR (c:Change) ON (c.at);
CREATE INDEX version_element IF NOT EXISTS FOR (v:Version) ON (v.element);
CREATE INDEX version_from IF NOT EXISTS FOR (v:Version) ON (v.from);
CREATE INDEX version_to IF NOT EXISTS FOR (v:Version) ON (v.to);
CREATE INDEX version_recorded_at IF NOT EXISTS FOR (v:Version) ON (v.recordedAt);
CREATE INDEX version_superseded_at IF NOT EXISTS FOR (v:Version) ON (v.supersededAt);
CREATE INDEX entity_wikidata IF NOT EXISTS FOR (n:Entity) ON (n.wikidata);
CREATE INDEX entity_lei IF NOT EXISTS FOR (n:Entity) ON (n.lei);
CREATE INDEX entity_uscc IF NOT EXISTS FOR (n:Entity) ON (n.uscc);
CREATE INDEX entity_opensanctions IF NOT EXISTS FOR (n:Entity) ON (n.opensanctions);
