package org.lodestone.graph;

/**
 * The broad kind of a node. Each is also a Neo4j label.
 */
public enum Kind {

	/** States, agencies, companies, people, legislatures and blocs. */
	ACTOR("Actor"),
	/** Chips, software, components and end uses. */
	PRODUCT("Product"),
	/** Elements and processed materials. */
	MINERAL("Mineral"),
	/** Measures: export controls, licences, bans, deals, concessions, tariffs, investments. */
	POLICY("Policy"),
	/** A stated tie between two measures, one side's concession for the other's: a quid pro quo made explicit. */
	LINKAGE("Linkage"),
	/** A publication that reports facts. */
	SOURCE("Source");

	private final String label;

	Kind(String label) {
		this.label = label;
	}

	/**
	 * @return the Neo4j label, also the name used in data files and the API
	 */
	public String label() {
		return this.label;
	}

	/**
	 * @param label a kind's label, case-insensitive
	 * @return the kind, or {@code null} when none has that label
	 */
	public static Kind fromLabel(String label) {
		for (Kind kind : values()) {
			if (kind.label.equalsIgnoreCase(label)) {
				return kind;
			}
		}
		return null;
	}

}
