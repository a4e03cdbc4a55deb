package org.lodestone.ingest;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.lodestone.graph.CypherFragments;
import org.lodestone.graph.Kind;
import org.lodestone.graph.RelationshipType;
import org.neo4j.cypherdsl.core.Clauses;
import org.neo4j.cypherdsl.core.Condition;
import org.neo4j.cypherdsl.core.Cypher;
import org.neo4j.cypherdsl.core.Expression;
import org.neo4j.cypherdsl.core.MapExpression;
import org.neo4j.cypherdsl.core.Node;
import org.neo4j.cypherdsl.core.Relationship;
import org.neo4j.cypherdsl.core.Statement;
import org.neo4j.cypherdsl.core.SymbolicName;
import org.neo4j.cypherdsl.core.UpdatingClause;

/**
 * The importer's write and retract statements. Each shares the fragment that records versions
 * ({@link #recordVersion}) or retires them ({@link #retireVersion}), so they are built once with Cypher-DSL and
 * rendered into constants; the importer's fixed statements are {@code .cypher} files beside this class. Labels and
 * relationship types come from the {@link Kind} and {@link RelationshipType} enums, every value is a parameter, and
 * text from a file never becomes part of a query.
 */
final class ImportStatements {

	// Each row's outcome comes from MERGE itself: ON CREATE marks a new element with a property that the SET = below
	// removes again, in the same statement. A separate OPTIONAL MATCH for the old element cost a second lookup per row.
	private static final String CREATED_MARK = "lodestone_import_created";

	// Cypher-DSL 2025.2.7 renders a CALL importing more than two variables with stray separators after its brace (a
	// comma per import past the second, before the subquery's first clause), which Neo4j rejects. The variables are
	// our own constants; only those separators are dropped. Remove this when the library renders the scope clause.
	private static final Pattern STRAY_SEPARATORS = Pattern.compile("(CALL \\([a-z, ]+\\) \\{)[, ]*,(?=\\s)");

	private static final SymbolicName ROW = Cypher.name("row");

	private static final SymbolicName OUTCOME = Cypher.name("outcome");

	private static final SymbolicName BEFORE = Cypher.name("before");

	private static final Expression AT = Cypher.parameter("at");

	private static final Expression CHANGE = Cypher.parameter("change");

	private static final Expression OF = Cypher.parameter("of");

	private static final Expression ROW_KEY = Cypher.property(ROW, "key");

	private static final Expression ROW_PROPS = Cypher.property(ROW, "props");

	private static final Expression ROW_ENDS = Cypher.property(ROW, "ends");

	/** Sources: {@code $rows} (id, key, ends, props) merged on their ids, each row's outcome counted. */
	static final String WRITE_SOURCES;

	/**
	 * Entities: {@code $rows} (id, key, ends, props, labels) merged on their ids; the type labels of
	 * {@code $typeLabels} (every {@code Kind} and {@code Subtype} label) are replaced by the row's.
	 */
	static final String WRITE_ENTITIES;

	/** The entities of {@code $rows} (key), retracted with every relationship touching them. */
	static final String RETRACT_ENTITIES;

	/**
	 * One statement per relationship type, the type written from the enum, never from the file's text. A static type
	 * matters: Neo4j 5.26 plans MATCH and MERGE with a dynamic type, {@code $(row.type)}, as a scan of every
	 * relationship in the graph per row, which made imports quadratic (docs/benchmarks.md).
	 */
	static final Map<RelationshipType, String> WRITE_RELATIONSHIPS = new EnumMap<>(RelationshipType.class);

	/** The relationships of {@code $rows} (from, to, validFrom), one statement per type like the writes. */
	static final Map<RelationshipType, String> RETRACT_RELATIONSHIPS = new EnumMap<>(RelationshipType.class);

