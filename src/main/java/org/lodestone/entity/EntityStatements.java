package org.lodestone.entity;

import java.util.EnumMap;
import java.util.Map;

import org.lodestone.graph.CypherFragments;
import org.lodestone.graph.ExternalId;
import org.lodestone.neo4j.CypherResources;
import org.neo4j.cypherdsl.core.Condition;
import org.neo4j.cypherdsl.core.Cypher;
import org.neo4j.cypherdsl.core.Expression;
import org.neo4j.cypherdsl.core.Node;
import org.neo4j.cypherdsl.core.Relationship;
import org.neo4j.cypherdsl.core.SymbolicName;

/**
 * The statements of {@link EntityService}. Those that share fragments with other features ({@link CypherFragments})
 * are built once with Cypher-DSL; the one that shares nothing is fixed text in {@code details.cypher} beside this
 * class. Every value is a parameter.
 */
final class EntityStatements {

	private static final Node N = Cypher.node("Entity").named("n");

	private static final SymbolicName NAME = N.getRequiredSymbolicName();

	/** Full-text search ({@code $lucene}), optionally of one kind or subtype ({@code $kind}), {@code $limit} rows. */
	static final String SEARCH = CypherFragments.render(Cypher.call("db.index.fulltext.queryNodes")
		.withArgs(Cypher.literalOf("entity_search"), Cypher.parameter("lucene"))
		.yield(Cypher.name("node"), Cypher.name("score"))
		.with(Cypher.name("node").as("n"), Cypher.name("score"))
		.where(ofKind())
		.returning(CypherFragments.entityMatch(NAME).as("entity"), Cypher.name("score"))
		.orderBy(Cypher.name("score").descending(), N.property("id").ascending())
		.limit(Cypher.parameter("limit"))
		.build());

	/** The entity whose id is {@code $text}: an index seek, tried first since an id outranks any name or alias. */
	static final String BY_ID = CypherFragments.render(Cypher
		.match(Cypher.node("Entity").named("n").withProperties("id", Cypher.parameter("text")))
		.returning(CypherFragments.entityMatch(NAME).as("entity"), Cypher.literalOf(2).as("exactness"))
		.build());

	/** Entities whose id, name or an alias is {@code $text}, ignoring case: a scan, so resolution tries BY_ID first. */
	static final String EXACT;

	/**
	 * Entities whose name or an alias is {@code $text}, ignoring case, among the index's candidates for
	 * {@code $lucene} ({@link LuceneQuery#allWords}): an index lookup instead of EXACT's scan.
	 */
	static final String EXACT_INDEXED;

	/** How many index candidates EXACT_INDEXED compares. */
	static final int CANDIDATES = 1_000;

	/** Entities by name, optionally of one kind or subtype. */
	static final String LIST = CypherFragments.render(Cypher.match(N)
		.where(ofKind())
		.returning(CypherFragments.entityMatch(NAME).as("entity"), Cypher.literalOf(0.0).as("score"))
		.orderBy(N.property("name").ascending(), N.property("id").ascending())
		.limit(Cypher.parameter("limit"))
		.build());

	/**
	 * The entity another dataset's identifier ({@code $value}) names, optionally of one kind or subtype, one statement
	 * per scheme: the property comes from the {@link ExternalId} enum, so each is an index seek on
	 * {@code entity_<property>}.
	 */
	static final Map<ExternalId, String> BY_IDENTIFIER;

	static {
		Map<ExternalId, String> byIdentifier = new EnumMap<>(ExternalId.class);
		for (ExternalId scheme : ExternalId.values()) {
			Node carrier = Cypher.node("Entity").named("n").withProperties(scheme.property(), Cypher.parameter("value"));
			byIdentifier.put(scheme, CypherFragments.render(Cypher.match(carrier)
				.where(ofKind())
				.returning(CypherFragments.entityMatch(NAME).as("entity"), Cypher.literalOf(200.0).as("score"))
				.orderBy(N.property("id").ascending())
				.build()));
		}
		BY_IDENTIFIER = Map.copyOf(byIdentifier);
	}

