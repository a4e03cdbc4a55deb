package org.lodestone.ingest;

import java.time.Duration;

/**
 * What an import changed.
 *
 * @param sources the Source nodes
 * @param entities the entity nodes
 * @param relationships the relationships
 * @param took how long the import took
 */
public record ImportReport(Counts sources, Counts entities, Counts relationships, Duration took) {

	/**
	 * @return whether the import changed anything at all
	 */
	public boolean changedAnything() {
		return this.sources.changed() + this.entities.changed() + this.relationships.changed() > 0;
	}

	@Override
	public String toString() {
		return "sources " + this.sources + "; entities " + this.entities + "; relationships " + this.relationships
				+ " in " + this.took.toMillis() + " ms";
	}

	/**
	 * @param created rows that did not exist before
	 * @param updated rows that existed with other values
	 * @param unchanged rows that existed with the same values
	 */
	public record Counts(long created, long updated, long unchanged) {

		static final Counts NONE = new Counts(0, 0, 0);

		Counts plus(Counts other) {
			return new Counts(this.created + other.created, this.updated + other.updated,
					this.unchanged + other.unchanged);
		}

		Counts plus(String outcome, long count) {
			return switch (outcome) {
				case "created" -> new Counts(this.created + count, this.updated, this.unchanged);
				case "updated" -> new Counts(this.created, this.updated + count, this.unchanged);
				default -> new Counts(this.created, this.updated, this.unchanged + count);
			};
		}

		long changed() {
			return this.created + this.updated;
		}

		@Override
		public String toString() {
			return this.created + " created, " + this.updated + " updated, " + this.unchanged + " unchanged";
		}

	}

}
