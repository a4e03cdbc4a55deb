package org.lodestone.ingest;

/**
 * Published after an import committed something new: every answer computed before it may be out of date.
 *
 * @param version the graph's version after the import ({@link GraphVersion})
 */
public record GraphChangedEvent(long version) {
}
