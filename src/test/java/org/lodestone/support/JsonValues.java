package org.lodestone.support;

import java.util.List;

/**
 * Reads what a JSON path matched as the strings a user would compare.
 */
public final class JsonValues {

	private JsonValues() {
	}

	public static List<String> strings(Object value) {
		return ((List<?>) value).stream().map(String::valueOf).toList();
	}

}
