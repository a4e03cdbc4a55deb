package org.lodestone.history;

import org.lodestone.graph.CypherFragments;
import org.neo4j.cypherdsl.core.Condition;
import org.neo4j.cypherdsl.core.Cypher;
import org.neo4j.cypherdsl.core.Expression;
import org.neo4j.cypherdsl.core.Node;
import org.neo4j.cypherdsl.core.Relationship;
import org.neo4j.cypherdsl.core.Statement;
import org.neo4j.cypherdsl.core.SymbolicName;

/**
 * The reads of {@link HistoryService} that share fragments: a relationship's stable id ({@link #edgeId}) and the
 * sources a version cites ({@link #sourcesOf}), built once with Cypher-DSL and rendered into constants. The read
 * that shares nothing (hops at an instant) is {@code hops-at.cypher} beside this class.
 */
final class HistoryStatements {

	private static final Expression ID = Cypher.parameter("id");

	private static final Expression KNOWN_AT = Cypher.parameter("knownAt");

	private static final SymbolicName PROPS = Cypher.name("props");

	/** One entity's versions and those of its relationships ({@code $id}, {@code $periodTypes}, {@code $cap}). */
	static final String HISTORY;

	/** The graph's word at {@code $knownAt}: the version open then, or, without any version, the current one. */
	static final String KNOWN_AT_STATEMENT;

	/**
	 * Every element's change since {@code $since}, newest first, {@code $offset} and {@code $limit} a page: a version
	 * recorded (added or corrected, with the version it replaced), or a version retracted. With {@code $ids}, only
	 * those of these entities and their relationships; with {@code $elements}, only those of these elements.
	 */
	static final String CHANGES;

	static {
		Node v = Cypher.node("Version").named("v");
		Condition touches = v.property("element")
			.isEqualTo(ID)
			.or(v.property("from").isEqualTo(ID))
			.or(v.property("to").isEqualTo(ID));
		Statement recorded = Cypher.match(v).where(touches).returning(Cypher.properties(v).as(PROPS)).build();
		HISTORY = render(versionsThen(Cypher.unionAll(recorded, current(true), currentRelationships(true)))
			.orderBy(Cypher.property(PROPS, "recordedAt").isNotNull().ascending(),
					Cypher.property(PROPS, "recordedAt").ascending(),
					Cypher.property(PROPS, "supersededAt").isNull().ascending(),
					Cypher.property(PROPS, "supersededAt").ascending(), Cypher.property(PROPS, "element").ascending())
			.limit(Cypher.parameter("cap")));

		Node w = Cypher.node("Version").named("v");
		Condition touchesThen = w.property("element")
			.isEqualTo(ID)
			.or(w.property("from").isEqualTo(ID))
			.or(w.property("to").isEqualTo(ID))
			.and(w.property("recordedAt").isNull().or(w.property("recordedAt").lte(KNOWN_AT)))
			.and(w.property("supersededAt").isNull().or(w.property("supersededAt").gt(KNOWN_AT)));
		Statement known = Cypher.match(w).where(touchesThen).returning(Cypher.properties(w).as(PROPS)).build();
		KNOWN_AT_STATEMENT = render(versionsThen(Cypher.unionAll(known, current(false), currentRelationships(false)))
			.orderBy(Cypher.property(PROPS, "element").ascending())
			.limit(Cypher.parameter("cap")));
	}

	static {
		Expression since = Cypher.parameter("since");
		Node v = Cypher.node("Version").named("v");
		Node replaced = Cypher.node("Version")
			.named("b")
			.withProperties("element", v.property("element"), "supersededBy", v.property("changeId"));
		Statement recorded = Cypher.match(v)
			.where(v.property("recordedAt").gte(since).and(watched(v)).and(among(v)))
			.optionalMatch(replaced)
			.returning(v.property("changeId").as("changeId"), v.property("recordedAt").as("at"),
					v.property("element").as("element"), v.property("of").as("of"), v.property("recordedAs").as("what"),
					Cypher.properties(replaced).as("before"), Cypher.properties(v).as("after"))
			.build();
		Node b = Cypher.node("Version").named("b");
		Statement retracted = Cypher.match(b)
			.where(b.property("supersededAt")
				.gte(since)
				.and(b.property("endedBy").isEqualTo(Cypher.literalOf("retracted")))
				.and(watched(b))
				.and(among(b)))
			.returning(b.property("supersededBy").as("changeId"), b.property("supersededAt").as("at"),
					b.property("element").as("element"), b.property("of").as("of"),
					Cypher.literalOf("retracted").as("what"), Cypher.properties(b).as("before"),
					Cypher.literalNull().as("after"))
			.build();
		SymbolicName changeId = Cypher.name("changeId");
		SymbolicName at = Cypher.name("at");
		SymbolicName element = Cypher.name("element");
		SymbolicName of = Cypher.name("of");
		SymbolicName what = Cypher.name("what");
		SymbolicName before = Cypher.name("before");
		SymbolicName after = Cypher.name("after");
		Node c = Cypher.node("Change").named("c").withProperties("id", changeId);
		Expression cited = Cypher.add(Cypher.coalesce(Cypher.property(before, "sources"), Cypher.listOf()),
				Cypher.coalesce(Cypher.property(after, "sources"), Cypher.listOf()));
		CHANGES = render(Cypher.call(Cypher.unionAll(recorded, retracted))
			.with(changeId, at, element, of, what, before, after)
			.orderBy(at.descending(), element.ascending())
			.skip(Cypher.parameter("offset"))
			.limit(Cypher.parameter("limit"))
			.optionalMatch(c)
			.returning(changeId, at, element, of, what, before, after, c.property("by").as("by"),
					c.property("reason").as("reason"), sourcesOf(cited).as("sources"))
			.orderBy(at.descending(), element.ascending())
			.build());
	}

