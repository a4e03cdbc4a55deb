package org.lodestone.export;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

import org.lodestone.graph.GraphEdge;
import org.lodestone.graph.GraphNode;
import org.lodestone.graph.GraphSnapshot;
import org.neo4j.cypherdsl.core.Cypher;

/**
 * Writes the graph as an idempotent Cypher script that any Neo4j 5 loads in Browser or cypher-shell: schema first,
 * then one {@code MERGE} per node and per relationship. Running it twice leaves the same graph. It generates
 * {@code cypher/seed.cypher} as well as the Cypher export.
 */
public final class CypherScriptExporter implements GraphExporter {

	private final String header;

	private final List<String> schemaStatements;

	/**
	 * @param header comment lines put at the top, without the {@code //}
	 * @param schemaStatements the schema statements to run first, each without its terminating semicolon
	 */
	public CypherScriptExporter(List<String> header, List<String> schemaStatements) {
		StringBuilder text = new StringBuilder();
		header.forEach(line -> text.append("// ").append(line).append('\n'));
		this.header = text.toString();
		this.schemaStatements = List.copyOf(schemaStatements);
	}

	@Override
	public void export(GraphSnapshot snapshot, Writer out) throws IOException {
		out.write(this.header);
		for (String statement : this.schemaStatements) {
			out.write(statement);
			out.write(";\n");
		}
		try {
			snapshot.forEachNode(node -> write(out, node(node)));
			snapshot.forEachEdge(edge -> write(out, edge(edge)));
		}
		catch (UncheckedIOException ex) {
			throw ex.getCause();
		}
	}

	private static String node(GraphNode node) {
		String id = literal(node.id());
		if (node.isSource()) {
			return "MERGE (n:Source {id: " + id + "}) SET n = " + map(node.properties()) + ";\n";
		}
		StringBuilder labels = new StringBuilder();
		node.labels().stream().skip(1).forEach(label -> labels.append(':').append(label));
		return "MERGE (n:Entity {id: " + id + "}) SET n = " + map(node.properties()) + ", n" + labels + ";\n";
	}

	private static String edge(GraphEdge edge) {
		return "MATCH (a:Entity {id: " + literal(edge.from()) + "}), (b:Entity {id: " + literal(edge.to())
				+ "}) MERGE (a)-[r:" + edge.type().name() + periodKey(edge) + "]->(b) SET r = "
				+ map(edge.properties()) + ";\n";
	}

	// As in the importer: a type keyed by period (SUPPLIES) is one relationship per validFrom.
	private static String periodKey(GraphEdge edge) {
		return edge.type().keyedByPeriod() ? " {validFrom: " + literal(edge.properties().get("validFrom")) + "}" : "";
	}

	private static String map(Map<String, Object> properties) {
		StringJoiner entries = new StringJoiner(", ", "{", "}");
		properties.forEach((key, value) -> entries.add(key + ": " + literal(value)));
		return entries.toString();
	}

	// Cypher-DSL renders literals with Cypher's escaping rules (quotes, backslashes, dates as date('...')).
	private static String literal(Object value) {
		return Cypher.literalOf(value).asString();
	}

	private static void write(Writer out, String text) {
		try {
			out.write(text);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
