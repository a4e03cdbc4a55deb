package org.lodestone.reconcile;

/**
 * A reconciliation batch holds more queries than one request may; the manifest's {@code batchSize} says how many.
 */
public class BatchTooLargeException extends RuntimeException {

	BatchTooLargeException(int queries, int limit) {
		super("This batch holds " + queries + " queries; at most " + limit
				+ " are answered per request (the manifest's batchSize)");
	}

}
