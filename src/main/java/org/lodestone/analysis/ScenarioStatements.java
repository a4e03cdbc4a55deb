package org.lodestone.analysis;

import org.lodestone.graph.CypherFragments;
import org.lodestone.graph.Kind;
import org.lodestone.graph.RelationshipType;
import org.neo4j.cypherdsl.core.Cypher;
import org.neo4j.cypherdsl.core.Expression;
import org.neo4j.cypherdsl.core.NamedPath;
import org.neo4j.cypherdsl.core.Node;
import org.neo4j.cypherdsl.core.Relationship;
import org.neo4j.cypherdsl.core.SymbolicName;

/**
 * The statements of {@link WhatIfScenarios}, built once with Cypher-DSL from the shared fragments (every hop as
 * {@link CypherFragments#link}, dates as {@link CypherFragments#heldOnAsOf}); labels and types come from the ontology's
 * enums, every value is a parameter.
 */
final class ScenarioStatements {

	private static final Expression MEASURES = Cypher.parameter("measures");

	/** What the lifted measures ({@code $measures}) licensed or covered, by {@code $asOf} when given. */
	static final String LICENSED;

	/** What the other sides of the linkages the lifted measures are tied to licensed or covered. */
	static final String LINKED;

	/** Where the items ({@code $items}) go downstream along USED_IN, the shortest way to each, held on $asOf. */
	static final String DOWNSTREAM;

	/** Who produces or supplies the affected items ({@code $affected}), held on $asOf. */
	static final String ACTORS;

	/** The actors the lifted measures target. */
	static final String TARGETS;

	static {
		Node measure = policy("m");
		Node item = entity("item");
		Relationship licensed = measure.relationshipTo(item, types(RelationshipType.LICENSED_FOR, RelationshipType.COVERS))
			.named("r");
		SymbolicName r = licensed.getRequiredSymbolicName();
		Expression asOf = CypherFragments.AS_OF;
		LICENSED = CypherFragments.render(Cypher.match(licensed)
			.where(measure.property("id").in(MEASURES)
				.and(asOf.isNull().or(licensed.property("validFrom").lte(asOf))))
			.returning(item.property("id").as("item"), Cypher.listOf(CypherFragments.link(r)).as("hops"))
			.build());

		Node linkage = Cypher.node(Kind.LINKAGE.label()).named("l");
		Node other = policy("other");
		Relationship t = linkage.relationshipTo(measure, RelationshipType.TIES.name()).named("t");
		Relationship u = linkage.relationshipTo(other, RelationshipType.TIES.name()).named("u");
		Relationship c = Cypher.anyNode("other")
			.relationshipTo(item, types(RelationshipType.LICENSED_FOR, RelationshipType.COVERS))
			.named("c");
		SymbolicName rels = Cypher.name("rels");
		LINKED = CypherFragments.render(Cypher.match(t, u)
			.where(measure.property("id").in(MEASURES)
				.and(Cypher.anyNode("other").isNotEqualTo(Cypher.anyNode("m")))
				.and(other.property("id").in(MEASURES).not()))
			.match(c)
			.with(item.getRequiredSymbolicName(), Cypher.listOf(t.getRequiredSymbolicName(), u.getRequiredSymbolicName(),
					c.getRequiredSymbolicName()).as("rels"))
			.returning(item.property("id").as("item"),
					Cypher.listWith(r).in(rels).returning(CypherFragments.link(r)).as("hops"))
			.build());

		Node start = entity("start");
		Node reached = entity("reached");
		NamedPath p = Cypher.path("p")
			.definedBy(start.relationshipTo(reached, RelationshipType.USED_IN.name())
				.length(1, WhatIfScenarios.MAX_STEPS));
		SymbolicName x = Cypher.name("x");
		SymbolicName pName = p.getRequiredSymbolicName();
		DOWNSTREAM = CypherFragments.render(Cypher.match(p)
			.where(start.property("id").in(Cypher.parameter("items"))
				.and(Cypher.all(x).in(Cypher.relationships(p)).where(CypherFragments.heldOnAsOf(x))))
			.with(start.getRequiredSymbolicName(), reached.getRequiredSymbolicName(), pName)
			.orderBy(Cypher.length(p).ascending(), reached.property("id").ascending())
			.with(start.getRequiredSymbolicName(), reached.getRequiredSymbolicName(),
					Cypher.head(Cypher.collect(pName)).as("p"))
			.returning(start.property("id").as("item"), Cypher.properties(reached).as("reached"),
					Cypher.listWith(r).in(Cypher.relationships(pName)).returning(CypherFragments.link(r)).as("hops"))
			.build());

		Node actor = Cypher.node(Kind.ACTOR.label()).named("a");
		Node affected = entity("y");
		Relationship supplies = actor.relationshipTo(affected, types(RelationshipType.PRODUCES, RelationshipType.SUPPLIES))
			.named("r");
		ACTORS = CypherFragments.render(Cypher.match(supplies)
			.where(affected.property("id").in(Cypher.parameter("affected")).and(CypherFragments.heldOnAsOf(r)))
			.returning(affected.property("id").as("item"), Cypher.properties(actor).as("reached"),
					Cypher.listOf(CypherFragments.link(r)).as("hops"))
			.build());

		Relationship targets = measure.relationshipTo(actor, RelationshipType.TARGETS.name()).named("r");
		TARGETS = CypherFragments.render(Cypher.match(targets)
			.where(measure.property("id").in(MEASURES))
			.returning(Cypher.properties(actor).as("reached"), Cypher.listOf(CypherFragments.link(r)).as("hops"))
			.build());
	}

	private ScenarioStatements() {
	}

	private static Node policy(String name) {
		return Cypher.node(Kind.POLICY.label()).named(name);
	}

	private static Node entity(String name) {
		return Cypher.node("Entity").named(name);
	}

	private static String[] types(RelationshipType... types) {
		return java.util.Arrays.stream(types).map(Enum::name).toArray(String[]::new);
	}

}
