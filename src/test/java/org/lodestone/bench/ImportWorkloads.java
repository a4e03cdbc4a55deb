package org.lodestone.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.lodestone.graph.RelationshipType;
import org.lodestone.ingest.Dataset;
import org.lodestone.ingest.DatasetFile;
import org.lodestone.ingest.DatasetGraph;
import org.lodestone.ingest.DatasetReader;
import org.lodestone.ingest.ImportProgress;
import org.lodestone.ingest.ImportReport;
import org.lodestone.ingest.Importers;
import org.lodestone.ingest.KnownIds;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;

/**
 * Loading a data/ directory into an empty graph, two ways, both timed from the files on disk: Lodestone's importer
 * (validation, one all-or-nothing transaction, change outcomes per row), and the baseline, the same parsed rows
 * written with plain {@code UNWIND ... MERGE} batches of {@value #BATCH} rows, each in its own transaction.
 */
public final class ImportWorkloads {

	/** Rows per baseline transaction. */
	public static final int BATCH = 10_000;

	private static final String SOURCES = "UNWIND $rows AS r MERGE (n:Source {id: r.id}) SET n = r.props";

	private static final String ENTITIES = "UNWIND $rows AS r MERGE (n:Entity {id: r.id}) SET n = r.props SET n:$(r.labels)";

	// One statement per type with the type written in (from the enum): Neo4j 5.26 plans a dynamic type, $(r.type),
	// as a scan of every relationship per row, so a fair baseline does what a careful loader would.
	private static final String RELATIONSHIPS = """
			UNWIND $rows AS r
			MATCH (a:Entity {id: r.from})
			MATCH (b:Entity {id: r.to})
			MERGE (a)-[x:%s]->(b)
			SET x = r.props
			""";

	private ImportWorkloads() {
	}

	/**
	 * @param driver a driver to an empty graph with the schema applied
	 * @param data a data/ directory
	 * @return the relationships the importer reports as created
	 * @throws IOException when the files cannot be read
	 */
	public static long importer(Driver driver, Path data) throws IOException {
		var importer = Importers.create(driver);
		Dataset dataset = importer.read(DatasetFile.fromDirectory(data));
		ImportReport report = importer.importDataset(dataset, ImportProgress.NONE);
		return report.relationships().created();
	}

	/**
	 * @param driver a driver to an empty graph with the schema applied
	 * @param data a data/ directory
	 * @return the relationships written
	 * @throws IOException when the files cannot be read
	 */
	public static long unwind(Driver driver, Path data) throws IOException {
		DatasetGraph graph = new DatasetGraph(DatasetReader.read(DatasetFile.fromDirectory(data), KnownIds.NONE,
				1L << 30));
		List<Map<String, Object>> sources = new ArrayList<>();
		List<Map<String, Object>> entities = new ArrayList<>();
		graph.forEachNode(node -> {
			if (node.labels().get(0).equals("Source")) {
				sources.add(Map.of("id", node.id(), "props", node.properties()));
			}
			else {
				entities.add(Map.of("id", node.id(), "props", node.properties(), "labels",
						node.labels().subList(1, node.labels().size())));
			}
		});
		Map<RelationshipType, List<Map<String, Object>>> relationships = new EnumMap<>(RelationshipType.class);
		graph.forEachEdge(edge -> relationships.computeIfAbsent(edge.type(), type -> new ArrayList<>())
			.add(Map.of("from", edge.from(), "to", edge.to(), "props", edge.properties())));
		try (Session session = driver.session()) {
			write(session, SOURCES, sources);
			write(session, ENTITIES, entities);
			relationships.forEach((type, rows) -> write(session, RELATIONSHIPS.formatted(type.name()), rows));
		}
		return relationships.values().stream().mapToLong(List::size).sum();
	}

	private static void write(Session session, String query, List<Map<String, Object>> rows) {
		for (int start = 0; start < rows.size(); start += BATCH) {
			List<Map<String, Object>> batch = rows.subList(start, Math.min(rows.size(), start + BATCH));
			session.executeWriteWithoutResult(tx -> tx.run(query, Map.of("rows", batch)).consume());
		}
	}

}
