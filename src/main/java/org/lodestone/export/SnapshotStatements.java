package org.lodestone.export;

import org.lodestone.graph.CypherFragments;
import org.lodestone.neo4j.CypherResources;
import org.neo4j.cypherdsl.core.Cypher;
import org.neo4j.cypherdsl.core.Expression;
import org.neo4j.cypherdsl.core.Node;
import org.neo4j.cypherdsl.core.Relationship;
import org.neo4j.cypherdsl.core.Statement;
import org.neo4j.cypherdsl.core.SymbolicName;

/**
 * The statements of {@link StoredGraphSnapshot}. The whole graph's relationships and their count must agree on which
 * relationships held on {@code $asOf} ({@link CypherFragments#heldOnAsOf}), and a selection's sources and their count
 * on which sources it cites, so those are built with Cypher-DSL from one definition each; the rest is fixed text in
 * {@code .cypher} files beside this class.
 * <p>
 * Every id is unique and indexed, so "WHERE id IS NOT NULL ... ORDER BY id" reads the index in order: the engine
 * streams instead of sorting the whole label first (docs/benchmarks.md, export heap).
 */
final class SnapshotStatements {

	static final String ALL_SOURCES = CypherResources.load(SnapshotStatements.class, "all-sources.cypher");

	static final String ALL_ENTITIES = CypherResources.load(SnapshotStatements.class, "all-entities.cypher");

	static final String SELECTED_ENTITIES = CypherResources.load(SnapshotStatements.class, "selected-entities.cypher");

	static final String SELECTED_EDGES = CypherResources.load(SnapshotStatements.class, "selected-edges.cypher");

	/**
	 * Every relationship that held on {@code $asOf} (all without it): start nodes in index order, each one's
	 * relationships sorted on their own, which gives the order of sorting every relationship by (from, type, to,
	 * validFrom) without holding them all in the engine's memory at once. validFrom orders the supply shares a pair
	 * holds once per year.
	 */
	static final String ALL_EDGES;

	/** How many elements the whole-graph export writes: nodes from the count store, edges as ALL_EDGES reads them. */
	static final String COUNT_ALL;

	/** The sources a selection ({@code $ids}, {@code $edges}) cites, through its entities and its relationships. */
	static final String SELECTED_SOURCES;

	/** How many sources SELECTED_SOURCES returns. */
	static final String COUNT_SELECTED_SOURCES;

	static {
		Node a = Cypher.node("Entity").named("a");
		Node b = Cypher.node("Entity").named("b");
		Relationship r = a.relationshipTo(b).named("r");
		SymbolicName rName = r.getRequiredSymbolicName();
		Statement edgesOfA = Cypher.match(r)
			.where(CypherFragments.heldOnAsOf(rName))
			.returning(Cypher.type(r).as("type"), b.property("id").as("to"), Cypher.properties(r).as("props"))
			.orderBy(Cypher.name("type").ascending(), Cypher.name("to").ascending(),
					Cypher.property(Cypher.name("props"), "validFrom").ascending())
			.build();
		ALL_EDGES = CypherFragments.render(Cypher.match(a)
			.where(a.property("id").isNotNull())
			.call(edgesOfA, a)
			.returning(a.property("id").as("from"), Cypher.name("type"), Cypher.name("to"), Cypher.name("props"))
			.orderBy(Cypher.name("from").ascending())
			.build());

		Node source = Cypher.node("Source").named("s");
		Node entity = Cypher.node("Entity").named("n");
		Relationship counted = Cypher.node("Entity").relationshipTo(Cypher.node("Entity")).named("r");
		COUNT_ALL = CypherFragments.render(Cypher
			.call(Cypher.match(source).returning(Cypher.count(source).as("sources")).build())
			.call(Cypher.match(entity).returning(Cypher.count(entity).as("entities")).build())
			.call(Cypher.match(counted)
				.where(CypherFragments.heldOnAsOf(rName))
				.returning(Cypher.count(counted.getRequiredSymbolicName()).as("edges"))
				.build())
			.returning(Cypher.name("sources").add(Cypher.name("entities")).add(Cypher.name("edges")).as("elements"))
			.build());

		SymbolicName id = Cypher.name("id");
		SymbolicName sid = Cypher.name("sid");
		SymbolicName e = Cypher.name("e");
		Node byId = Cypher.node("Entity").named("n").withProperties("id", id);
		Statement ofEntities = Cypher.unwind(Cypher.parameter("ids"))
			.as(id)
			.match(byId)
			.unwind(Cypher.coalesce(byId.property("sources"), Cypher.listOf()))
			.as(sid)
			.returning(sid)
			.build();
		Relationship edge = Cypher.node("Entity")
			.withProperties("id", Cypher.property(e, "from"))
			.relationshipTo(Cypher.node("Entity").withProperties("id", Cypher.property(e, "to")))
			.named("r");
		Statement ofEdges = Cypher.unwind(Cypher.parameter("edges"))
			.as(e)
			.match(edge)
			.where(Cypher.type(edge).isEqualTo(Cypher.property(e, "type")))
			.unwind(Cypher.coalesce(edge.property("sources"), Cypher.listOf()))
			.as(sid)
			.returning(sid)
			.build();
		Node cited = Cypher.node("Source").named("s").withProperties("id", sid);
		Expression citedSource = cited.getRequiredSymbolicName();
		SELECTED_SOURCES = CypherFragments.render(Cypher.call(Cypher.union(ofEntities, ofEdges))
			.match(cited)
			.returning(Cypher.properties(cited).as("props"), Cypher.labels(cited).as("labels"))
			.orderBy(cited.property("id").ascending())
			.build());
		COUNT_SELECTED_SOURCES = CypherFragments.render(Cypher.call(Cypher.union(ofEntities, ofEdges))
			.match(cited)
			.returning(Cypher.countDistinct(citedSource).as("elements"))
			.build());
	}

	private SnapshotStatements() {
	}

}
