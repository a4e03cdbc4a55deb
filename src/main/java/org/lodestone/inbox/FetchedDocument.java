package org.lodestone.inbox;

import java.time.Instant;

/**
 * The bytes a connector retrieved, with what provenance needs.
 *
 * @param location the URL (or file) they came from
 * @param bytes the content, exactly as received
 * @param retrievedAt when
 * @param sha256 the SHA-256 of {@link #bytes}, lowercase hex
 */
public record FetchedDocument(String location, byte[] bytes, Instant retrievedAt, String sha256) {

	/**
	 * @param location where the bytes came from
	 * @param bytes the bytes
	 * @param retrievedAt when
	 * @return the document with its hash
	 */
	public static FetchedDocument of(String location, byte[] bytes, Instant retrievedAt) {
		return new FetchedDocument(location, bytes, retrievedAt, InboxService.sha256(bytes));
	}

}
