package org.lodestone.inbox;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.lodestone.ingest.DatasetFile;
import org.lodestone.ingest.DatasetReader;
import org.lodestone.request.InvalidRequestException;

/**
 * Candidate rows in the dataset's own shape: each row maps the column names of {@code docs/data-format.md} to their
 * cell text, exactly as they would stand in {@code data/sources*.csv}, {@code entities*.csv} and
 * {@code relationships*.csv}. Accepting a proposal writes these rows as those three files and hands them to the
 * importer, so they pass the same checks as any upload.
 *
 * @param sources source rows
 * @param entities entity rows
 * @param relationships relationship rows
 */
public record ProposedRows(List<Map<String, String>> sources, List<Map<String, String>> entities,
		List<Map<String, String>> relationships) {

	/** Nothing proposed. */
	public static final ProposedRows NONE = new ProposedRows(List.of(), List.of(), List.of());

	public ProposedRows {
		sources = copy(sources);
		entities = copy(entities);
		relationships = copy(relationships);
	}

	/**
	 * @return how many rows there are
	 */
	public int size() {
		return this.sources.size() + this.entities.size() + this.relationships.size();
	}

	/**
	 * Checks that every row names only the dataset's columns, so a typo in a column name is reported instead of being
	 * dropped on the way to the CSV files.
	 * @param parameter the name of the request part, for the message
	 * @throws InvalidRequestException on an unknown column
	 */
	void checkColumns(String parameter) {
		check(this.sources, DatasetReader.SOURCE_COLUMNS, parameter + ".sources");
		check(this.entities, DatasetReader.ENTITY_COLUMNS, parameter + ".entities");
		check(this.relationships, DatasetReader.RELATIONSHIP_COLUMNS, parameter + ".relationships");
	}

	/**
	 * @param directory the name the files are shown under in the importer's problems, such as
	 * {@code inbox/proposal:ab12}
	 * @return the rows as the importer's CSV files; a kind without rows gives no file
	 */
	List<DatasetFile> toFiles(String directory) {
		List<DatasetFile> files = new ArrayList<>();
		add(files, directory + "/sources.csv", DatasetReader.SOURCE_COLUMNS, this.sources);
		add(files, directory + "/entities.csv", DatasetReader.ENTITY_COLUMNS, this.entities);
		add(files, directory + "/relationships.csv", DatasetReader.RELATIONSHIP_COLUMNS, this.relationships);
		return files;
	}

	private static void add(List<DatasetFile> files, String name, List<String> columns,
			List<Map<String, String>> rows) {
		if (rows.isEmpty()) {
			return;
		}
		byte[] bytes = csv(columns, rows).getBytes(StandardCharsets.UTF_8);
		files.add(new DatasetFile(name, () -> new java.io.ByteArrayInputStream(bytes)));
	}

	static String csv(List<String> columns, List<Map<String, String>> rows) {
		StringWriter out = new StringWriter();
		try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.RFC4180.builder().setRecordSeparator("\n").get())) {
			printer.printRecord(columns);
			for (Map<String, String> row : rows) {
				List<String> cells = new ArrayList<>();
				for (String column : columns) {
					String value = row.get(column);
					cells.add((value != null) ? value : "");
				}
				printer.printRecord(cells);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toString();
	}

	private static void check(List<Map<String, String>> rows, List<String> columns, String parameter) {
		for (int i = 0; i < rows.size(); i++) {
			for (String column : rows.get(i).keySet()) {
				if (!columns.contains(column)) {
					throw new InvalidRequestException(parameter + "[" + i + "]",
							"unknown column '" + column + "'; the columns are " + String.join(", ", columns));
				}
			}
		}
	}

	private static List<Map<String, String>> copy(List<Map<String, String>> rows) {
		if (rows == null) {
			return List.of();
		}
		List<Map<String, String>> copied = new ArrayList<>();
		for (Map<String, String> row : rows) {
			Map<String, String> cells = new LinkedHashMap<>();
			if (row != null) {
				row.forEach((column, value) -> {
					if (value != null && !value.isEmpty()) {
						cells.put(column, value);
					}
				});
			}
			copied.add(java.util.Collections.unmodifiableMap(cells));
		}
		return List.copyOf(copied);
	}

}
