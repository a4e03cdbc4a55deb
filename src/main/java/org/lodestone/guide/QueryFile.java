package org.lodestone.guide;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.lodestone.neo4j.CypherScript;

/**
 * One analyst query from {@code cypher/queries/}, split the way its header comment is written: what it answers, the
 * parameters it takes, the {@code :param} commands to run first, then the query itself.
 *
 * @param file the file name, such as {@code what-connects-h20-to-ndpr.cypher}
 * @param title the first sentence of the header comment: the question the query answers
 * @param description the rest of the header comment
 * @param parameters what the "Parameters:" line says the query takes, or an empty string
 * @param paramCommands the Browser {@code :param} commands the header gives, without their semicolons
 * @param statements the file's Cypher statements, comments removed
 */
record QueryFile(String file, String title, String description, String parameters, List<String> paramCommands,
		List<String> statements) {

	private static final Pattern FIRST_SENTENCE = Pattern.compile("^(.+?)[?.:](?:\\s+|$)(.*)$", Pattern.DOTALL);

	private static final Pattern PARAMETERS = Pattern.compile("^Parameters:\\s*(.*?)\\s*(?:In Browser,.*)?$");

	/**
	 * @param file the file name
	 * @param text the file's content
	 * @return the parsed file
	 */
	static QueryFile parse(String file, String text) {
		List<String> description = new ArrayList<>();
		List<String> params = new ArrayList<>();
		String parameters = "";
		for (String line : text.split("\\R")) {
			String trimmed = line.strip();
			if (!trimmed.startsWith("//")) {
				if (trimmed.isEmpty()) {
					continue;
				}
				break;
			}
			String comment = trimmed.substring(2).strip();
			Matcher parameterLine = PARAMETERS.matcher(comment);
			if (comment.startsWith(":param")) {
				params.add(comment.endsWith(";") ? comment.substring(0, comment.length() - 1).strip() : comment);
			}
			else if (parameterLine.matches()) {
				parameters = parameterLine.group(1).replaceAll("[.;:]+$", "");
			}
			else if (!comment.isEmpty()) {
				description.add(comment);
			}
		}
		String all = String.join(" ", description);
		String title = fallbackTitle(file);
		String rest = all;
		Matcher sentence = FIRST_SENTENCE.matcher(all);
		if (sentence.matches()) {
			title = sentence.group(1) + (all.charAt(sentence.group(1).length()) == '?' ? "?" : "");
			rest = capitalize(sentence.group(2).strip());
		}
		return new QueryFile(file, title, rest, parameters, List.copyOf(params), CypherScript.statements(text));
	}

	private static String fallbackTitle(String file) {
		String base = file.endsWith(".cypher") ? file.substring(0, file.length() - ".cypher".length()) : file;
		return capitalize(base.replace('-', ' '));
	}

	private static String capitalize(String text) {
		return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
	}

}