	/** An entity's properties, degree and every source it and its relationships cite. */
	static final String DETAILS = CypherResources.load(EntityStatements.class, "details.cypher");

	/**
	 * One breadth-first step: the relationships from {@code $frontier} to other entities, of {@code $types} (all when
	 * empty), that held on {@code $asOf}, at most {@code $cap}.
	 */
	static final String NEIGHBOURS;

	/** An entity, every relationship touching it, and the measures it touches. */
	static final String TIMELINE;

	static {
		Expression text = Cypher.parameter("text");
		SymbolicName alias = Cypher.name("alias");
		Condition idMatches = N.property("id").isEqualTo(text);
		EXACT = CypherFragments.render(Cypher.match(N)
			.where(idMatches.or(Cypher.toLower(N.property("name")).isEqualTo(Cypher.toLower(text)))
				.or(Cypher.any(alias)
					.in(Cypher.coalesce(N.property("aliases"), Cypher.listOf()))
					.where(Cypher.toLower(alias).isEqualTo(Cypher.toLower(text)))))
			.returning(CypherFragments.entityMatch(NAME).as("entity"),
					Cypher.caseExpression()
						.when(idMatches)
						.then(Cypher.literalOf(2))
						.elseDefault(Cypher.literalOf(1))
						.as("exactness"))
			.orderBy(Cypher.name("exactness").descending(), N.property("id").ascending())
			.build());

		EXACT_INDEXED = CypherFragments.render(Cypher.call("db.index.fulltext.queryNodes")
			.withArgs(Cypher.literalOf("entity_search"), Cypher.parameter("lucene"),
					Cypher.mapOf("limit", Cypher.literalOf(CANDIDATES)))
			.yield(Cypher.name("node"))
			.with(Cypher.name("node").as("n"))
			.where(Cypher.toLower(N.property("name")).isEqualTo(Cypher.toLower(text))
				.or(Cypher.any(alias)
					.in(Cypher.coalesce(N.property("aliases"), Cypher.listOf()))
					.where(Cypher.toLower(alias).isEqualTo(Cypher.toLower(text)))))
			.returning(CypherFragments.entityMatch(NAME).as("entity"), Cypher.literalOf(1).as("exactness"))
			.orderBy(N.property("id").ascending())
			.build());

		Node m = Cypher.node("Entity").named("m");
		Relationship r = N.relationshipBetween(m).named("r");
		SymbolicName rName = r.getRequiredSymbolicName();
		Expression types = Cypher.parameter("types");
		NEIGHBOURS = CypherFragments.render(Cypher.match(r)
			.where(N.property("id").in(Cypher.parameter("frontier"))
				.and(Cypher.size(types).isEqualTo(Cypher.literalOf(0)).or(Cypher.type(r).in(types)))
				.and(CypherFragments.heldOnAsOf(rName)))
			.withDistinct(r, m)
			.orderBy(m.property("id").ascending(), Cypher.type(r).ascending())
			.limit(Cypher.parameter("cap"))
			.returning(CypherFragments.link(rName).as("link"))
			.build());

		Node one = Cypher.node("Entity").named("n").withProperties("id", Cypher.parameter("id"));
		Relationship touching = Cypher.anyNode(NAME).relationshipBetween(Cypher.node("Entity")).named("r");
		Node measure = Cypher.node("Policy").named("m");
		TIMELINE = CypherFragments.render(Cypher.match(one)
			.optionalMatch(touching)
			.with(NAME, Cypher.collect(CypherFragments.link(rName)).as("links"))
			.returning(Cypher.properties(Cypher.anyNode(NAME)).as("props"), Cypher.name("links"),
					Cypher.collect(Cypher.match(Cypher.anyNode(NAME).relationshipBetween(measure))
						.returningDistinct(Cypher.properties(measure))
						.build()).as("measures"))
			.build());
	}

	private EntityStatements() {
	}

	private static Condition ofKind() {
		Expression kind = Cypher.parameter("kind");
		return kind.isNull().or(N.property("kind").isEqualTo(kind)).or(N.property("subtype").isEqualTo(kind));
	}

}
