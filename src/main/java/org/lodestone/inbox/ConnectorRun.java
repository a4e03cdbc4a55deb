package org.lodestone.inbox;

import java.util.List;

/**
 * What one connector run found in its document, before the inbox checks and stores it.
 *
 * @param drafts the proposals to make
 * @param skipped what proposes nothing, each with why
 */
record ConnectorRun(List<ProposalDraft> drafts, List<String> skipped) {

	ConnectorRun {
		drafts = List.copyOf(drafts);
		skipped = List.copyOf(skipped);
	}

}
