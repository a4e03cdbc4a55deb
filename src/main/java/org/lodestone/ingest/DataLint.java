package org.lodestone.ingest;

import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.lodestone.graph.DatePrecision;
import org.lodestone.graph.Kind;
import org.lodestone.graph.RelationshipType;

/**
 * Looks for rows of a valid dataset that are probably wrong or weak: the reader checks that each row is well formed,
 * this checks what rows say about each other (a restriction holding before its measure was announced, a quote whose
 * source nobody checked). A pure function of the dataset: no files, no database, so it is cheap to run on every
 * change. The rules are described in {@code docs/data-format.md} ("Lint"); their names are stable because
 * {@code docs/lint-accepted.csv} refers to them.
 */
public final class DataLint {

	/** A relationship resting on one source with confidence below {@link #STRONG_CONFIDENCE}. */
	public static final String SINGLE_WEAK_SOURCE = "single-weak-source";

	/** A source no entity or relationship cites. */
	public static final String UNCITED_SOURCE = "uncited-source";

	/** A relationship with a quote none of whose sources has a check record. */
	public static final String QUOTE_UNCHECKED = "quote-unchecked";

	/** A relationship or a measure whose dates contradict each other. */
	public static final String DATES_OUT_OF_ORDER = "dates-out-of-order";

	/** A measure's edge holding before the measure was announced, after it was rescinded, or while suspended. */
	public static final String VALIDITY_AGAINST_LIFECYCLE = "validity-against-lifecycle";

	/** A measure nobody is recorded as having issued. */
	public static final String POLICY_WITHOUT_ISSUER = "policy-without-issuer";

	/** Every rule, in the order findings are reported. */
	public static final List<String> RULES = List.of(SINGLE_WEAK_SOURCE, UNCITED_SOURCE, QUOTE_UNCHECKED,
			DATES_OUT_OF_ORDER, VALIDITY_AGAINST_LIFECYCLE, POLICY_WITHOUT_ISSUER);

	/** The confidence a relationship may only claim with an official document or two independent sources. */
	static final double STRONG_CONFIDENCE = 0.9;

	/** The edges that say what a measure does, so they can only hold while the measure is in force. */
	private static final Set<RelationshipType> MEASURE_EFFECTS = Set.of(RelationshipType.RESTRICTS,
			RelationshipType.TARGETS, RelationshipType.LICENSED_FOR);

	private final Dataset dataset;

	private final Map<String, Dataset.Entity> entities = new HashMap<>();

	private final Map<String, Dataset.Source> sources = new HashMap<>();

	private final List<LintFinding> findings = new ArrayList<>();

	private DataLint(Dataset dataset) {
		this.dataset = dataset;
		dataset.entities().forEach(entity -> this.entities.putIfAbsent(entity.id(), entity));
		dataset.sources().forEach(source -> this.sources.putIfAbsent(source.id(), source));
	}

	/**
	 * @param dataset a validated dataset
	 * @return every finding, rule by rule in the order of {@link #RULES}, rows in dataset order within a rule
	 */
	public static List<LintFinding> lint(Dataset dataset) {
		DataLint lint = new DataLint(dataset);
		lint.singleWeakSources();
		lint.uncitedSources();
		lint.uncheckedQuotes();
		lint.datesOutOfOrder();
		lint.validityAgainstLifecycle();
		lint.policiesWithoutIssuer();
		return List.copyOf(lint.findings);
	}

	/**
	 * @param relationship a relationship
	 * @return its identity as findings and {@code docs/lint-accepted.csv} write it:
	 * {@code (from)-[:TYPE]->(to)}, followed by {@code from <validFrom>} for a type that repeats once per period
	 */
	public static String where(Dataset.Relationship relationship) {
		String triple = "(" + relationship.from() + ")-[:" + relationship.type() + "]->(" + relationship.to() + ")";
		return relationship.type().keyedByPeriod() ? triple + " from " + relationship.validFrom() : triple;
	}