	static {
		Node source = Cypher.node(Kind.SOURCE.label()).named("s").withProperties("id", Cypher.property(ROW, "id"));
		WRITE_SOURCES = render(Cypher.unwind(Cypher.parameter("rows"))
			.as(ROW)
			.merge(source)
			.onCreate()
			.set(source.property(CREATED_MARK).to(Cypher.literalTrue()))
			.with(source.getRequiredSymbolicName(), ROW,
					outcome(source.property(CREATED_MARK), Cypher.properties(source).isEqualTo(ROW_PROPS)).as(OUTCOME),
					Cypher.properties(source).as(BEFORE))
			.set(source, ROW_PROPS)
			.with(ROW, OUTCOME, BEFORE)
			.call(recordVersion(), ROW, OUTCOME, BEFORE)
			.returning(OUTCOME, Cypher.count(Cypher.asterisk()).as("count"))
			.build());

		// Labels come from the Subtype and Kind enums (the importer's $typeLabels and the rows' labels), never from
		// the file's text.
		Node entity = Cypher.node("Entity").named("n").withProperties("id", Cypher.property(ROW, "id"));
		SymbolicName label = Cypher.name("label");
		Expression rowLabels = Cypher.property(ROW, "labels");
		Condition unchanged = Cypher.properties(entity)
			.isEqualTo(ROW_PROPS)
			.and(Cypher.all(label).in(rowLabels).where(label.in(Cypher.labels(entity))));
		WRITE_ENTITIES = render(Cypher.unwind(Cypher.parameter("rows"))
			.as(ROW)
			.merge(entity)
			.onCreate()
			.set(entity.property(CREATED_MARK).to(Cypher.literalTrue()))
			.with(entity.getRequiredSymbolicName(), ROW,
					outcome(entity.property(CREATED_MARK), unchanged).as(OUTCOME), Cypher.properties(entity).as(BEFORE))
			.set(entity, ROW_PROPS)
			.remove(entity, Cypher.allLabels(Cypher.parameter("typeLabels")))
			.set(entity, Cypher.allLabels(rowLabels))
			.with(ROW, OUTCOME, BEFORE)
			.call(recordVersion(), ROW, OUTCOME, BEFORE)
			.returning(OUTCOME, Cypher.count(Cypher.asterisk()).as("count"))
			.build());

		Node retracted = Cypher.node("Entity").named("n").withProperties("id", ROW_KEY);
		RETRACT_ENTITIES = render(Cypher.unwind(Cypher.parameter("rows"))
			.as(ROW)
			.match(retracted)
			.with(ROW, retracted.getRequiredSymbolicName(), Cypher.properties(retracted).as(BEFORE))
			.detachDelete(retracted)
			.with(ROW, BEFORE)
			.call(retireVersion(), ROW, BEFORE)
			.returning(Cypher.literalOf("retracted").as(OUTCOME), Cypher.count(Cypher.asterisk()).as("count"))
			.build());

		for (RelationshipType type : RelationshipType.values()) {
			WRITE_RELATIONSHIPS.put(type, writeRelationships(type));
			RETRACT_RELATIONSHIPS.put(type, retractRelationships(type));
		}
	}

	private ImportStatements() {
	}

	private static String writeRelationships(RelationshipType type) {
		Node a = Cypher.node("Entity").named("a").withProperties("id", Cypher.property(ROW, "from"));
		Node b = Cypher.node("Entity").named("b").withProperties("id", Cypher.property(ROW, "to"));
		Relationship merged = Cypher.anyNode("a").relationshipTo(Cypher.anyNode("b"), type.name()).named("r");
		if (type.keyedByPeriod()) {
			merged = merged.withProperties("validFrom", Cypher.property(ROW, "props", "validFrom"));
		}
		Expression mark = Cypher.property(merged.getRequiredSymbolicName(), CREATED_MARK);
		Expression properties = Cypher.properties(merged);
		return render(Cypher.unwind(Cypher.parameter("rows"))
			.as(ROW)
			.match(a)
			.match(b)
			.merge(merged)
			.onCreate()
			.set(Cypher.property(merged.getRequiredSymbolicName(), CREATED_MARK).to(Cypher.literalTrue()))
			.with(merged.getRequiredSymbolicName(), ROW,
					outcome(mark, properties.isEqualTo(ROW_PROPS)).as(OUTCOME), properties.as(BEFORE))
			.set(merged, ROW_PROPS)
			.with(ROW, OUTCOME, BEFORE)
			.call(recordVersion(), ROW, OUTCOME, BEFORE)
			.returning(OUTCOME, Cypher.count(Cypher.asterisk()).as("count"))
			.build());
	}

	private static String retractRelationships(RelationshipType type) {
		Node a = Cypher.node("Entity").withProperties("id", Cypher.property(ROW, "from"));
		Node b = Cypher.node("Entity").withProperties("id", Cypher.property(ROW, "to"));
		Relationship r = a.relationshipTo(b, type.name()).named("r");
		Expression validFrom = Cypher.property(ROW, "validFrom");
		return render(Cypher.unwind(Cypher.parameter("rows"))
			.as(ROW)
			.match(r)
			.where(validFrom.isNull().or(r.property("validFrom").isEqualTo(validFrom)))
			.with(ROW, r.getRequiredSymbolicName(), Cypher.properties(r).as(BEFORE))
			.delete(r.getRequiredSymbolicName())
			.with(ROW, BEFORE)
			.call(retireVersion(), ROW, BEFORE)
			.returning(Cypher.literalOf("retracted").as(OUTCOME), Cypher.count(Cypher.asterisk()).as("count"))
			.build());
	}

	// 'created' when MERGE just marked the element, 'unchanged' when it already held the row, else 'updated'.
	private static Expression outcome(Expression createdMark, Condition unchanged) {
		return Cypher.caseExpression()
			.when(createdMark.isNotNull())
			.then(Cypher.literalOf("created"))
			.when(unchanged)
			.then(Cypher.literalOf("unchanged"))
			.elseDefault(Cypher.literalOf("updated"));
	}

