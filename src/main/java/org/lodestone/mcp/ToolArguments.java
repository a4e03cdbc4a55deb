package org.lodestone.mcp;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.lodestone.request.InvalidRequestException;
import org.lodestone.request.RequestValues;

/**
 * A tool call's arguments, read and bounded before any reaches a service: an assistant composes them, so they are
 * as untrusted as a query string. Names the schema does not declare are refused rather than ignored, so a misspelt
 * option is reported instead of silently widening the answer.
 */
final class ToolArguments {

	/** The longest free text any argument but a Cypher query may carry (a name, an id, a description). */
	static final int MAX_TEXT = 200;

	/** The most items in a list argument. */
	static final int MAX_ITEMS = 50;

	private final Map<String, Object> values;

	ToolArguments(Map<String, Object> values, Set<String> declared) {
		this.values = (values != null) ? values : Map.of();
		for (String name : this.values.keySet()) {
			if (!declared.contains(name)) {
				throw new InvalidRequestException(name, "unknown argument '" + abbreviate(name) + "'; this tool takes "
						+ (declared.isEmpty() ? "no arguments" : String.join(", ", declared.stream().sorted().toList())));
			}
		}
	}

	/**
	 * @return the text, stripped, or {@code null} when absent or blank
	 */
	String text(String name, int maxLength) {
		Object value = this.values.get(name);
		if (value == null) {
			return null;
		}
		if (!(value instanceof String text)) {
			throw new InvalidRequestException(name, name + " must be a string");
		}
		if (text.length() > maxLength) {
			throw new InvalidRequestException(name,
					name + " may have at most " + maxLength + " characters, got " + text.length());
		}
		return text.isBlank() ? null : text.strip();
	}

	String text(String name) {
		return text(name, MAX_TEXT);
	}

	/**
	 * @return the text exactly as sent, not stripped (a document whose quotes are located in it)
	 * @throws InvalidRequestException when absent or blank
	 */
	String requiredVerbatim(String name, int maxLength) {
		requiredText(name, maxLength);
		return (String) this.values.get(name);
	}

	String requiredText(String name) {
		return requiredText(name, MAX_TEXT);
	}

	String requiredText(String name, int maxLength) {
		String text = text(name, maxLength);
		if (text == null) {
			throw new InvalidRequestException(name, name + " is required");
		}
		return text;
	}

	/**
	 * @return the whole number, or {@code fallback} when absent
	 */
	int integer(String name, int min, int max, int fallback) {
		Object value = this.values.get(name);
		if (value == null) {
			return fallback;
		}
		if (!(value instanceof Number number) || number.doubleValue() != Math.rint(number.doubleValue())) {
			throw new InvalidRequestException(name, name + " must be a whole number");
		}
		double n = number.doubleValue();
		if (n < min || n > max) {
			throw new InvalidRequestException(name, name + " must be between " + min + " and " + max + ", got "
					+ number);
		}
		return (int) n;
	}

	/**
	 * @return the number as text for the services' own parsing, or {@code null} when absent
	 */
	String fraction(String name) {
		Object value = this.values.get(name);
		if (value == null) {
			return null;
		}
		if (!(value instanceof Number number)) {
			throw new InvalidRequestException(name, name + " must be a number between 0 and 1");
		}
		return number.toString();
	}

	/**
	 * @return the date (YYYY-MM-DD), or {@code null} when absent
	 */
	LocalDate date(String name) {
		return RequestValues.date(name, text(name, 10));
	}

	/**
	 * @return the strings, each stripped and non-blank; empty when absent
	 */
	List<String> strings(String name, int maxItems) {
		Object value = this.values.get(name);
		if (value == null) {
			return List.of();
		}
		if (!(value instanceof List<?> list)) {
			throw new InvalidRequestException(name, name + " must be a list of strings");
		}
		if (list.size() > maxItems) {
			throw new InvalidRequestException(name, name + " may have at most " + maxItems + " items, got "
					+ list.size());
		}
		List<String> strings = new ArrayList<>();
		for (Object item : list) {
			if (!(item instanceof String text) || text.isBlank()) {
				throw new InvalidRequestException(name, name + " must hold non-blank strings");
			}
			if (text.length() > MAX_TEXT) {
				throw new InvalidRequestException(name, "each of " + name + " may have at most " + MAX_TEXT
						+ " characters");
			}
			strings.add(text.strip());
		}
		return strings;
	}

	/**
	 * @return the strings joined with commas, as the REST API's list parameters take them, or {@code null}
	 */
	String commaList(String name) {
		List<String> strings = strings(name, MAX_ITEMS);
		return strings.isEmpty() ? null : String.join(",", strings);
	}

	/**
	 * @return the object argument, or an empty map when absent
	 */
	@SuppressWarnings("unchecked")
	Map<String, Object> object(String name, int maxEntries) {
		Object value = this.values.get(name);
		if (value == null) {
			return Map.of();
		}
		if (!(value instanceof Map<?, ?> map)) {
			throw new InvalidRequestException(name, name + " must be an object");
		}
		if (map.size() > maxEntries) {
			throw new InvalidRequestException(name, name + " may have at most " + maxEntries + " entries, got "
					+ map.size());
		}
		return (Map<String, Object>) map;
	}

	/**
	 * @param lists the names of the row lists the object may hold
	 * @return each named list's rows, each row its cells as text; absent lists are empty
	 */
	Map<String, List<Map<String, String>>> rows(String name, Set<String> lists, int maxRows, int maxCell) {
		Map<String, Object> object = object(name, lists.size());
		Map<String, List<Map<String, String>>> rows = new java.util.LinkedHashMap<>();
		for (Map.Entry<String, Object> list : object.entrySet()) {
			String where = name + "." + list.getKey();
			if (!lists.contains(list.getKey())) {
				throw new InvalidRequestException(where, "unknown list '" + abbreviate(list.getKey()) + "' in " + name
						+ "; it holds " + String.join(", ", lists.stream().sorted().toList()));
			}
			if (!(list.getValue() instanceof List<?> items)) {
				throw new InvalidRequestException(where, where + " must be a list of rows");
			}
			if (items.size() > maxRows) {
				throw new InvalidRequestException(where, where + " may have at most " + maxRows + " rows, got "
						+ items.size());
			}
			List<Map<String, String>> parsed = new ArrayList<>();
			for (int i = 0; i < items.size(); i++) {
				if (!(items.get(i) instanceof Map<?, ?> row)) {
					throw new InvalidRequestException(where + "[" + i + "]", where + "[" + i + "] must be an object");
				}
				Map<String, String> cells = new java.util.LinkedHashMap<>();
				for (Map.Entry<?, ?> cell : row.entrySet()) {
					if (!(cell.getValue() instanceof String text) || text.length() > maxCell) {
						throw new InvalidRequestException(where + "[" + i + "]", "each cell of " + where
								+ " is a string of at most " + maxCell + " characters, as in the CSV file");
					}
					cells.put(String.valueOf(cell.getKey()), text);
				}
				parsed.add(cells);
			}
			rows.put(list.getKey(), parsed);
		}
		return rows;
	}

	private static String abbreviate(String text) {
		return (text.length() > 40) ? text.substring(0, 40) + "…" : text;
	}

}
