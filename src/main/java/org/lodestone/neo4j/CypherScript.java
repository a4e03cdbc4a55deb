package org.lodestone.neo4j;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a {@code .cypher} file into statements the way cypher-shell does: at semicolons outside string literals and
 * comments. Comment-only text between statements is dropped.
 */
public final class CypherScript {

	private CypherScript() {
	}

	/**
	 * @param script the file's text
	 * @return its statements, trimmed, without the terminating semicolons
	 */
	public static List<String> statements(String script) {
		List<String> statements = new ArrayList<>();
		StringBuilder current = new StringBuilder();
		char quote = 0;
		boolean lineComment = false;
		boolean blockComment = false;
		for (int i = 0; i < script.length(); i++) {
			char c = script.charAt(i);
			char next = (i + 1 < script.length()) ? script.charAt(i + 1) : 0;
			if (lineComment) {
				if (c == '\n') {
					lineComment = false;
					current.append(c);
				}
				continue;
			}
			if (blockComment) {
				if (c == '*' && next == '/') {
					blockComment = false;
					i++;
				}
				continue;
			}
			if (quote != 0) {
				current.append(c);
				if (c == '\\' && next != 0) {
					current.append(next);
					i++;
				}
				else if (c == quote) {
					quote = 0;
				}
				continue;
			}
			if (c == '/' && next == '/') {
				lineComment = true;
				i++;
			}
			else if (c == '/' && next == '*') {
				blockComment = true;
				i++;
			}
			else if (c == '\'' || c == '"' || c == '`') {
				quote = c;
				current.append(c);
			}
			else if (c == ';') {
				add(statements, current);
			}
			else {
				current.append(c);
			}
		}
		add(statements, current);
		return statements;
	}

	private static void add(List<String> statements, StringBuilder current) {
		String statement = current.toString().strip();
		if (!statement.isEmpty()) {
			statements.add(statement);
		}
		current.setLength(0);
	}

}
