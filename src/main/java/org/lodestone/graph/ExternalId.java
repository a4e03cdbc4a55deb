package org.lodestone.graph;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * An identifier another dataset gives an entity. Each is one string property on the entity node, named as here, and
 * is checked in form (and where the scheme has one, its check character) before it is stored.
 */
public enum ExternalId {

	/** A Wikidata item: {@code Q} and digits, no leading zero. */
	WIKIDATA("wikidata", "a Wikidata QID: Q and digits, such as Q182477"),
	/** A Legal Entity Identifier (ISO 17442): 18 letters or digits and two check digits, ISO 7064 MOD 97-10. */
	LEI("lei", "an LEI (ISO 17442): 20 capital letters or digits whose check digits pass MOD 97-10"),
	/**
	 * China's unified social credit code (GB 32100-2015): 18 characters from the 31 the standard allows, the last a
	 * check character over the first 17.
	 */
	USCC("uscc", "a unified social credit code (GB 32100-2015): 18 characters of 0-9 and A-Y without I, O, S, V and"
			+ " Z, the last the check character"),
	/** An OpenSanctions entity id, as in {@code https://www.opensanctions.org/entities/<id>/}. */
	OPENSANCTIONS("opensanctions", "an OpenSanctions entity id: letters, digits, '.', '_' and '-', at most 100");

	private static final Pattern QID = Pattern.compile("Q[1-9][0-9]{0,11}");

	private static final Pattern LEI_FORM = Pattern.compile("[0-9A-Z]{18}[0-9]{2}");

	/** GB 32100-2015's character set, in value order: the digits, then the capitals without I, O, S, V and Z. */
	private static final String USCC_CHARACTERS = "0123456789ABCDEFGHJKLMNPQRTUWXY";

	private static final Pattern OPENSANCTIONS_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");

	private final String property;

	private final String form;

	ExternalId(String property, String form) {
		this.property = property;
		this.form = form;
	}

	/**
	 * @return the entity property and data column that holds it, also the API parameter that searches by it
	 */
	public String property() {
		return this.property;
	}

	/**
	 * @param subtype an entity's subtype
	 * @return whether this scheme identifies entities of that subtype: LEIs and credit codes name legal entities,
	 * so companies only; OpenSanctions lists actors; Wikidata has items for everything
	 */
	public boolean appliesTo(Subtype subtype) {
		return switch (this) {
			case WIKIDATA -> true;
			case LEI, USCC -> subtype == Subtype.COMPANY;
			case OPENSANCTIONS -> subtype.kind() == Kind.ACTOR;
		};
	}

	/**
	 * @param value an identifier as written
	 * @return why it is not one of this scheme, or {@code null} when it is
	 */
	public String problem(String value) {
		boolean valid = switch (this) {
			case WIKIDATA -> QID.matcher(value).matches();
			case LEI -> LEI_FORM.matcher(value).matches() && mod97(value) == 1;
			case USCC -> value.length() == 18 && usccCheckCharacter(value) == value.charAt(17);
			case OPENSANCTIONS -> OPENSANCTIONS_ID.matcher(value).matches();
		};
		return valid ? null : "'" + value + "' is not " + this.form;
	}

	/**
	 * @param property a property or parameter name, case-insensitive
	 * @return the scheme, or {@code null} when none has that name
	 */
	public static ExternalId fromProperty(String property) {
		for (ExternalId id : values()) {
			if (id.property.equalsIgnoreCase(property)) {
				return id;
			}
		}
		return null;
	}

	/** ISO 7064 MOD 97-10 over letters as 10 to 35: a valid LEI leaves 1. */
	static int mod97(String value) {
		int remainder = 0;
		for (char c : value.toCharArray()) {
			int digit = Character.isDigit(c) ? c - '0' : c - 'A' + 10;
			remainder = (digit > 9) ? (remainder * 100 + digit) % 97 : (remainder * 10 + digit) % 97;
		}
		return remainder;
	}

	/**
	 * GB 32100-2015: the weights of positions 1 to 17 are 3^(i-1) mod 31; the check value is 31 minus the weighted
	 * sum mod 31 (31 becomes 0), written with the same character set.
	 * @return the check character the first 17 characters call for, or {@code 0} when one of them is not allowed
	 */
	static char usccCheckCharacter(String value) {
		String upper = value.toUpperCase(Locale.ROOT);
		if (!upper.equals(value)) {
			return 0;
		}
		int sum = 0;
		int weight = 1;
		for (int i = 0; i < 17; i++) {
			int digit = USCC_CHARACTERS.indexOf(value.charAt(i));
			if (digit < 0) {
				return 0;
			}
			sum += digit * weight;
			weight = (weight * 3) % 31;
		}
		int check = (31 - sum % 31) % 31;
		return USCC_CHARACTERS.charAt(check);
	}

}
