package org.lodestone.ingest;

import java.util.List;

/**
 * The dataset has problems, so nothing was written. Carries every problem found, not only the first.
 */
public class InvalidDatasetException extends RuntimeException {

	private final List<DatasetProblem> problems;

	InvalidDatasetException(List<DatasetProblem> problems) {
		super(problems.size() + " problem(s) in the dataset; nothing was imported:\n  "
				+ String.join("\n  ", problems.stream().map(DatasetProblem::toString).toList()));
		this.problems = List.copyOf(problems);
	}

	/**
	 * @return every problem found, in file and line order
	 */
	public List<DatasetProblem> problems() {
		return this.problems;
	}

}
