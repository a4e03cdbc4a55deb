package org.lodestone.graph;

import org.neo4j.cypherdsl.core.Condition;
import org.neo4j.cypherdsl.core.Cypher;
import org.neo4j.cypherdsl.core.Expression;
import org.neo4j.cypherdsl.core.MapExpression;
import org.neo4j.cypherdsl.core.MapProjection;
import org.neo4j.cypherdsl.core.Node;
import org.neo4j.cypherdsl.core.Parameter;
import org.neo4j.cypherdsl.core.Statement;
import org.neo4j.cypherdsl.core.SymbolicName;
import org.neo4j.cypherdsl.core.renderer.Configuration;
import org.neo4j.cypherdsl.core.renderer.Dialect;
import org.neo4j.cypherdsl.core.renderer.Renderer;

/**
 * The pieces of Cypher several features' statements share, each defined once, as Cypher-DSL expressions: what a
 * relationship looks like in an answer ({@link #link}), when it held on a date ({@link #heldOnAsOf}), and what an
 * entity looks like in a list ({@link #entitySummary}). Statements that use them are built with Cypher-DSL and
 * rendered once ({@link #render}); statements that share nothing are fixed text in {@code .cypher} resources beside
 * their feature.
 */
public final class CypherFragments {

	/** The optional date a statement's relationships must hold on; {@code null} means any date. */
	public static final Parameter<Object> AS_OF = Cypher.parameter("asOf");

	// Neo4j 5.26's Cypher without a version prefix: the 5.23 dialect cannot write the importer's dynamic labels, and the
	// 5.26 one prefixes every statement with CYPHER 5. Every other statement renders as it did with 5.23.
	private static final Renderer RENDERER = Renderer.getRenderer(
			Configuration.newConfig().withDialect(Dialect.NEO4J_5_DEFAULT_CYPHER).withPrettyPrint(true).build());

	private CypherFragments() {
	}

	/**
	 * The one "held on a date" predicate: true without {@code $asOf}, else when the relationship had begun by then and
	 * not yet ended ({@code validTo} is the last day it held).
	 * @param relationship the variable naming the relationship
	 * @return the condition
	 */
	public static Condition heldOnAsOf(SymbolicName relationship) {
		Expression validFrom = Cypher.property(relationship, "validFrom");
		Expression validTo = Cypher.property(relationship, "validTo");
		return AS_OF.isNull().or(validFrom.lte(AS_OF).and(validTo.isNull().or(validTo.gte(AS_OF))));
	}

	/**
	 * A relationship as every answer that lists links reads it ({@link Links#of(java.util.Map)}): its type, its end
	 * entities' and its own properties, and the sources it cites. Its ends must be entities.
	 * @param relationship the variable naming the relationship
	 * @return the map expression
	 */
	public static MapExpression link(SymbolicName relationship) {
		Node source = Cypher.node("Source").named("s");
		Statement cited = Cypher.match(source)
			.where(source.property("id")
				.in(Cypher.coalesce(Cypher.property(relationship, "sources"), Cypher.listOf())))
			.returning(Cypher.properties(source))
			.build();
		return Cypher.mapOf("type", function("type", relationship), "from",
				function("properties", function("startNode", relationship)), "to",
				function("properties", function("endNode", relationship)), "props",
				function("properties", relationship), "sources", Cypher.collect(cited));
	}

	/**
	 * An entity as lists and path answers name it: id, kind, subtype and name.
	 * @param entity the variable naming the entity
	 * @return the map projection
	 */
	public static MapProjection entitySummary(SymbolicName entity) {
		return Cypher.anyNode(entity).project("id", "kind", "subtype", "name");
	}

	/**
	 * An entity as search and name resolution return it: its summary and its aliases.
	 * @param entity the variable naming the entity
	 * @return the map projection
	 */
	public static MapProjection entityMatch(SymbolicName entity) {
		Node node = Cypher.anyNode(entity);
		return node.project("id", "kind", "subtype", "name", "aliases",
				Cypher.coalesce(node.property("aliases"), Cypher.listOf()));
	}

	/**
	 * @param statement a statement built with these fragments
	 * @return its Cypher, for the Neo4j 5.26 the application runs on
	 */
	public static String render(Statement statement) {
		return RENDERER.render(statement);
	}

	private static Expression function(String name, Expression argument) {
		return Cypher.call(name).withArgs(argument).asFunction();
	}

}
