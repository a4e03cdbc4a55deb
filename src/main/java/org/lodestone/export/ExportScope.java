package org.lodestone.export;

import org.lodestone.request.InvalidRequestException;

/**
 * What part of the graph an export holds.
 */
public enum ExportScope {

	/** Every entity, source and relationship. */
	GRAPH("graph"),
	/** The entities and relationships of the paths a path query finds, with the sources they cite. */
	PATH("path"),
	/** An entity's neighbourhood, with the sources it cites. */
	NEIGHBORHOOD("neighborhood");

	private final String value;

	ExportScope(String value) {
		this.value = value;
	}

	/**
	 * @return the name used in the API and on the command line
	 */
	public String value() {
		return this.value;
	}

	/**
	 * @param value a scope's name, case-insensitive; {@code neighbourhood} is accepted too
	 * @return the scope, {@link #GRAPH} when blank
	 * @throws InvalidRequestException naming {@code scope} when there is no such scope
	 */
	public static ExportScope of(String value) {
		if (value == null || value.isBlank()) {
			return GRAPH;
		}
		String name = value.strip().equalsIgnoreCase("neighbourhood") ? "neighborhood" : value.strip();
		for (ExportScope scope : values()) {
			if (scope.value.equalsIgnoreCase(name)) {
				return scope;
			}
		}
		throw new InvalidRequestException("scope",
				"scope must be graph, path or neighborhood, got '" + value + "'");
	}

}
