package org.lodestone.inbox;

/**
 * No proposal has the given id.
 */
public class ProposalNotFoundException extends RuntimeException {

	private final String id;

	ProposalNotFoundException(String id) {
		super("No proposal has the id '" + id + "'");
		this.id = id;
	}

	/**
	 * @return the id asked for
	 */
	public String id() {
		return this.id;
	}

}
