package org.lodestone.ingest;

import java.util.List;

/**
 * What an import is told besides its rows: who runs it and why, and what it may retract. Nothing is ever retracted
 * unless one of the two retraction options says so.
 *
 * @param by who imports: the credential's name, or the command line's user
 * @param reason why, or {@code null}; required when the import corrects or retracts anything and
 * {@code reasonRequired} is set
 * @param fullSnapshot whether the dataset is the whole graph: entities and relationships in the graph but not in the
 * dataset are then retracted (sources are never retracted: a publication stays what it is)
 * @param retract ids to retract explicitly: entity ids ({@code company:smic}) or relationship ids
 * ({@code from|TYPE|to}, {@code from|TYPE|to|validFrom} for a type keyed by period); retracting an entity retracts
 * its relationships
 * @param reasonRequired whether a correction or retraction without a reason is refused (API and command line)
 */
public record ImportOptions(String by, String reason, boolean fullSnapshot, List<String> retract,
		boolean reasonRequired) {

	/** The most ids one import may retract explicitly: bounded before it reaches the engine. */
	public static final int MAX_RETRACT = 10_000;

	/** The longest reason accepted. */
	public static final int MAX_REASON = 2_000;

	public ImportOptions {
		retract = (retract != null) ? List.copyOf(retract) : List.of();
		reason = (reason == null || reason.isBlank()) ? null : reason.strip();
	}

	/**
	 * An import nobody is asked about (the first start, tools and tests): it corrects without a stated reason and
	 * retracts nothing.
	 * @param by who or what imports
	 * @return the options
	 */
	public static ImportOptions unattended(String by) {
		return new ImportOptions(by, null, false, List.of(), false);
	}

	/**
	 * @param why the reason to record
	 * @return these options with that reason
	 */
	public ImportOptions withReason(String why) {
		return new ImportOptions(this.by, why, this.fullSnapshot, this.retract, this.reasonRequired);
	}

}
