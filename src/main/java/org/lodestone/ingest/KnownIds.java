package org.lodestone.ingest;

import java.util.Map;
import java.util.Set;

import org.lodestone.graph.Subtype;

/**
 * Ids already in the graph, so a file can refer to entities and sources imported earlier instead of repeating them.
 */
public interface KnownIds {

	/** Knows no ids: the files must be complete on their own. */
	KnownIds NONE = new KnownIds() {
		@Override
		public Map<String, Subtype> entities(Set<String> ids) {
			return Map.of();
		}

		@Override
		public Set<String> sources(Set<String> ids) {
			return Set.of();
		}
	};

	/**
	 * @param ids entity ids the files refer to but do not define
	 * @return those that exist, with their subtypes
	 */
	Map<String, Subtype> entities(Set<String> ids);

	/**
	 * @param ids source ids the files cite but do not define
	 * @return those that exist
	 */
	Set<String> sources(Set<String> ids);

}
