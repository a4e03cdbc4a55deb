package org.lodestone.inbox;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.lodestone.request.InvalidRequestException;

/**
 * Finds each proposed quote in the text it claims to come from. A quote that is not there word for word, with the
 * same punctuation and case, is refused: the dataset's quotes are verbatim, and the offsets let a reviewer see the
 * quote in its context.
 */
final class Quotes {

	private Quotes() {
	}

	/**
	 * @param text the retrieved text
	 * @param relationships the relationship rows
	 * @param parameter the name of the rows in the request, for the message
	 * @return where each quote stands, in row order; the first occurrence when a quote occurs more than once
	 * @throws InvalidRequestException when a quote is not in the text
	 */
	static List<QuoteSpan> locate(String text, List<Map<String, String>> relationships, String parameter) {
		List<QuoteSpan> spans = new ArrayList<>();
		for (int i = 0; i < relationships.size(); i++) {
			String quote = relationships.get(i).get("quote");
			if (quote == null || quote.isEmpty()) {
				continue;
			}
			int start = text.indexOf(quote);
			if (start < 0) {
				throw new InvalidRequestException(parameter + ".relationships[" + i + "].quote",
						"the quote is not found verbatim in the document's text (same words, punctuation and case): \""
								+ abbreviate(quote) + "\"");
			}
			spans.add(new QuoteSpan(i, quote, start, start + quote.length()));
		}
		return spans;
	}

	private static String abbreviate(String quote) {
		return (quote.length() <= 120) ? quote : quote.substring(0, 117) + "...";
	}

}
