package org.lodestone.export;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.lodestone.graph.GraphEdge;
import org.lodestone.graph.GraphNode;
import org.lodestone.graph.GraphSnapshot;

/**
 * Writes the graph as CSV files for {@code neo4j-admin database import full}, packed in one ZIP: {@code nodes.csv}
 * (entities and sources, one union header), {@code relationships.csv}, and a {@code README.txt} with the command.
 * Headers are typed ({@code id:ID}, {@code :LABEL}, {@code validFrom:date}, {@code confidence:double},
 * {@code sources:string[]}); arrays and labels use neo4j-admin's default delimiter {@code ;}, and an empty cell is a
 * missing property.
 * <p>
 * This exporter writes bytes, not text, so it does not implement {@link GraphExporter}, whose {@link java.io.Writer}
 * cannot carry a ZIP. It still streams: the ZIP's entries are written one after the other as the snapshot is visited,
 * nodes into the first and relationships into the second, which is also why entities and sources share one node file
 * (a ZIP cannot interleave two entries).
 */
public final class Neo4jAdminCsvExporter {

	/**
	 * The array delimiter for labels and list properties: the data files' own list separator, which no stored value
	 * can contain (the reader splits on it). neo4j-admin's default, ';', appears in official titles kept as aliases
	 * (Federal Register rule names), which made the export fail.
	 */
	static final String ARRAY_DELIMITER = "|";

	static final String NODES = "nodes.csv";

	static final String RELATIONSHIPS = "relationships.csv";

	static final String README = "README.txt";

	private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setRecordSeparator('\n').get();

	/**
	 * @param snapshot the graph to write
	 * @param out where the ZIP goes; finished but not closed
	 * @throws IOException when writing fails
	 */
	public void export(GraphSnapshot snapshot, OutputStream out) throws IOException {
		ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
		Writer text = new OutputStreamWriter(zip, StandardCharsets.UTF_8);
		zip.putNextEntry(new ZipEntry(README));
		text.write(readme());
		text.flush();
		zip.closeEntry();

		zip.putNextEntry(new ZipEntry(NODES));
		CSVPrinter nodes = new CSVPrinter(text, FORMAT);
		nodes.printRecord(nodeHeader());
		Streaming.run(() -> snapshot.forEachNode(Streaming.each(node -> nodes.printRecord(nodeRow(node)))));
		nodes.flush();
		zip.closeEntry();

		zip.putNextEntry(new ZipEntry(RELATIONSHIPS));
		CSVPrinter relationships = new CSVPrinter(text, FORMAT);
		relationships.printRecord(relationshipHeader());
		Streaming.run(() -> snapshot.forEachEdge(
				Streaming.each(edge -> relationships.printRecord(relationshipRow(edge)))));
		relationships.flush();
		zip.closeEntry();
		zip.finish();
		out.flush();
	}

	static String importCommand(String database) {
		return "neo4j-admin database import full --nodes=" + NODES + " --relationships=" + RELATIONSHIPS
				+ " --array-delimiter=\"" + ARRAY_DELIMITER + "\" --multiline-fields=true " + database;
	}

	private static String readme() {
		return "Lodestone graph in neo4j-admin import format. Unzip, stop the target database (or pick a new name), then run:\n"
				+ importCommand("neo4j") + "\n";
	}

	private static List<String> nodeHeader() {
		List<String> header = new ArrayList<>(List.of("id:ID", ":LABEL"));
		Attribute.NODE.forEach(attribute -> header.add(column(attribute)));
		return header;
	}

	private static List<String> relationshipHeader() {
		List<String> header = new ArrayList<>(List.of(":START_ID", ":END_ID", ":TYPE"));
		Attribute.EDGE.forEach(attribute -> header.add(column(attribute)));
		return header;
	}

	private static String column(Attribute attribute) {
		return switch (attribute.type()) {
			case STRING -> attribute.name();
			case DOUBLE -> attribute.name() + ":double";
			case DATE -> attribute.name() + ":date";
			case STRING_LIST -> attribute.name() + ":string[]";
		};
	}

	private static List<String> nodeRow(GraphNode node) {
		List<String> row = new ArrayList<>(List.of(node.id(), array(node.labels())));
		Attribute.NODE.forEach(attribute -> row.add(cell(node.properties().get(attribute.name()))));
		return row;
	}

	private static List<String> relationshipRow(GraphEdge edge) {
		List<String> row = new ArrayList<>(List.of(edge.from(), edge.to(), edge.type().name()));
		Attribute.EDGE.forEach(attribute -> row.add(cell(edge.properties().get(attribute.name()))));
		return row;
	}

	private static String cell(Object value) {
		if (value == null) {
			return "";
		}
		if (value instanceof List<?> list) {
			return array(list);
		}
		return value.toString();
	}

	private static String array(List<?> values) {
		List<String> items = new ArrayList<>();
		for (Object value : values) {
			String item = String.valueOf(value);
			if (item.contains(ARRAY_DELIMITER)) {
				// neo4j-admin would split it into two elements; better to refuse than to change the data.
				throw new IllegalArgumentException("List value '" + item + "' contains the array delimiter '"
						+ ARRAY_DELIMITER + "' and cannot be written in neo4j-admin format");
			}
			items.add(item);
		}
		return String.join(ARRAY_DELIMITER, items);
	}

}
