package org.lodestone.inbox;

/**
 * The proposal was already accepted or rejected; a decision is not taken twice.
 */
public class ProposalDecidedException extends RuntimeException {

	private final String id;

	private final String status;

	ProposalDecidedException(String id, String status, String decidedBy) {
		super("Proposal '" + id + "' was already " + status + ((decidedBy != null) ? " by " + decidedBy : ""));
		this.id = id;
		this.status = status;
	}

	/**
	 * @return the proposal's id
	 */
	public String id() {
		return this.id;
	}

	/**
	 * @return its status: accepted or rejected
	 */
	public String status() {
		return this.status;
	}

}
