package org.lodestone.inbox;

/**
 * Where a proposed relationship's quote stands in the text it was taken from.
 *
 * @param relationship the index of the relationship row in the proposal
 * @param quote the quote, as in the row
 * @param start the offset of its first character in the proposal's text, counted in UTF-16 code units (as
 * JavaScript's {@code String.slice} counts)
 * @param end the offset just past its last character
 */
public record QuoteSpan(int relationship, String quote, int start, int end) {
}
