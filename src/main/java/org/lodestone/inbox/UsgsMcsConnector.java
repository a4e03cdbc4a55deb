package org.lodestone.inbox;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Reads the world data file of a USGS Mineral Commodity Summaries data release ({@code MCS2025_World_Data.csv}, or
 * the {@code World_Data.zip} it is published in: one row per commodity, country and type of production, with a
 * {@code PROD_<year>} and a {@code PROD_EST_<year>} column) and proposes, per mineral mapped in
 * {@code lodestone.inbox.usgs.minerals} and per year of the edition, a {@code SUPPLIES} edge from every country the
 * graph holds as a State to the mineral, with the country's share of the world total the file gives for that type of
 * production. A share is the country's figure over the file's "World total" row, rounded to three decimals, for the
 * calendar year ({@code validFrom} 1 January, {@code validTo} 31 December, {@code precision} year), and its note
 * says the two figures, the unit and whether USGS marked the year an estimate.
 * <p>
 * A year the graph already holds for that State and mineral is skipped (the connector never changes a stored share),
 * as are countries the graph does not hold (named in the notes, so a reviewer can add an alias), withheld or blank
 * figures, "Other countries", and commodities mapped to no mineral. A file that is not this layout (no such column,
 * a row of another length, malformed quoting, truncated, not UTF-8, a zip without the world data) fails the run with
 * the reason, and nothing is proposed from it.
 */
@Component
class UsgsMcsConnector {

	static final String NAME = "usgs-mcs";

	/** The largest world data file read out of a zip: the 2025 one is 134 KB. */
	static final long MAX_CSV = 32L * 1024 * 1024;

	private static final List<String> REQUIRED = List.of("SOURCE", "COMMODITY", "COUNTRY", "TYPE", "UNIT_MEAS");

	// The header of 2025 reads "PROD_EST_ 2024": spaces are dropped before matching.
	private static final Pattern PRODUCTION = Pattern.compile("PROD_(EST_)?(\\d{4})");

	private static final Pattern EDITION = Pattern.compile("MCS(\\d{4})");

	private static final Pattern NUMBER = Pattern.compile("\\d+(\\.\\d+)?");

	private final List<InboxProperties.MineralMapping> minerals;

	private final Map<String, String> countries;

	private final Map<String, InboxProperties.Edition> editions;

	@Autowired
	UsgsMcsConnector(InboxProperties properties) {
		this(properties.usgs().minerals(), properties.usgs().countries(), properties.usgs().editions());
	}

	UsgsMcsConnector(List<InboxProperties.MineralMapping> minerals, Map<String, String> countries,
			Map<String, InboxProperties.Edition> editions) {
		this.minerals = List.copyOf(minerals);
		Map<String, String> lower = new HashMap<>();
		countries.forEach((name, state) -> lower.put(key(name), state));
		this.countries = Map.copyOf(lower);
		this.editions = Map.copyOf(editions);
	}

