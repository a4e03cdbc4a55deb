package org.lodestone.ingest;

import java.time.Duration;
import java.time.OffsetDateTime;

/**
 * What an import changed. {@code added}, {@code corrected}, {@code retracted} and {@code unchanged} add up the rows
 * of every kind; the recorded change ({@code changeId}, {@code recordedAt}) is {@code null} when nothing changed,
 * since an import that changes nothing records nothing.
 *
 * @param sources the Source nodes
 * @param entities the entity nodes
 * @param relationships the relationships
 * @param took how long the import took
 * @param changeId the id of the recorded change ({@code change:17}), or {@code null}
 * @param recordedAt when the change was recorded, or {@code null}
 * @param added elements that were not in the graph
 * @param corrected elements whose stored version was replaced
 * @param retracted elements taken out of the current graph (kept in its history)
 * @param unchanged rows that matched the graph already
 */
public record ImportReport(Counts sources, Counts entities, Counts relationships, Duration took, String changeId,
		OffsetDateTime recordedAt, long added, long corrected, long retracted, long unchanged) {

	/**
	 * A report without a recorded change; the totals are summed from the counts.
	 * @param sources the Source nodes
	 * @param entities the entity nodes
	 * @param relationships the relationships
	 * @param took how long the import took
	 */
	public ImportReport(Counts sources, Counts entities, Counts relationships, Duration took) {
		this(sources, entities, relationships, took, null, null);
	}

	ImportReport(Counts sources, Counts entities, Counts relationships, Duration took, String changeId,
			OffsetDateTime recordedAt) {
		this(sources, entities, relationships, took, changeId, recordedAt,
				sources.created() + entities.created() + relationships.created(),
				sources.updated() + entities.updated() + relationships.updated(),
				sources.retracted() + entities.retracted() + relationships.retracted(),
				sources.unchanged() + entities.unchanged() + relationships.unchanged());
	}

	/**
	 * @return whether the import changed anything at all
	 */
	public boolean changedAnything() {
		return this.sources.changed() + this.entities.changed() + this.relationships.changed() > 0;
	}

	@Override
	public String toString() {
		return ((this.changeId != null) ? this.changeId + ": " : "") + "sources " + this.sources + "; entities "
				+ this.entities + "; relationships " + this.relationships + " in " + this.took.toMillis() + " ms";
	}

	/**
	 * @param created rows that did not exist before (added)
	 * @param updated rows that existed with other values (corrected)
	 * @param unchanged rows that existed with the same values
	 * @param retracted elements retracted by the import's retraction options
	 */
	public record Counts(long created, long updated, long unchanged, long retracted) {

		static final Counts NONE = new Counts(0, 0, 0, 0);

		/**
		 * Counts of an import that retracted nothing.
		 * @param created rows that did not exist before
		 * @param updated rows that existed with other values
		 * @param unchanged rows that existed with the same values
		 */
		public Counts(long created, long updated, long unchanged) {
			this(created, updated, unchanged, 0);
		}

		Counts plus(Counts other) {
			return new Counts(this.created + other.created, this.updated + other.updated,
					this.unchanged + other.unchanged, this.retracted + other.retracted);
		}

		Counts plus(String outcome, long count) {
			return switch (outcome) {
				case "created" -> new Counts(this.created + count, this.updated, this.unchanged, this.retracted);
				case "updated" -> new Counts(this.created, this.updated + count, this.unchanged, this.retracted);
				case "retracted" -> new Counts(this.created, this.updated, this.unchanged, this.retracted + count);
				default -> new Counts(this.created, this.updated, this.unchanged + count, this.retracted);
			};
		}

		long changed() {
			return this.created + this.updated + this.retracted;
		}

		@Override
		public String toString() {
			return this.created + " created, " + this.updated + " updated, " + this.unchanged + " unchanged"
					+ ((this.retracted > 0) ? ", " + this.retracted + " retracted" : "");
		}

	}

}
