package org.lodestone.path;

/**
 * Which paths a path query returns.
 */
public enum PathMode {

	/** The paths of the fewest hops. */
	SHORTEST("shortest"),
	/** The best {@code k} of the {@code 10 k} shortest paths (ties in length broken by the ranking). */
	K_SHORTEST("k-shortest"),
	/** Every simple path (no node twice) up to the maximum depth. */
	ALL("all");

	private final String value;

	PathMode(String value) {
		this.value = value;
	}

	/**
	 * @return the name used in the API
	 */
	public String value() {
		return this.value;
	}

	static PathMode fromValue(String value) {
		for (PathMode mode : values()) {
			if (mode.value.equalsIgnoreCase(value)) {
				return mode;
			}
		}
		return null;
	}

}
