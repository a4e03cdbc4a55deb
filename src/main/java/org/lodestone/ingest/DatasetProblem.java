package org.lodestone.ingest;

/**
 * One thing wrong with the dataset, located where an analyst can fix it.
 *
 * @param file the file's name as the user gave it
 * @param line the 1-based line the row starts on, or 0 for the whole file
 * @param reason what is wrong, in plain words
 */
public record DatasetProblem(String file, long line, String reason) {

	@Override
	public String toString() {
		return (this.line > 0) ? this.file + ":" + this.line + ": " + this.reason : this.file + ": " + this.reason;
	}

}
