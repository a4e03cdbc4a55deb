// Every element that has a version, once each.
MATCH (v:Version)
RETURN DISTINCT v.element AS element
