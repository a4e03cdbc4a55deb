package org.lodestone.request;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.lodestone.graph.RelationshipType;

/**
 * Parses request parameters into typed values, failing with an {@link InvalidRequestException} that names the
 * parameter and what it accepts.
 */
public final class RequestValues {

	private RequestValues() {
	}

	/**
	 * @param name the parameter's name
	 * @param value its text
	 * @return the integer
	 */
	public static int integer(String name, String value) {
		try {
			return Integer.parseInt(value.strip());
		}
		catch (NumberFormatException ex) {
			throw new InvalidRequestException(name, name + " must be a whole number, got '" + value + "'");
		}
	}

	/**
	 * @param name the parameter's name
	 * @param value its text, or {@code null}
	 * @return the number, or {@code null} when absent
	 */
	public static Double fraction(String name, String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			double number = Double.parseDouble(value.strip());
			if (!(number >= 0 && number <= 1)) {
				throw new InvalidRequestException(name, name + " must be between 0 and 1, got " + value);
			}
			return number;
		}
		catch (NumberFormatException ex) {
			throw new InvalidRequestException(name, name + " must be a number between 0 and 1, got '" + value + "'");
		}
	}

	/**
	 * @param name the parameter's name
	 * @param value its text, or {@code null}
	 * @return the date, or {@code null} when absent
	 */
	public static LocalDate date(String name, String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return LocalDate.parse(value.strip());
		}
		catch (DateTimeParseException ex) {
			throw new InvalidRequestException(name, name + " must be a date as YYYY-MM-DD, got '" + value + "'");
		}
	}

	/**
	 * An instant as an analyst writes it: {@code 2026-03-01T12:00:00Z}, with an offset, or a date alone, which means
	 * the start of that day in UTC.
	 * @param name the parameter's name
	 * @param value its text, or {@code null}
	 * @return the instant, or {@code null} when absent
	 */
	public static java.time.Instant instant(String name, String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		String text = value.strip();
		try {
			if (text.length() == 10) {
				return LocalDate.parse(text).atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
			}
			return java.time.OffsetDateTime.parse(text).toInstant();
		}
		catch (DateTimeParseException ex) {
			throw new InvalidRequestException(name, name
					+ " must be an instant as YYYY-MM-DDTHH:MM:SSZ (or with an offset), or a date as YYYY-MM-DD, got '"
					+ value + "'");
		}
	}

	/**
	 * @param name the parameter's name
	 * @param value comma-separated relationship types, or {@code null}
	 * @return the types, empty when absent
	 */
	public static List<RelationshipType> types(String name, String value) {
		List<RelationshipType> types = new ArrayList<>();
		if (value == null || value.isBlank()) {
			return types;
		}
		for (String part : value.split(",")) {
			if (part.isBlank()) {
				continue;
			}
			RelationshipType type = RelationshipType.fromName(part.strip());
			if (type == null) {
				throw new InvalidRequestException(name, "unknown relationship type '" + part.strip() + "' in " + name
						+ "; known types: " + String.join(", ",
								Arrays.stream(RelationshipType.values()).map(Enum::name).toList()));
			}
			if (!types.contains(type)) {
				types.add(type);
			}
		}
		return types;
	}

}
