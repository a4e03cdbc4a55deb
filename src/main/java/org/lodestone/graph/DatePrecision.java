package org.lodestone.graph;

import java.util.Locale;

/**
 * How precisely a relationship's {@code validFrom} is known. A source that gives only a month is written as the
 * first of that month with {@link #MONTH}, so sentences can say "from July 2023" instead of a day nobody reported.
 */
public enum DatePrecision {

	DAY, MONTH, YEAR;

	/** @return the value as written in data files and stored on relationships: {@code day}, {@code month}, {@code year} */
	public String value() {
		return name().toLowerCase(Locale.ROOT);
	}

	/**
	 * @param value a value as written in a data file, case-insensitive
	 * @return the precision, or {@code null} when the value names none
	 */
	public static DatePrecision fromValue(String value) {
		for (DatePrecision precision : values()) {
			if (precision.value().equalsIgnoreCase(value)) {
				return precision;
			}
		}
		return null;
	}

}
