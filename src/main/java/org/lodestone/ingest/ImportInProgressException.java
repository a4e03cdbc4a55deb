package org.lodestone.ingest;

/**
 * Another import is running; imports are serialised so that each is all-or-nothing on its own.
 */
public class ImportInProgressException extends RuntimeException {

	ImportInProgressException() {
		super("Another import is running; try again when it has finished");
	}

}
