package org.lodestone.cypher;

import java.util.regex.Pattern;


/**
 * What of an engine's refusal a user may read. Engine messages can name files, ports, internal codes and Java
 * classes; only the first line, which is about the query, is passed on, with any Java class name taken out.
 */
final class EngineMessages {

	// A qualified Java class name, such as java.math.BigInteger or org.neo4j.exceptions.ArithmeticException.
	private static final Pattern JAVA_CLASS = Pattern.compile("\\b(?:[a-z][a-z0-9_]*\\.){2,}[A-Z][\\w$]*");

	// An unqualified exception or error class name, such as TokenMgrError or TooManyClauses, with a following colon.
	private static final Pattern CLASS_NAME = Pattern.compile("\\b[A-Z]\\w*[a-z](?:Exception|Error|Clauses)\\b:?\\s*");

	private static final int MAX_LENGTH = 400;

	private EngineMessages() {
	}

	/**
	 * Whether the failure is the query's rather than the server's. While planning or running a user's query, the engine
	 * reports what it refuses in several ways: client errors with their status, some as database errors (a shortest
	 * path between a node and itself), and some raw, with no status at all ({@code substring('abc', -1)} throws an
	 * {@code IndexOutOfBoundsException}, which Bolt would have wrapped as an unknown database error). All of them come
	 * from the user's own text, so all are the query's; only a lost or unreachable server is not, and the driver says
	 * so with its own exception types, which the web layer maps to 503.
	 * @param ex what the engine threw while planning or running a user's query
	 * @return whether the engine blames the query, not itself
	 */
	static boolean isQueryError(RuntimeException ex) {
		return !(ex instanceof org.neo4j.driver.exceptions.ServiceUnavailableException
				|| ex instanceof org.neo4j.driver.exceptions.SessionExpiredException);
	}

	/**
	 * @param ex what the engine threw
	 * @return "The query failed: " and the first line of its message, without Java class names
	 */
	static String firstLine(RuntimeException ex) {
		// The first paragraph: some engine messages wrap one sentence over several lines; what follows a blank line
		// (plans, suppressed exceptions) is internal.
		String text = (ex.getMessage() != null) ? ex.getMessage() : "";
		String paragraph = String.join(" ", text.lines().takeWhile(line -> !line.isBlank())
			.takeWhile(line -> !line.startsWith("\t") && !line.startsWith("Caused by")).toList());
		String message = JAVA_CLASS.matcher(paragraph.replaceAll("\\s+", " ")).replaceAll("a value");
		message = CLASS_NAME.matcher(message).replaceAll("").strip();
		if (message.length() > MAX_LENGTH) {
			int sentence = message.lastIndexOf(". ", MAX_LENGTH);
			message = (sentence > 0) ? message.substring(0, sentence + 1) : message.substring(0, MAX_LENGTH) + "…";
		}
		return message.isBlank() ? "The query failed" : "The query failed: " + message;
	}

}