	/**
	 * History (docs/architecture.md, "Recorded history"): the current graph stays as it always was, and every version
	 * of an element is also a :Version node beside it, linked to nothing, so no query of the current graph, in the
	 * application or in Browser, ever meets one. A row that adds or corrects an element closes the element's open
	 * version (supersededAt) and opens a new one (recordedAt); an element stored before history was kept (the offline
	 * first-start load) gets its old version written first, without a recordedAt. Unchanged rows write nothing.
	 * @return the subquery, called with {@code row}, {@code outcome} and {@code before}
	 */
	private static Statement recordVersion() {
		SymbolicName opens = Cypher.name("opens");
		Node v = Cypher.node("Version").named("v");
		Expression recordedAs = Cypher.caseExpression(OUTCOME)
			.when(Cypher.literalOf("created"))
			.then(Cypher.literalOf("added"))
			.elseDefault(Cypher.literalOf("corrected"));
		return Cypher.with(Cypher.asterisk())
			.where(OUTCOME.isNotEqualTo(Cypher.literalOf("unchanged")))
			.optionalMatch(openVersion())
			.where(Cypher.property(Cypher.name("open"), "supersededAt").isNull())
			.with(ROW, OUTCOME, BEFORE, Cypher.collect(Cypher.name("open")).as(opens))
			.foreach(Cypher.name("o"))
			.in(opens)
			.apply(closeVersion("corrected"))
			.foreach(Cypher.name("_"))
			.in(onlyWhen(OUTCOME
				.isEqualTo(Cypher.literalOf("updated"))
				.and(Cypher.size(opens).isEqualTo(Cypher.literalOf(0)))))
			.apply(writeOldVersion("corrected"))
			.create(v)
			.set(Cypher.set(v.getRequiredSymbolicName(), ROW_PROPS),
					Cypher.mutate(v.getRequiredSymbolicName(), ROW_ENDS),
					Cypher.mutate(v.getRequiredSymbolicName(),
							Cypher.mapOf("id", Cypher.concat(Cypher.concat(CHANGE, Cypher.literalOf("/")), ROW_KEY),
									"element", ROW_KEY, "of", OF, "recordedAt", AT, "changeId", CHANGE, "recordedAs",
									recordedAs)))
			.build();
	}

	/**
	 * A retracted element leaves the current graph; its open version is closed as retracted, so the history still
	 * says what the graph said until then.
	 * @return the subquery, called with {@code row} and {@code before}
	 */
	private static Statement retireVersion() {
		SymbolicName opens = Cypher.name("opens");
		return Cypher.optionalMatch(openVersion())
			.where(Cypher.property(Cypher.name("open"), "supersededAt").isNull())
			.with(ROW, BEFORE, Cypher.collect(Cypher.name("open")).as(opens))
			.foreach(Cypher.name("o"))
			.in(opens)
			.apply(closeVersion("retracted"))
			.foreach(Cypher.name("_"))
			.in(onlyWhen(Cypher.size(opens).isEqualTo(Cypher.literalOf(0))))
			.apply(writeOldVersion("retracted"))
			.build();
	}

	// The element's open version: the one not yet superseded.
	private static Node openVersion() {
		return Cypher.node("Version").named("open").withProperties("element", ROW_KEY);
	}

	private static UpdatingClause closeVersion(String endedBy) {
		SymbolicName o = Cypher.name("o");
		return (UpdatingClause) Clauses.set(List.of(Cypher.property(o, "supersededAt").to(AT),
				Cypher.property(o, "supersededBy").to(CHANGE),
				Cypher.property(o, "endedBy").to(Cypher.literalOf(endedBy))));
	}

	// The version an element had before history was kept, written when it is first corrected or retracted.
	private static UpdatingClause[] writeOldVersion(String endedBy) {
		Node old = Cypher.node("Version").named("old");
		SymbolicName name = old.getRequiredSymbolicName();
		MapExpression ends = Cypher.mapOf("id",
				Cypher.concat(Cypher.concat(CHANGE, Cypher.literalOf("/before/")), ROW_KEY), "element", ROW_KEY, "of",
				OF, "supersededAt", AT, "supersededBy", CHANGE, "endedBy", Cypher.literalOf(endedBy));
		return new UpdatingClause[] { (UpdatingClause) Clauses.create(List.of(old)), (UpdatingClause) Clauses
			.set(List.of(Cypher.set(name, BEFORE), Cypher.mutate(name, ROW_ENDS), Cypher.mutate(name, ends))) };
	}

	// FOREACH over this runs its clauses once when the condition holds, else never.
	private static Expression onlyWhen(Condition condition) {
		return Cypher.caseExpression()
			.when(condition)
			.then(Cypher.listOf(Cypher.literalOf(1)))
			.elseDefault(Cypher.listOf());
	}

	private static String render(Statement statement) {
		return STRAY_SEPARATORS.matcher(CypherFragments.render(statement)).replaceAll("$1");
	}

}
