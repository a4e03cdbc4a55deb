package org.lodestone.export;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.lodestone.neo4j.GraphReads;

/**
 * Streams the whole stored graph through an exporter the way {@link ExportService} does for {@code scope=graph},
 * without a Spring context, for the benchmarks.
 */
public final class SnapshotExports {

	private static final Duration TIMEOUT = Duration.ofMinutes(30);

	private SnapshotExports() {
	}

	public static void export(GraphReads reads, GraphExporter exporter, Writer out) throws IOException {
		try (StoredGraphSnapshot snapshot = new StoredGraphSnapshot(reads, TIMEOUT,
				StoredGraphSnapshot.Selection.all(null))) {
			exporter.export(snapshot, out);
		}
	}

	/**
	 * @param importDir where the CSV export was unzipped
	 * @return the arguments of {@code neo4j-admin} (after the tool) that load it, as Neo4jAdminImportIT runs it
	 */
	public static List<String> adminImportArguments(Path importDir) {
		return List.of("database", "import", "full", "--nodes=" + importDir.resolve(Neo4jAdminCsvExporter.NODES),
				"--relationships=" + importDir.resolve(Neo4jAdminCsvExporter.RELATIONSHIPS),
				"--array-delimiter=" + Neo4jAdminCsvExporter.ARRAY_DELIMITER, "--multiline-fields=true", "neo4j");
	}

	public static void exportCsv(GraphReads reads, OutputStream out) throws IOException {
		try (StoredGraphSnapshot snapshot = new StoredGraphSnapshot(reads, TIMEOUT,
				StoredGraphSnapshot.Selection.all(null))) {
			new Neo4jAdminCsvExporter().export(snapshot, out);
		}
	}

}
