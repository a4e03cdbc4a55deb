package org.lodestone.graph;

import java.util.Locale;

/**
 * What a relationship's {@code validFrom} means. {@link #START}: the link began that day. {@link #REPORTED}: the
 * start is unknown and the date is when a source reported the link holding, so the link held at least since then.
 * Sentences say "by 2025-11-09 (reported)" for the second, never inventing a start.
 */
public enum DateBasis {

	START, REPORTED;

	/** @return the value as written in data files and stored on relationships: {@code start}, {@code reported} */
	public String value() {
		return name().toLowerCase(Locale.ROOT);
	}

	/**
	 * @param value a value as written in a data file, case-insensitive
	 * @return the basis, or {@code null} when the value names none
	 */
	public static DateBasis fromValue(String value) {
		for (DateBasis basis : values()) {
			if (basis.value().equalsIgnoreCase(value)) {
				return basis;
			}
		}
		return null;
	}

}