	/**
	 * @param document the retrieved CSV, or the zip holding it
	 * @param graph what the graph holds
	 * @return one draft per mineral with something new, and what was skipped and why
	 * @throws ConnectorException when the content is not a world data file
	 */
	ConnectorRun read(FetchedDocument document, KnownGraph graph) {
		String text = csvText(document.bytes());
		Table table = Table.parse(text);
		String edition = table.edition();
		Matcher year = EDITION.matcher(edition);
		year.matches();
		InboxProperties.Edition configured = this.editions.get(edition);
		String url = (configured != null && configured.url() != null) ? configured.url()
				: document.location().startsWith("https://") ? document.location() : null;
		if (url == null) {
			throw new ConnectorException(NAME, "no address a reader can check for " + edition
					+ ": set lodestone.inbox.usgs.editions." + edition + ".url (the data release's DOI)");
		}
		String retrievedDay = document.retrievedAt().toString().substring(0, 10);
		LocalDate published = (configured != null) ? configured.published() : null;

		Map<String, String> source = new LinkedHashMap<>();
		source.put("id", "src:usgs-" + edition.toLowerCase(Locale.ROOT) + "-world-data");
		source.put("publisher", "U.S. Geological Survey");
		source.put("title", "Mineral Commodity Summaries " + year.group(1) + " Data Release: world production, "
				+ "capacity and reserves (" + edition + "_World_Data.csv)");
		source.put("date", (published != null) ? published.toString() : retrievedDay);
		source.put("url", url);
		source.put("type", "data");
		source.put("retrievedAt", document.retrievedAt().toString());
		source.put("contentSha256", document.sha256());

		Map<String, String> states = states(graph);
		List<ProposalDraft> drafts = new ArrayList<>();
		List<String> skipped = new ArrayList<>();
		Set<String> mapped = new LinkedHashSet<>();
		for (InboxProperties.MineralMapping mapping : this.minerals) {
			mapped.add(key(mapping.commodity()));
			List<CSVRecord> rows = table.rows(mapping);
			String label = edition + " " + mapping.commodity() + " (" + mapping.type() + ")";
			if (rows.isEmpty()) {
				skipped.add(label + ": no such rows in the file");
				continue;
			}
			if (!graph.holds(mapping.mineral())) {
				skipped.add(label + ": the graph does not hold " + mapping.mineral());
				continue;
			}
			List<CSVRecord> totals = rows.stream().filter(row -> key(row.get("COUNTRY")).startsWith("world total"))
				.toList();
			if (totals.size() != 1) {
				skipped.add(label + ": " + totals.size() + " world-total rows, so no share can be computed");
				continue;
			}
			ProposalDraft draft = draft(document, table, mapping, rows, totals.get(0), states, graph, source,
					published == null, label, skipped);
			if (draft != null) {
				drafts.add(draft);
			}
		}
		Set<String> unmapped = new LinkedHashSet<>();
		table.records().forEach(row -> {
			if (!mapped.contains(key(row.get("COMMODITY")))) {
				unmapped.add(row.get("COMMODITY").strip());
			}
		});
		if (!unmapped.isEmpty()) {
			skipped.add(unmapped.size() + " commodities of the file are mapped to no mineral "
					+ "(lodestone.inbox.usgs.minerals): " + String.join(", ", unmapped));
		}
		return new ConnectorRun(drafts, skipped);
	}

