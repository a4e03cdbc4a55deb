package org.lodestone.path;

/**
 * Which paths a path query returns.
 */
public enum PathMode {

	/** The paths of the fewest hops. */
	SHORTEST("shortest"),
	/** The best {@code k} of the {@code 10 k} shortest paths (ties in length broken by the ranking). */
	K_SHORTEST("k-shortest"),
	/** Simple paths (no node twice) up to the maximum depth, the 2,000 shortest when there are more. */
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
