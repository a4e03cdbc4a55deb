package org.lodestone.inbox;

import java.time.Instant;
import java.util.List;

/**
 * A proposal in the inbox.
 *
 * @param id the stable id, {@code proposal:} and 16 hex digits derived from the connector, the document and the rows
 * @param status {@code pending}, {@code accepted} or {@code rejected}
 * @param title a line for the inbox list
 * @param provenance where it came from
 * @param text the retrieved text the quotes stand in
 * @param rows the candidate rows (after an accept with edits: the rows as accepted)
 * @param quotes where each relationship's quote stands in {@link #text}
 * @param notes what the reviewer should know
 * @param createdAt when it entered the inbox
 * @param decidedBy who accepted or rejected it (the credential's name), or {@code null} while pending
 * @param decidedAt when, or {@code null}
 * @param reason a rejection's reason, or what the accept's import changed
 * @param change the recorded change of the graph's history the accept made ({@code change:17}), or {@code null}
 * (pending, rejected, or accepted rows the graph held already)
 */
public record Proposal(String id, String status, String title, Provenance provenance, String text, ProposedRows rows,
		List<QuoteSpan> quotes, List<String> notes, Instant createdAt, String decidedBy, Instant decidedAt,
		String reason, String change) {

	/** Waiting for a reviewer. */
	public static final String PENDING = "pending";

	/** Accepted: its rows were imported. */
	public static final String ACCEPTED = "accepted";

	/** Rejected, with a reason. */
	public static final String REJECTED = "rejected";

	/**
	 * One line of the inbox list.
	 *
	 * @param id the proposal's id
	 * @param status its status
	 * @param title its title
	 * @param connector who proposed it
	 * @param documentUrl where from
	 * @param retrievedAt when
	 * @param rows how many rows it proposes
	 * @param createdAt when it entered the inbox
	 * @param decidedBy who decided, or {@code null}
	 */
	public record Summary(String id, String status, String title, String connector, String documentUrl,
			Instant retrievedAt, int rows, Instant createdAt, String decidedBy) {
	}

}
