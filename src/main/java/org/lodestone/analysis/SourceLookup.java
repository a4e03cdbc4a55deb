package org.lodestone.analysis;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.lodestone.graph.SourceReference;
import org.lodestone.neo4j.CypherResources;
import org.lodestone.neo4j.GraphReads;

import org.springframework.stereotype.Component;

/**
 * Turns cited source ids into full references in one query, so every analysis shows who said so.
 */
@Component
class SourceLookup {

	private static final String SOURCES_BY_ID = CypherResources.load(SourceLookup.class, "sources-by-id.cypher");

	private final GraphReads reads;

	SourceLookup(GraphReads reads) {
		this.reads = reads;
	}

	Map<String, SourceReference> resolve(Collection<String> ids) {
		Map<String, SourceReference> found = new HashMap<>();
		if (ids.isEmpty()) {
			return found;
		}
		this.reads.list(SOURCES_BY_ID,
				Map.of("ids", List.copyOf(ids)), "lodestone-sources").forEach(row -> {
					@SuppressWarnings("unchecked")
					SourceReference source = SourceReference.of((Map<String, Object>) row.get("source"));
					found.put(source.id(), source);
				});
		return found;
	}

	static List<SourceReference> pick(Map<String, SourceReference> sources, Object ids) {
		List<SourceReference> picked = new ArrayList<>();
		if (ids instanceof List<?> list) {
			list.forEach(id -> {
				SourceReference source = sources.get(String.valueOf(id));
				if (source != null) {
					picked.add(source);
				}
			});
		}
		return picked;
	}

	static void collectIds(Object ids, Collection<String> into) {
		if (ids instanceof List<?> list) {
			list.forEach(id -> into.add(String.valueOf(id)));
		}
	}

}
