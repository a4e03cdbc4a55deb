package org.lodestone.entity;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Lucene query a search sends to the {@code entity_search} full-text index, built from what a user typed. Only
 * runs of letters and digits reach Lucene, lower-cased, so no input can change the query's structure: no field,
 * operator, wildcard, range, phrase or boost the user chose (a lower-case {@code or} is a word to Lucene, not an
 * operator). The length of what reaches it is {@link EntityService}'s to bound. Kept apart from the service so this
 * guarantee is checked on its own, without an engine.
 */
final class LuceneQuery {

	private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");

	private LuceneQuery() {
	}

	/**
	 * For search and name resolution: every word must match, as itself (ranked first), as a prefix, or, when longer
	 * than three characters, one edit away.
	 * @param text what the user typed
	 * @return the query, or {@code null} when the text holds no letter or digit
	 */
	static String matching(String text) {
		return build(text, false);
	}

	/**
	 * For exact name resolution through the index: the entities whose name or an alias holds every word, as itself.
	 * A name equal to the text holds all of them, so the exact matches are among these whenever the index splits the
	 * text into the same words (it does not split "U.S." in two; the service then falls back to comparing every name).
	 * @param text what the user typed
	 * @return the query, or {@code null} when the text holds no letter or digit
	 */
	static String allWords(String text) {
		List<String> words = new ArrayList<>();
		Matcher matcher = WORD.matcher(text.toLowerCase(Locale.ROOT));
		while (matcher.find()) {
			words.add(matcher.group());
		}
		return words.isEmpty() ? null : String.join(" AND ", words);
	}

	/**
	 * For the close matches of a name that matched nothing: any word two edits away.
	 * @param text what the user typed
	 * @return the query, or {@code null} when the text holds no letter or digit
	 */
	static String closeTo(String text) {
		return build(text, true);
	}

	private static String build(String text, boolean fuzzyOnly) {
		List<String> clauses = new ArrayList<>();
		Matcher words = WORD.matcher(text.toLowerCase(Locale.ROOT));
		while (words.find()) {
			String word = words.group();
			if (fuzzyOnly) {
				clauses.add(word + "~2");
			}
			else {
				clauses.add("(" + word + "^3 OR " + word + "*^2" + (word.length() > 3 ? " OR " + word + "~1" : "") + ")");
			}
		}
		if (clauses.isEmpty()) {
			return null;
		}
		return String.join(fuzzyOnly ? " OR " : " AND ", clauses);
	}

}
