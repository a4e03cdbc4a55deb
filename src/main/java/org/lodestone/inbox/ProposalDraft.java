package org.lodestone.inbox;

import java.util.List;

/**
 * What a connector or an analyst hands the inbox before it is checked and stored.
 *
 * @param provenance where it came from
 * @param documentKey what the proposal is about within the retrieved content (a Federal Register document number; for
 * an analyst, the URL), part of its identity
 * @param title a line for the inbox list
 * @param text the text the quotes must be found in, verbatim
 * @param rows the candidate rows
 * @param notes what the reviewer should know: how candidates were matched, what was skipped
 */
public record ProposalDraft(Provenance provenance, String documentKey, String title, String text, ProposedRows rows,
		List<String> notes) {

	public ProposalDraft {
		notes = (notes != null) ? List.copyOf(notes) : List.of();
		text = (text != null) ? text : "";
	}

}
