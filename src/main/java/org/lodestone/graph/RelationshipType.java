package org.lodestone.graph;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Every relationship type the graph allows, with its meaning and the kinds it may connect. Cypher only ever sees a
 * relationship type through this enum, never from user input.
 */
public enum RelationshipType {

	ISSUED("issued, announced or enacted", of(Kind.ACTOR), of(Kind.POLICY)),
	RESTRICTS("restricts trade in", of(Kind.POLICY), of(Kind.PRODUCT, Kind.MINERAL, Kind.ACTOR)),
	TARGETS("applies to", of(Kind.POLICY), of(Kind.ACTOR)),
	COVERS("concerns", of(Kind.POLICY), of(Kind.PRODUCT, Kind.MINERAL)),
	LICENSED_FOR("licenses exports of", of(Kind.POLICY), of(Kind.PRODUCT, Kind.MINERAL)),
	CONCESSION_FOR("was a concession for", of(Kind.POLICY), of(Kind.POLICY)),
	PARTY_TO("is a party to", of(Kind.ACTOR), of(Kind.POLICY)),
	REVERSES("reverses", of(Kind.POLICY), of(Kind.POLICY)),
	SUSPENDS("suspends", of(Kind.POLICY), of(Kind.POLICY)),
	AMENDS("amends", of(Kind.POLICY), of(Kind.POLICY)),
	APPLIED_FOR("applied for", of(Kind.ACTOR), of(Kind.POLICY)),
	PRODUCES("produces", of(Kind.ACTOR), of(Kind.PRODUCT, Kind.MINERAL)),
	SUPPLIES("supplies", of(Kind.ACTOR), of(Kind.PRODUCT, Kind.MINERAL)),
	USED_IN("is used in", of(Kind.MINERAL, Kind.PRODUCT), of(Kind.MINERAL, Kind.PRODUCT)),
	RUNS_ON("runs on", of(Kind.PRODUCT), of(Kind.PRODUCT)),
	VARIANT_OF("is a variant of", of(Kind.PRODUCT), of(Kind.PRODUCT)),
	CRITICIZED("criticised", of(Kind.ACTOR), of(Kind.POLICY, Kind.ACTOR)),
	DISPUTED("disputed", of(Kind.ACTOR), of(Kind.POLICY, Kind.LINKAGE)),
	ASSERTED("asserted", of(Kind.ACTOR), of(Kind.LINKAGE)),
	TIES("ties together", of(Kind.LINKAGE), of(Kind.POLICY)),
	STATED("made a statement about", of(Kind.ACTOR), of(Kind.POLICY)),
	INVESTIGATED("investigated", of(Kind.ACTOR), of(Kind.ACTOR, Kind.PRODUCT)),
	HOLDS_OFFICE("holds office in", of(Kind.ACTOR), of(Kind.ACTOR)),
	MEMBER_OF("is a member of", of(Kind.ACTOR), of(Kind.ACTOR));

	private static final Map<String, RelationshipType> BY_NAME = Arrays.stream(values())
		.collect(Collectors.toUnmodifiableMap(RelationshipType::name, Function.identity()));

	private final String phrase;

	private final Set<Kind> from;

	private final Set<Kind> to;

	RelationshipType(String phrase, Set<Kind> from, Set<Kind> to) {
		this.phrase = phrase;
		this.from = from;
		this.to = to;
	}

	/**
	 * @return the verb phrase that reads "from <phrase> to", for explanations
	 */
	public String phrase() {
		return this.phrase;
	}

	/**
	 * @return the kinds a relationship of this type may start at
	 */
	public Set<Kind> fromKinds() {
		return this.from;
	}

	/**
	 * @return the kinds a relationship of this type may end at
	 */
	public Set<Kind> toKinds() {
		return this.to;
	}

	/**
	 * @return whether a row of this type needs an exact quote
	 */
	public boolean requiresQuote() {
		return this == STATED;
	}

	/**
	 * @return whether a row of this type may carry a supply share
	 */
	public boolean allowsShare() {
		return this == SUPPLIES;
	}

	/**
	 * Whether one pair of entities may hold several relationships of this type, one per period, each told apart by
	 * its {@code validFrom}: a country's supply share is a figure per year (one USGS edition each), not one link
	 * whose value is overwritten.
	 * @return whether {@code validFrom} is part of the relationship's identity
	 */
	public boolean keyedByPeriod() {
		return this == SUPPLIES;
	}

	/**
	 * The stable id of one relationship of this type, as the API, the exports and the explorer show it.
	 * @param from the start entity's id
	 * @param to the end entity's id
	 * @param validFrom the date it began to hold, part of the id for a type {@link #keyedByPeriod keyed by period}
	 * @return {@code from|TYPE|to}, or {@code from|TYPE|to|validFrom}
	 */
	public String edgeId(String from, String to, java.time.LocalDate validFrom) {
		String id = from + "|" + name() + "|" + to;
		return keyedByPeriod() ? id + "|" + validFrom : id;
	}

	/**
	 * @param name a type's name, case-insensitive
	 * @return the type, or {@code null} when none has that name
	 */
	public static RelationshipType fromName(String name) {
		// A map, not a scan of values(): a million-row file asks once per row (docs/benchmarks.md).
		return BY_NAME.get(name.toUpperCase(Locale.ROOT));
	}

	private static Set<Kind> of(Kind first, Kind... rest) {
		return EnumSet.of(first, rest);
	}

}
