package org.lodestone.inbox;

import java.time.Instant;

/**
 * Where a proposal came from.
 *
 * @param connector the connector that made it ({@code federal-register}) or {@code document} for an analyst's
 * proposal from a pasted document
 * @param documentUrl the URL the content was retrieved from (for an analyst: the URL they gave)
 * @param retrievedAt when it was retrieved (for an analyst: when they proposed it)
 * @param contentSha256 the SHA-256 of the retrieved bytes (for an analyst: of the pasted text in UTF-8), lowercase hex
 */
public record Provenance(String connector, String documentUrl, Instant retrievedAt, String contentSha256) {
}