	private void singleWeakSources() {
		for (Dataset.Relationship relationship : this.dataset.relationships()) {
			if (relationship.sources().size() == 1 && relationship.confidence() < STRONG_CONFIDENCE) {
				add(SINGLE_WEAK_SOURCE, where(relationship), "rests on one source (" + relationship.sources().get(0)
						+ ") at confidence " + relationship.confidence() + ": add an independent second source, or "
						+ "accept it as single-outlet reporting");
			}
		}
	}

	private void uncitedSources() {
		Set<String> cited = new HashSet<>();
		this.dataset.entities().forEach(entity -> cited.addAll(entity.sources()));
		this.dataset.relationships().forEach(relationship -> cited.addAll(relationship.sources()));
		for (Dataset.Source source : this.dataset.sources()) {
			if (!cited.contains(source.id())) {
				add(UNCITED_SOURCE, source.id(), "no entity or relationship cites it");
			}
		}
	}

	private void uncheckedQuotes() {
		for (Dataset.Relationship relationship : this.dataset.relationships()) {
			if (relationship.quote() != null && relationship.sources().stream().noneMatch(this::checked)) {
				add(QUOTE_UNCHECKED, where(relationship), "has a quote, but none of its sources ("
						+ String.join(", ", relationship.sources()) + ") records a check (checkedOn, checkedWhere)");
			}
		}
	}

	private boolean checked(String sourceId) {
		Dataset.Source source = this.sources.get(sourceId);
		return source != null && source.checkedOn() != null;
	}

	private void datesOutOfOrder() {
		for (Dataset.Entity entity : this.dataset.entities()) {
			String id = entity.id();
			if (after(entity.announced(), entity.effective())) {
				add(DATES_OUT_OF_ORDER, id, "announced " + entity.announced() + " is after effective "
						+ entity.effective());
			}
			if (after(entity.announced(), entity.rescinded())) {
				add(DATES_OUT_OF_ORDER, id, "rescinded " + entity.rescinded() + " is before announced "
						+ entity.announced());
			}
			if (after(entity.effective(), entity.rescinded())) {
				add(DATES_OUT_OF_ORDER, id, "rescinded " + entity.rescinded() + " is before effective "
						+ entity.effective());
			}
			if (after(entity.announced(), entity.suspendedUntil())) {
				add(DATES_OUT_OF_ORDER, id, "suspendedUntil " + entity.suspendedUntil() + " is before announced "
						+ entity.announced());
			}
			if (after(entity.effective(), entity.suspendedUntil())) {
				add(DATES_OUT_OF_ORDER, id, "suspendedUntil " + entity.suspendedUntil() + " is before effective "
						+ entity.effective());
			}
		}
		// The reader refuses this, but a dataset built another way may still hold it.
		for (Dataset.Relationship relationship : this.dataset.relationships()) {
			if (after(relationship.validFrom(), relationship.validTo())) {
				add(DATES_OUT_OF_ORDER, where(relationship), "validTo " + relationship.validTo()
						+ " is before validFrom " + relationship.validFrom());
			}
		}
	}

	private void validityAgainstLifecycle() {
		Map<String, List<Suspension>> suspensions = suspensions();
		for (Dataset.Relationship relationship : this.dataset.relationships()) {
			Dataset.Entity measure = this.entities.get(relationship.from());
			if (!MEASURE_EFFECTS.contains(relationship.type()) || measure == null
					|| measure.subtype().kind() != Kind.POLICY) {
				continue;
			}
			String where = where(relationship);
			LocalDate start = latestStart(relationship);
			if (measure.announced() != null && start.isBefore(measure.announced())) {
				add(VALIDITY_AGAINST_LIFECYCLE, where, "holds from " + validFrom(relationship)
						+ ", before " + measure.id() + " was announced on " + measure.announced());
			}
			LocalDate rescinded = measure.rescinded();
			if (rescinded != null && (relationship.validTo() == null || relationship.validTo().isAfter(rescinded))) {
				add(VALIDITY_AGAINST_LIFECYCLE, where, "holds "
						+ ((relationship.validTo() != null) ? "until " + relationship.validTo() : "with no end")
						+ ", after " + measure.id() + " was rescinded on " + rescinded
						+ "; validTo is the last day it held");
			}
			if (relationship.type() == RelationshipType.RESTRICTS) {
				for (Suspension suspension : suspensions.getOrDefault(measure.id(), List.of())) {
					if (suspension.overlaps(start, relationship.validTo())) {
						add(VALIDITY_AGAINST_LIFECYCLE, where, "holds "
								+ ((relationship.validTo() != null)
										? "from " + validFrom(relationship) + " to " + relationship.validTo()
										: "from " + validFrom(relationship) + " with no end")
								+ ", while " + measure.id() + " is suspended by " + suspension.by() + " "
								+ suspension.period());
					}
				}
			}
		}
	}