	private HistoryStatements() {
	}

	// Only the versions of the watched entities ($ids) and their relationships, when there is a watch list.
	private static Condition watched(Node v) {
		Expression ids = Cypher.parameter("ids");
		return ids.isNull()
			.or(v.property("element").in(ids))
			.or(v.property("from").in(ids))
			.or(v.property("to").in(ids));
	}

	// Only the versions of these elements ($elements), when there is a list.
	private static Condition among(Node v) {
		Expression elements = Cypher.parameter("elements");
		return elements.isNull().or(v.property("element").in(elements));
	}


	/**
	 * A relationship's stable id as {@code RelationshipType.edgeId} writes it; the types keyed by period come as
	 * {@code $periodTypes}, from the enum.
	 * @param r the relationship
	 * @return the id expression
	 */
	static Expression edgeId(SymbolicName r) {
		Expression type = function("type", r);
		Expression ends = Cypher.concat(Cypher.concat(Cypher.concat(Cypher.concat(
				Cypher.property(function("startNode", r), "id"), Cypher.literalOf("|")), type), Cypher.literalOf("|")),
				Cypher.property(function("endNode", r), "id"));
		return Cypher.concat(ends, Cypher.caseExpression()
			.when(type.in(Cypher.parameter("periodTypes")))
			.then(Cypher.concat(Cypher.literalOf("|"), function("toString", Cypher.property(r, "validFrom"))))
			.elseDefault(Cypher.literalOf("")));
	}

	/**
	 * The sources whose ids are in a list, newest first.
	 * @param ids the list of ids
	 * @return the collecting subquery
	 */
	static Expression sourcesOf(Expression ids) {
		Node src = Cypher.node("Source").named("src");
		return Cypher.collect(Cypher.match(src)
			.where(src.property("id").in(ids))
			.returning(Cypher.properties(src))
			.orderBy(src.property("date").descending(), src.property("id").ascending())
			.build());
	}

	// An entity's current word, when it has no open version (onlyOpen) or no version at all.
	private static Statement current(boolean onlyOpen) {
		Node e = Cypher.node("Entity").named("e").withProperties("id", ID);
		Node v = Cypher.node("Version").named("v").withProperties("element", ID);
		return Cypher.match(e)
			.where(noVersion(v, onlyOpen))
			.returning(e.project(Cypher.asterisk(), "element", e.property("id"), "of", Cypher.literalOf("entity"))
				.as(PROPS))
			.build();
	}

	// The current word of the relationships touching the entity, when they have no open version or none at all.
	private static Statement currentRelationships(boolean onlyOpen) {
		Node e = Cypher.node("Entity").named("e").withProperties("id", ID);
		Relationship r = e.relationshipBetween(Cypher.node("Entity")).named("r");
		SymbolicName rName = r.getRequiredSymbolicName();
		SymbolicName key = Cypher.name("key");
		Node v = Cypher.node("Version").named("v").withProperties("element", key);
		return Cypher.match(r)
			.with(rName, edgeId(rName).as(key))
			.where(noVersion(v, onlyOpen))
			.returning(r.project(Cypher.asterisk(), "element", key, "of", Cypher.literalOf("relationship"), "from",
					Cypher.property(function("startNode", rName), "id"), "type", Cypher.type(r), "to",
					Cypher.property(function("endNode", rName), "id"))
				.as(PROPS))
			.build();
	}

	private static Condition noVersion(Node v, boolean onlyOpen) {
		return (onlyOpen ? Cypher.match(v).where(v.property("supersededAt").isNull()) : Cypher.match(v)).asCondition()
			.not();
	}

	// The union's versions, then (after the caller's order and limit) who recorded and superseded each, and the
	// sources it cites.
	private static VersionsStep versionsThen(Statement union) {
		return new VersionsStep(union);
	}

	private static Expression function(String name, Expression argument) {
		return Cypher.call(name).withArgs(argument).asFunction();
	}

	private static String render(Statement statement) {
		return CypherFragments.render(statement);
	}

	private static String render(VersionsStep step) {
		return render(step.build());
	}

	private static final class VersionsStep {

		private final Statement union;

		private org.neo4j.cypherdsl.core.SortItem[] order;

		private Expression limit;

		VersionsStep(Statement union) {
			this.union = union;
		}

		VersionsStep orderBy(org.neo4j.cypherdsl.core.SortItem... items) {
			this.order = items;
			return this;
		}

		VersionsStep limit(Expression cap) {
			this.limit = cap;
			return this;
		}

		Statement build() {
			Node c = Cypher.node("Change").named("c").withProperties("id", Cypher.property(PROPS, "changeId"));
			Node s = Cypher.node("Change").named("s").withProperties("id", Cypher.property(PROPS, "supersededBy"));
			return Cypher.call(this.union)
				.with(PROPS)
				.orderBy(this.order)
				.limit(this.limit)
				.optionalMatch(c)
				.optionalMatch(s)
				.returning(PROPS, c.project("id", "at", "by", "reason").as("recorded"),
						s.project("id", "at", "by", "reason").as("superseded"),
						sourcesOf(Cypher.coalesce(Cypher.property(PROPS, "sources"), Cypher.listOf())).as("sources"))
				.build();
		}

	}

}
