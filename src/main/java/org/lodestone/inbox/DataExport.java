package org.lodestone.inbox;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.lodestone.graph.RelationshipType;
import org.lodestone.ingest.Dataset;
import org.lodestone.ingest.DatasetFile;
import org.lodestone.ingest.DatasetReader;

import org.springframework.stereotype.Service;

/**
 * Writes the rows of every accepted proposal back into the dataset's directory, so the repository stays the source of
 * truth and a pull request shows what the inbox added: {@code sources-inbox.csv}, {@code entities-inbox.csv} and
 * {@code relationships-inbox.csv}, regenerated whole on every run (the same accepted proposals give the same files).
 * <p>
 * A row whose id (or relationship) another file of the directory already holds is not written twice: the dataset
 * allows each once, and rewriting someone's hand-kept file would reformat rows nobody changed. Such rows are listed for
 * the analyst to carry over by hand. The directory, with the new files, is validated before anything is written.
 */
@Service
public class DataExport {

	static final String SOURCES = "sources-inbox.csv";

	static final String ENTITIES = "entities-inbox.csv";

	static final String RELATIONSHIPS = "relationships-inbox.csv";

	private final InboxService inbox;

	DataExport(InboxService inbox) {
		this.inbox = inbox;
	}

	/**
	 * @param directory the dataset's directory, such as {@code data}
	 * @return what was written and what was left for the analyst
	 * @throws IOException when the directory cannot be read or written
	 * @throws org.lodestone.ingest.InvalidDatasetException when the directory with the new rows would not validate;
	 * nothing is written
	 */
	public Report export(Path directory) throws IOException {
		List<DatasetFile> kept = new ArrayList<>();
		for (DatasetFile file : DatasetFile.fromDirectory(directory)) {
			if (!file.fileName().endsWith("-inbox.csv")) {
				kept.add(file);
			}
		}
		Dataset existing = DatasetReader.read(kept);
		Set<String> held = new HashSet<>();
		existing.sources().forEach(source -> held.add(source.id()));
		existing.entities().forEach(entity -> held.add(entity.id()));
		existing.relationships().forEach(relationship -> held.add(key(relationship.from(), relationship.type().name(),
				relationship.to(), String.valueOf(relationship.validFrom()))));

		List<Proposal.Summary> accepted = new ArrayList<>(this.inbox.list(Proposal.ACCEPTED, InboxService.MAX_LIST));
		accepted.sort(Comparator.comparing(Proposal.Summary::createdAt).thenComparing(Proposal.Summary::id));
		Map<String, Map<String, String>> sources = new LinkedHashMap<>();
		Map<String, Map<String, String>> entities = new LinkedHashMap<>();
		Map<String, Map<String, String>> relationships = new LinkedHashMap<>();
		List<String> elsewhere = new ArrayList<>();
		for (Proposal.Summary summary : accepted) {
			ProposedRows rows = this.inbox.review(summary.id()).proposal().rows();
			rows.sources().forEach(row -> place(row.get("id"), row, sources, held, elsewhere, summary.id()));
			rows.entities().forEach(row -> place(row.get("id"), row, entities, held, elsewhere, summary.id()));
			rows.relationships().forEach(row -> place(key(row.get("from"), row.get("type"), row.get("to"),
					row.get("validFrom")), row, relationships, held, elsewhere, summary.id()));
		}
		Map<String, String> files = new LinkedHashMap<>();
		files.put(SOURCES, ProposedRows.csv(DatasetReader.SOURCE_COLUMNS, List.copyOf(sources.values())));
		files.put(ENTITIES, ProposedRows.csv(DatasetReader.ENTITY_COLUMNS, List.copyOf(entities.values())));
		files.put(RELATIONSHIPS,
				ProposedRows.csv(DatasetReader.RELATIONSHIP_COLUMNS, List.copyOf(relationships.values())));
		List<DatasetFile> all = new ArrayList<>(kept);
		files.forEach((name, text) -> {
			byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
			all.add(new DatasetFile(directory.getFileName() + "/" + name, () -> new ByteArrayInputStream(bytes)));
		});
		DatasetReader.read(all);
		for (Map.Entry<String, String> file : files.entrySet()) {
			Files.writeString(directory.resolve(file.getKey()), file.getValue(), StandardCharsets.UTF_8);
		}
		return new Report(accepted.size(), sources.size(), entities.size(), relationships.size(), elsewhere);
	}

	private static void place(String key, Map<String, String> row, Map<String, Map<String, String>> target,
			Set<String> held, List<String> elsewhere, String proposal) {
		if (held.contains(key)) {
			elsewhere.add(key + " (from " + proposal + ")");
			return;
		}
		// A later accept of the same row (an edit accepted after the first) replaces the earlier one.
		target.remove(key);
		target.put(key, row);
	}

	// SUPPLIES is kept once per validFrom, every other type once per (from, type, to): docs/data-format.md.
	private static String key(String from, String type, String to, String validFrom) {
		boolean perPeriod = RelationshipType.SUPPLIES.name().equals(type);
		return "(" + from + ")-[:" + type + "]->(" + to + ")" + (perPeriod ? " from " + validFrom : "");
	}

	/**
	 * @param proposals the accepted proposals read
	 * @param sources source rows written
	 * @param entities entity rows written
	 * @param relationships relationship rows written
	 * @param elsewhere rows another file of the directory already holds, not written: carry changes over by hand
	 */
	public record Report(int proposals, int sources, int entities, int relationships, List<String> elsewhere) {
	}

}