	/**
	 * Each measure's suspensions: a {@code SUSPENDS} edge from another measure starts one on its {@code validFrom}
	 * and ends it on its {@code validTo} or on the suspended measure's {@code suspendedUntil}, whichever is later; with
	 * neither, the measure is still suspended.
	 */
	private Map<String, List<Suspension>> suspensions() {
		Map<String, List<Suspension>> suspensions = new HashMap<>();
		for (Dataset.Relationship relationship : this.dataset.relationships()) {
			if (relationship.type() != RelationshipType.SUSPENDS) {
				continue;
			}
			Dataset.Entity suspended = this.entities.get(relationship.to());
			LocalDate end = latest(relationship.validTo(), (suspended != null) ? suspended.suspendedUntil() : null);
			suspensions.computeIfAbsent(relationship.to(), id -> new ArrayList<>())
				.add(new Suspension(relationship.from(), relationship.validFrom(), end));
		}
		return suspensions;
	}

	private void policiesWithoutIssuer() {
		Set<String> issued = this.dataset.relationships()
			.stream()
			.filter(relationship -> relationship.type() == RelationshipType.ISSUED)
			.map(Dataset.Relationship::to)
			.collect(Collectors.toSet());
		for (Dataset.Entity entity : this.dataset.entities()) {
			if (entity.subtype().kind() == Kind.POLICY && !issued.contains(entity.id())) {
				add(POLICY_WITHOUT_ISSUER, entity.id(), "no ISSUED edge says who issued it");
			}
		}
	}

	/**
	 * The latest day a relationship can have started: a month- or year-precise {@code validFrom} only says it began
	 * in that month or year, so it is flagged as too early only when the whole period is, and never later than its
	 * own {@code validTo}.
	 */
	static LocalDate latestStart(Dataset.Relationship relationship) {
		LocalDate from = relationship.validFrom();
		LocalDate end = switch (relationship.precision()) {
			case DAY -> from;
			case MONTH -> from.with(TemporalAdjusters.lastDayOfMonth());
			case YEAR -> from.with(TemporalAdjusters.lastDayOfYear());
		};
		return (relationship.validTo() != null && relationship.validTo().isBefore(end)) ? relationship.validTo() : end;
	}

	private static String validFrom(Dataset.Relationship relationship) {
		return (relationship.precision() == DatePrecision.DAY) ? relationship.validFrom().toString()
				: relationship.validFrom() + " (" + relationship.precision().value() + ")";
	}

	/** Whether both dates are known and the second is before the first. */
	private static boolean after(LocalDate first, LocalDate second) {
		return first != null && second != null && second.isBefore(first);
	}

	private static LocalDate latest(LocalDate a, LocalDate b) {
		if (a == null) {
			return b;
		}
		return (b == null || a.isAfter(b)) ? a : b;
	}

	private void add(String rule, String where, String message) {
		this.findings.add(new LintFinding(rule, where, message));
	}

	/**
	 * A measure suspended by another from {@code start} to {@code end} inclusive; {@code end} is {@code null} while
	 * it is still suspended.
	 */
	private record Suspension(String by, LocalDate start, LocalDate end) {

		boolean overlaps(LocalDate from, LocalDate to) {
			return (this.end == null || !from.isAfter(this.end)) && (to == null || !to.isBefore(this.start));
		}

		String period() {
			return "from " + this.start + ((this.end != null) ? " to " + this.end : " with no end");
		}

	}

}