	private ProposalDraft draft(FetchedDocument document, Table table, InboxProperties.MineralMapping mapping,
			List<CSVRecord> rows, CSVRecord total, Map<String, String> states, KnownGraph graph,
			Map<String, String> source, boolean undated, String label, List<String> skipped) {
		List<Map<String, String>> relationships = new ArrayList<>();
		List<String> notes = new ArrayList<>();
		Set<String> notHeld = new LinkedHashSet<>();
		List<String> held = new ArrayList<>();
		Map<String, List<String>> periods = new HashMap<>();
		for (Column column : table.production()) {
			BigDecimal world = number(total.get(column.header()));
			if (world == null || world.signum() <= 0) {
				skipped.add(label + " " + column.year() + ": the world total is withheld or blank");
				continue;
			}
			for (CSVRecord row : rows) {
				String country = row.get("COUNTRY").strip();
				String name = key(country);
				if (row == total || name.startsWith("other countries")) {
					continue;
				}
				BigDecimal value = number(row.get(column.header()));
				if (value == null) {
					continue;
				}
				String state = states.get(name);
				if (state == null) {
					notHeld.add(country);
					continue;
				}
				String validFrom = column.year() + "-01-01";
				List<String> stored = periods.computeIfAbsent(state,
						s -> graph.periods(s, "SUPPLIES", mapping.mineral()));
				if (stored.contains(validFrom)) {
					held.add(state + " " + column.year());
					continue;
				}
				BigDecimal share = value.divide(world, 3, RoundingMode.HALF_UP);
				if (share.compareTo(BigDecimal.ONE) > 0 || share.signum() == 0) {
					skipped.add(label + " " + column.year() + ": " + country + "'s share " + share.toPlainString()
							+ " of the rounded world total is not a share the graph can hold");
					continue;
				}
				String unit = row.get("UNIT_MEAS").strip();
				Map<String, String> supplies = new LinkedHashMap<>();
				supplies.put("from", state);
				supplies.put("to", mapping.mineral());
				supplies.put("type", "SUPPLIES");
				supplies.put("validFrom", validFrom);
				supplies.put("validTo", column.year() + "-12-31");
				supplies.put("confidence", "0.9");
				supplies.put("sources", source.get("id"));
				supplies.put("share", share.stripTrailingZeros().toPlainString());
				supplies.put("note", lower(row.get("TYPE").strip()) + " " + column.year()
						+ (column.estimated() ? ", estimated" : "") + "; " + grouped(value) + " of " + grouped(world)
						+ " " + unit + " (USGS " + table.edition() + " world data, commodity '"
						+ row.get("COMMODITY").strip() + "', country '" + country + "').");
				supplies.put("precision", "year");
				relationships.add(supplies);
			}
		}
		if (!held.isEmpty()) {
			notes.add("skipped, the graph holds a share for these years already: " + String.join(", ", held));
		}
		if (!notHeld.isEmpty()) {
			notes.add("countries the graph holds no State for (or names otherwise; add an alias or "
					+ "lodestone.inbox.usgs.countries): " + String.join(", ", notHeld));
		}
		if (relationships.isEmpty()) {
			skipped.add(label + ": nothing new" + (held.isEmpty() ? "" : " (the graph holds " + held.size()
					+ " of its shares already)"));
			return null;
		}
		notes.add(0, "mapping: USGS commodity '" + mapping.commodity() + "', rows whose type begins '" + mapping.type()
				+ "', to " + mapping.mineral() + "; shares of the file's world total, rounded to 3 decimals");
		if (undated) {
			notes.add("source date: the file carries no publication date, so the source is dated the day it was "
					+ "retrieved; set lodestone.inbox.usgs.editions." + table.edition() + ".published to date it");
		}
		StringBuilder text = new StringBuilder(table.headerLine()).append('\n');
		rows.forEach(row -> text.append(table.line(row)).append('\n'));
		Provenance provenance = new Provenance(NAME, document.location(), document.retrievedAt(), document.sha256());
		String title = table.edition() + " " + mapping.commodity().strip() + ": " + relationships.size()
				+ " world production shares for " + mapping.mineral();
		return new ProposalDraft(provenance, table.edition() + "|" + key(mapping.commodity()) + "|"
				+ key(mapping.type()), title, text.toString(), new ProposedRows(List.of(source), List.of(),
						relationships), notes);
	}

	private Map<String, String> states(KnownGraph graph) {
		Map<String, String> states = new HashMap<>();
		for (KnownGraph.NamedActor actor : graph.actors()) {
			if (actor.id().startsWith("state:")) {
				actor.names().forEach(name -> states.putIfAbsent(key(name), actor.id()));
			}
		}
		this.countries.forEach((name, state) -> {
			if (graph.holds(state)) {
				states.put(name, state);
			}
		});
		return states;
	}

