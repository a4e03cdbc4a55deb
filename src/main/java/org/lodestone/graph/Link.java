package org.lodestone.graph;

import java.time.LocalDate;
import java.util.List;

/**
 * A relationship as the API shows it: both ends, the dates it held, how sure we are, and who said so.
 *
 * @param id the stable id, {@code from|TYPE|to} ({@code from|TYPE|to|validFrom} for a supply share, one per year)
 * @param type the relationship type
 * @param from the start entity
 * @param to the end entity
 * @param validFrom the first date it held
 * @param validTo the last date it held, or {@code null} while it holds
 * @param confidence in [0, 1]
 * @param quote an exact quote, or {@code null}
 * @param share a supply share in [0, 1], or {@code null}
 * @param note context, or {@code null}
 * @param sources the publications supporting it
 * @param sentence the relationship in one plain-English sentence
 * @param precision how precisely {@code validFrom} is known: {@code day}, {@code month} or {@code year}
 * @param basis {@code start} when {@code validFrom} is when it began, {@code reported} when it is only the date a
 * source reported it holding (it held at least since then)
 */
public record Link(String id, String type, EntitySummary from, EntitySummary to, LocalDate validFrom,
		LocalDate validTo, double confidence, String quote, Double share, String note, List<SourceReference> sources,
		String sentence, String precision, String basis) {

	/**
	 * @param date a date
	 * @return whether the relationship held on that date
	 */
	public boolean heldOn(LocalDate date) {
		return !this.validFrom.isAfter(date) && (this.validTo == null || !this.validTo.isBefore(date));
	}

	/**
	 * @return the newest publication date among the sources, or {@code validFrom} without sources
	 */
	public LocalDate latestEvidence() {
		return Links.latestEvidence(this.sources.stream().map(SourceReference::date), this.validFrom);
	}

}
