package org.lodestone.graph;

/**
 * The precise type of an entity node. The subtype decides the kind and the id prefix; both subtype and kind are
 * Neo4j labels on the node.
 */
public enum Subtype {

	STATE(Kind.ACTOR, "State", "state"),
	AGENCY(Kind.ACTOR, "Agency", "agency"),
	COMPANY(Kind.ACTOR, "Company", "company"),
	PERSON(Kind.ACTOR, "Person", "person"),
	LEGISLATURE(Kind.ACTOR, "Legislature", "legislature"),
	BLOC(Kind.ACTOR, "Bloc", "bloc"),
	CHIP(Kind.PRODUCT, "Chip", "product"),
	SOFTWARE(Kind.PRODUCT, "Software", "product"),
	COMPONENT(Kind.PRODUCT, "Component", "product"),
	END_USE(Kind.PRODUCT, "EndUse", "product"),
	ELEMENT(Kind.MINERAL, "Element", "mineral"),
	MATERIAL(Kind.MINERAL, "Material", "mineral"),
	EXPORT_CONTROL(Kind.POLICY, "ExportControl", "policy"),
	LICENCE(Kind.POLICY, "Licence", "policy"),
	BAN(Kind.POLICY, "Ban", "policy"),
	TRADE_DEAL(Kind.POLICY, "TradeDeal", "policy"),
	CONCESSION(Kind.POLICY, "Concession", "policy"),
	TARIFF(Kind.POLICY, "Tariff", "policy"),
	INVESTMENT(Kind.POLICY, "Investment", "policy"),
	LINKAGE(Kind.LINKAGE, "Linkage", "linkage");

	private final Kind kind;

	private final String label;

	private final String idPrefix;

	Subtype(Kind kind, String label, String idPrefix) {
		this.kind = kind;
		this.label = label;
		this.idPrefix = idPrefix;
	}

	/**
	 * @return the kind this subtype belongs to
	 */
	public Kind kind() {
		return this.kind;
	}

	/**
	 * @return the Neo4j label, also the name used in data files and the API
	 */
	public String label() {
		return this.label;
	}

	/**
	 * @return the prefix every id of this subtype starts with, before the colon
	 */
	public String idPrefix() {
		return this.idPrefix;
	}

	/**
	 * @param label a subtype's label, case-insensitive
	 * @return the subtype, or {@code null} when none has that label
	 */
	public static Subtype fromLabel(String label) {
		for (Subtype subtype : values()) {
			if (subtype.label.equalsIgnoreCase(label)) {
				return subtype;
			}
		}
		return null;
	}

}
