package org.lodestone.ingest;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * A lint finding a person has looked at and accepted, one row of {@code docs/lint-accepted.csv}. The list lives in
 * {@code docs/}, not {@code data/}, because the reader refuses any other file in the dataset's directory, and because
 * it is a judgement about the data, not data. Rows name a finding by rule and where, so one row accepts every
 * finding of that rule on that row.
 *
 * @param rule the rule's name, one of {@link DataLint#RULES}
 * @param where the row's identity as the finding gives it
 * @param reason why the finding is right as it stands
 */
public record LintAcceptance(String rule, String where, String reason) {

	static final List<String> COLUMNS = List.of("rule", "where", "reason");

	private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder()
		.setHeader()
		.setSkipHeaderRecord(true)
		.setIgnoreEmptyLines(true)
		.get();

	/**
	 * @param file an accepted-findings file with the columns {@code rule,where,reason}
	 * @return its rows, in file order
	 * @throws IOException when it cannot be read
	 * @throws IllegalArgumentException naming every malformed row by file and line: a missing column, an empty cell,
	 * a rule that does not exist, the same finding accepted twice
	 */
	public static List<LintAcceptance> read(Path file) throws IOException {
		return parse(file.toString(), Files.readString(file, StandardCharsets.UTF_8));
	}

	static List<LintAcceptance> parse(String name, String text) {
		List<LintAcceptance> acceptances = new ArrayList<>();
		List<DatasetProblem> problems = new ArrayList<>();
		try (Reader reader = new StringReader(text.startsWith("\uFEFF") ? text.substring(1) : text);
				CSVParser parser = FORMAT.parse(reader)) {
			if (!parser.getHeaderNames().equals(COLUMNS)) {
				throw new IllegalArgumentException(
						new DatasetProblem(name, 1, "the columns must be " + String.join(",", COLUMNS)).toString());
			}
			Map<String, Long> seen = new HashMap<>();
			long line = parser.getCurrentLineNumber() + 1;
			for (CSVRecord record : parser) {
				if (record.size() != COLUMNS.size()) {
					problems.add(new DatasetProblem(name, line,
							"has " + record.size() + " fields but the header has " + COLUMNS.size()));
				}
				else {
					LintAcceptance acceptance = new LintAcceptance(record.get(0).strip(), record.get(1).strip(),
							record.get(2).strip());
					int before = problems.size();
					for (int i = 0; i < COLUMNS.size(); i++) {
						if (record.get(i).isBlank()) {
							problems.add(new DatasetProblem(name, line, "'" + COLUMNS.get(i) + "' is required"));
						}
					}
					if (!acceptance.rule().isEmpty() && !DataLint.RULES.contains(acceptance.rule())) {
						problems.add(new DatasetProblem(name, line, "unknown rule '" + acceptance.rule() + "'; one of "
								+ String.join(", ", DataLint.RULES)));
					}
					Long first = seen.putIfAbsent(acceptance.rule() + "\n" + acceptance.where(), line);
					if (first != null) {
						problems.add(new DatasetProblem(name, line, "accepts the same finding as line " + first));
					}
					if (problems.size() == before) {
						acceptances.add(acceptance);
					}
				}
				line = parser.getCurrentLineNumber() + 1;
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (UncheckedIOException | IllegalStateException ex) {
			throw new IllegalArgumentException(name + ": is not valid CSV: " + ex.getMessage(), ex);
		}
		if (!problems.isEmpty()) {
			throw new IllegalArgumentException(String.join("\n",
					problems.stream().map(DatasetProblem::toString).toList()));
		}
		return acceptances;
	}

}
