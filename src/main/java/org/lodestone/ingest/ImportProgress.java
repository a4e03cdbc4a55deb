package org.lodestone.ingest;

/**
 * Told how far an import has got, after every batch.
 */
@FunctionalInterface
public interface ImportProgress {

	/** Reports nothing. */
	ImportProgress NONE = (done, total) -> {
	};

	/**
	 * @param done rows written so far
	 * @param total rows in the dataset
	 */
	void rowsWritten(long done, long total);

}
