package org.lodestone.export;

/**
 * An export holds more nodes and relationships than the requester may download; found by counting, before a byte of
 * the file is written.
 */
public class ExportTooLargeException extends RuntimeException {

	private final long elements;

	private final long limit;

	ExportTooLargeException(long elements, long limit) {
		super("This export holds " + elements + " nodes and relationships; at most " + limit
				+ " may be exported without a credential. Send a READ credential, or export a path or neighbourhood");
		this.elements = elements;
		this.limit = limit;
	}

	/**
	 * @return the nodes plus relationships the export would hold
	 */
	public long elements() {
		return this.elements;
	}

	/**
	 * @return the most the requester may export
	 */
	public long limit() {
		return this.limit;
	}

}
