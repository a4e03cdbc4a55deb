package org.lodestone.export;

/**
 * How a stored property's values are typed, so each format can declare it: text, a number, a date, or a list of text.
 */
enum ValueType {

	STRING, DOUBLE, DATE, STRING_LIST

}