	private static String csvText(byte[] bytes) {
		byte[] csv = bytes;
		if (bytes.length >= 4 && bytes[0] == 'P' && bytes[1] == 'K' && bytes[2] == 3 && bytes[3] == 4) {
			csv = worldDataEntry(bytes);
		}
		try {
			String text = StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(csv))
				.toString();
			return text.startsWith("\uFEFF") ? text.substring(1) : text;
		}
		catch (CharacterCodingException ex) {
			throw new ConnectorException(NAME, "the file is not UTF-8 text (malformed or truncated)");
		}
	}

	// The release zips the CSV with its metadata; only the entry named *_World_Data.csv is read, and at most MAX_CSV
	// bytes of it, whatever the entry claims.
	private static byte[] worldDataEntry(byte[] zip) {
		try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
			ZipEntry entry;
			while ((entry = in.getNextEntry()) != null) {
				if (!entry.isDirectory() && entry.getName().toLowerCase(Locale.ROOT).endsWith("_world_data.csv")) {
					byte[] bytes = read(in);
					return bytes;
				}
			}
		}
		catch (ZipException | java.io.EOFException ex) {
			throw new ConnectorException(NAME, "the zip is damaged or truncated: " + ex.getMessage());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		throw new ConnectorException(NAME, "the zip holds no *_World_Data.csv");
	}

	private static byte[] read(InputStream in) throws IOException {
		byte[] bytes = in.readNBytes((int) MAX_CSV + 1);
		if (bytes.length > MAX_CSV) {
			throw new ConnectorException(NAME, "the world data file is larger than " + MAX_CSV + " bytes");
		}
		return bytes;
	}

	private static BigDecimal number(String cell) {
		String text = (cell != null) ? cell.strip() : "";
		return NUMBER.matcher(text).matches() ? new BigDecimal(text) : null;
	}

	private static String grouped(BigDecimal value) {
		return NumberFormat.getNumberInstance(Locale.US).format(value);
	}

	private static String lower(String text) {
		return text.isEmpty() ? text : Character.toLowerCase(text.charAt(0)) + text.substring(1);
	}

	static String key(String name) {
		return name.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
	}

	/**
	 * @param header the column's name in the file
	 * @param year the year it gives
	 * @param estimated whether USGS marks the year an estimate
	 */
	private record Column(String header, int year, boolean estimated) {
	}

	/** The file, checked: the columns the connector needs, rows of the header's length, one edition. */
	private record Table(List<String> header, List<CSVRecord> records, List<Column> production, String edition) {

		static Table parse(String text) {
			CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();
			List<CSVRecord> records = new ArrayList<>();
			List<String> header;
			try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
				header = parser.getHeaderNames();
				for (CSVRecord record : parser) {
					if (!record.isConsistent()) {
						throw new ConnectorException(NAME, "line " + parser.getCurrentLineNumber() + " has "
								+ record.size() + " fields, the header " + header.size() + " (malformed or truncated)");
					}
					records.add(record);
				}
			}
			catch (IOException | UncheckedIOException | IllegalArgumentException | IllegalStateException ex) {
				throw new ConnectorException(NAME, "the file is not CSV (malformed or truncated): " + ex.getMessage());
			}
			for (String column : REQUIRED) {
				if (!header.contains(column)) {
					throw new ConnectorException(NAME, "the file has no '" + column
							+ "' column; it is not a Mineral Commodity Summaries world data file");
				}
			}
			List<Column> production = new ArrayList<>();
			for (String column : header) {
				Matcher matcher = PRODUCTION.matcher(column.replace(" ", "").toUpperCase(Locale.ROOT));
				if (matcher.matches()) {
					production.add(new Column(column, Integer.parseInt(matcher.group(2)), matcher.group(1) != null));
				}
			}
			if (production.isEmpty()) {
				throw new ConnectorException(NAME, "the file has no PROD_<year> column");
			}
			if (records.isEmpty()) {
				throw new ConnectorException(NAME, "the file has no rows");
			}
			Set<String> editions = new LinkedHashSet<>();
			records.forEach(record -> editions.add(record.get("SOURCE").strip()));
			if (editions.size() != 1 || !EDITION.matcher(editions.iterator().next()).matches()) {
				throw new ConnectorException(NAME, "the SOURCE column names " + editions
						+ ", not one edition such as MCS2025");
			}
			return new Table(header, records, production, editions.iterator().next());
		}

		List<CSVRecord> rows(InboxProperties.MineralMapping mapping) {
			String commodity = key(mapping.commodity());
			String type = key(mapping.type());
			return this.records.stream()
				.filter(row -> key(row.get("COMMODITY")).equals(commodity) && key(row.get("TYPE")).startsWith(type))
				.toList();
		}

		String headerLine() {
			return line(this.header);
		}

		String line(CSVRecord row) {
			return line(row.toList());
		}

		private static String line(List<String> cells) {
			StringBuilder line = new StringBuilder();
			try {
				CSVFormat.RFC4180.printRecord(line, cells.toArray());
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			return line.toString().strip();
		}

	}

}
