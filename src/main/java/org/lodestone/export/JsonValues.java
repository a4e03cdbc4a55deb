package org.lodestone.export;

import java.util.List;

import tools.jackson.core.JsonGenerator;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes stored values with Jackson's streaming generator: text, numbers, dates as ISO strings, lists as arrays.
 */
final class JsonValues {

	/** Leaves the caller's writer open when a generator closes, as the exporter contract requires. */
	static final JsonMapper MAPPER = JsonMapper.builder().disable(StreamWriteFeature.AUTO_CLOSE_TARGET).build();

	private JsonValues() {
	}

	static void write(JsonGenerator json, Object value) {
		if (value == null) {
			json.writeNull();
		}
		else if (value instanceof String text) {
			json.writeString(text);
		}
		else if (value instanceof Double || value instanceof Float) {
			json.writeNumber(((Number) value).doubleValue());
		}
		else if (value instanceof Number number) {
			json.writeNumber(number.longValue());
		}
		else if (value instanceof Boolean bool) {
			json.writeBoolean(bool);
		}
		else if (value instanceof List<?> list) {
			json.writeStartArray();
			for (Object item : list) {
				write(json, item);
			}
			json.writeEndArray();
		}
		else {
			// LocalDate and anything else as text: LocalDate.toString() is the ISO date.
			json.writeString(value.toString());
		}
	}

}
