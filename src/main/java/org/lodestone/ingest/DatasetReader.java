package org.lodestone.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.lodestone.graph.ExternalId;
import org.lodestone.graph.Kind;
import org.lodestone.graph.DateBasis;
import org.lodestone.graph.DatePrecision;
import org.lodestone.graph.RelationshipType;
import org.lodestone.graph.Subtype;

/**
 * Reads the dataset's CSV files, or JSON graphs exported by Lodestone, and checks them against the format in
 * {@code docs/data-format.md}. Every problem in
 * every file is collected before anything is reported, so an analyst fixes them in one pass.
 * <p>
 * Hostile files are refused with a file, line and reason before any row is used: a file over the size limit (before
 * it is parsed), bytes that are not UTF-8, NUL characters (a binary file), broken quoting and ragged rows. A byte
 * order mark is accepted. Cells are only ever text: nothing in a file names a class, a type or a tag that is
 * instantiated (CSV has no such notion, and values become strings, dates and numbers only).
 */
public final class DatasetReader {

	/** The largest data file read by default, in bytes: 64 MB ({@code lodestone.import.max-file-size}). */
	public static final long DEFAULT_MAX_FILE_BYTES = 64L * 1024 * 1024;

	public static final List<String> SOURCE_COLUMNS = List.of("id", "publisher", "title", "date", "url", "type",
			"checkedOn", "checkedWhere", "retrievedAt", "contentSha256");

	public static final List<String> ENTITY_COLUMNS = List.of("id", "subtype", "name", "aliases", "description",
			"announced", "effective", "suspendedUntil", "rescinded", "sources", "wikidata", "lei", "uscc",
			"opensanctions");

	static final List<String> IDENTIFIER_COLUMNS = List.of("entity", "scheme", "value", "url", "checkedOn",
			"checkedWhere");

	// Every column: an identifier is added only with the record of where and when it was checked.
	private static final Set<String> REQUIRED_IDENTIFIER = Set.copyOf(IDENTIFIER_COLUMNS);

	public static final List<String> RELATIONSHIP_COLUMNS = List.of("from", "to", "type", "validFrom", "validTo",
			"confidence", "sources", "quote", "share", "note", "precision", "basis");

	private static final List<String> ENDPOINT_COLUMNS = List.of("from", "to");

	static final Set<String> SOURCE_TYPES = Set.of("news", "official", "filing", "statement", "analysis", "data");

	private static final Set<String> REQUIRED_SOURCE = Set.of("id", "publisher", "title", "date", "url", "type");

	private static final Set<String> REQUIRED_ENTITY = Set.of("id", "subtype", "name");

	private static final Set<String> REQUIRED_RELATIONSHIP = Set.of("from", "to", "type", "validFrom", "confidence",
			"sources");

	private static final Pattern SOURCE_ID = Pattern.compile("src:[a-z0-9][a-z0-9.-]*");

	private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

	// Seconds or fractions, always UTC ('Z'), so the text sorts as the instants do.
	private static final Pattern UTC_INSTANT = Pattern
		.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?Z");

	private static final Pattern ENTITY_ID = Pattern.compile("([a-z]+):[a-z0-9][a-z0-9.-]*");

	private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder()
		.setHeader()
		.setSkipHeaderRecord(true)
		.setIgnoreEmptyLines(true)
		.get();

	private final List<DatasetProblem> problems = new ArrayList<>();

	private final KnownIds known;

	private final long maxFileBytes;

	private DatasetReader(KnownIds known, long maxFileBytes) {
		this.known = known;
		this.maxFileBytes = maxFileBytes;
	}

	/**
	 * Reads and validates the files.
	 * @param files the dataset's CSV files
	 * @return the dataset
	 * @throws InvalidDatasetException with every problem found, when there is any
	 */
	public static Dataset read(List<DatasetFile> files) {
		return read(files, KnownIds.NONE);
	}

	/**
	 * Reads and validates the files, resolving references the files do not define against ids already stored.
	 * @param files the dataset's CSV files
	 * @param known ids already in the graph
	 * @return the dataset
	 * @throws InvalidDatasetException with every problem found, when there is any
	 */
	public static Dataset read(List<DatasetFile> files, KnownIds known) {
		return read(files, known, DEFAULT_MAX_FILE_BYTES);
	}

	/**
	 * Reads and validates the files, refusing any file larger than the limit before parsing it.
	 * @param files the dataset's CSV files
	 * @param known ids already in the graph
	 * @param maxFileBytes the largest file accepted, in bytes
	 * @return the dataset
	 * @throws InvalidDatasetException with every problem found, when there is any
	 */
	public static Dataset read(List<DatasetFile> files, KnownIds known, long maxFileBytes) {
		return new DatasetReader(known, maxFileBytes).readAll(files);
	}

	private Dataset readAll(List<DatasetFile> files) {
		List<Row> sourceRows = new ArrayList<>();
		List<Row> entityRows = new ArrayList<>();
		List<Row> relationshipRows = new ArrayList<>();
		List<Row> identifierRows = new ArrayList<>();
		if (files.isEmpty()) {
			this.problems.add(new DatasetProblem("(dataset)", 0, "no CSV files were given"));
		}
		for (DatasetFile file : files) {
			String name = file.fileName();
			if (name.endsWith(".json")) {
				JsonGraphFile graph = JsonGraphFile.read(file, this.problems);
				graph.sources.forEach(row -> sourceRows.add(new Row(file.name(), row.line(), row.values())));
				graph.entities.forEach(row -> entityRows.add(new Row(file.name(), row.line(), row.values())));
				graph.relationships.forEach(row -> relationshipRows.add(new Row(file.name(), row.line(), row.values())));
			}
			else if (name.startsWith("sources")) {
				sourceRows.addAll(parse(file, SOURCE_COLUMNS, REQUIRED_SOURCE));
			}
			else if (name.startsWith("entities")) {
				entityRows.addAll(parse(file, ENTITY_COLUMNS, REQUIRED_ENTITY));
			}
			else if (name.startsWith("relationships")) {
				relationshipRows.addAll(parse(file, RELATIONSHIP_COLUMNS, REQUIRED_RELATIONSHIP));
			}
			else if (name.startsWith("identifiers")) {
				identifierRows.addAll(parse(file, IDENTIFIER_COLUMNS, REQUIRED_IDENTIFIER));
			}
			else {
				this.problems.add(new DatasetProblem(file.name(), 0, "unknown file: names start with sources, "
						+ "entities, identifiers or relationships, or end with .json"));
			}
		}
		List<Dataset.Source> sources = sources(sourceRows);
		// Rows with problems still define their ids, so one bad cell does not cascade into "unknown id" reports.
		Set<String> sourceIds = new HashSet<>();
		sourceRows.forEach(row -> {
			if (row.get("id") != null) {
				sourceIds.add(row.get("id"));
			}
		});
		// With nothing stored to resolve against (a first start, a new store), the search for undefined ids is
		// skipped: on a million relationships it was a seventh of the reading time.
		if (this.known != KnownIds.NONE) {
			sourceIds.addAll(this.known.sources(undefined(entityRows, relationshipRows, sourceIds)));
		}
		Map<String, Map<ExternalId, String>> curated = identifiers(identifierRows, entityRows);
		List<Dataset.Entity> entities = entities(entityRows, sourceIds, curated);
		Map<String, Subtype> subtypes = new HashMap<>();
		entityRows.forEach(row -> {
			Subtype subtype = (row.get("subtype") != null) ? Subtype.fromLabel(row.get("subtype")) : null;
			if (row.get("id") != null && subtype != null) {
				subtypes.putIfAbsent(row.get("id"), subtype);
			}
		});
		if (this.known != KnownIds.NONE) {
			Set<String> undefinedEntities = new HashSet<>();
			for (Row row : relationshipRows) {
				for (String column : ENDPOINT_COLUMNS) {
					String id = row.get(column);
					if (id != null && !subtypes.containsKey(id)) {
						undefinedEntities.add(id);
					}
				}
			}
			if (!undefinedEntities.isEmpty()) {
				this.known.entities(undefinedEntities).forEach(subtypes::putIfAbsent);
			}
		}
		List<Dataset.Relationship> relationships = relationships(relationshipRows, subtypes, sourceIds);
		if (!this.problems.isEmpty()) {
			throw new InvalidDatasetException(this.problems);
		}
		return new Dataset(sources, entities, relationships);
	}

	private List<Row> parse(DatasetFile file, List<String> columns, Set<String> required) {
		List<Row> rows = new ArrayList<>();
		String text;
		try {
			text = decode(file);
		}
		catch (IOException ex) {
			this.problems.add(new DatasetProblem(file.name(), 0, "cannot be read: " + csvMessage(ex)));
			return rows;
		}
		if (text == null) {
			return rows;
		}
		try (Reader reader = new StringReader(text); CSVParser parser = FORMAT.parse(reader)) {
			// Interned, so a row's lookups by the column constants below match by identity, not by comparing text.
			List<String> header = parser.getHeaderNames()
				.stream()
				.map(DatasetReader::stripBom)
				.map(String::intern)
				.toList();
			boolean headerOk = true;
			for (String column : required) {
				if (!header.contains(column)) {
					this.problems.add(new DatasetProblem(file.name(), 1, "missing required column '" + column
							+ "'; the columns are " + String.join(",", columns)));
					headerOk = false;
				}
			}
			for (String column : header) {
				if (!columns.contains(column)) {
					this.problems.add(new DatasetProblem(file.name(), 1,
							"unknown column '" + column + "'; the columns are " + String.join(",", columns)));
					headerOk = false;
				}
			}
			if (!headerOk) {
				return rows;
			}
			long line = parser.getCurrentLineNumber() + 1;
			for (CSVRecord record : parser) {
				Map<String, String> values = new HashMap<>();
				for (int i = 0; i < header.size() && i < record.size(); i++) {
					String value = record.get(i).strip();
					if (!value.isEmpty()) {
						values.put(header.get(i), value);
					}
				}
				if (record.size() != header.size()) {
					this.problems.add(new DatasetProblem(file.name(), line,
							"has " + record.size() + " fields but the header has " + header.size()));
				}
				else {
					rows.add(new Row(file.name(), line, values));
				}
				line = parser.getCurrentLineNumber() + 1;
			}
		}
		catch (IOException ex) {
			this.problems.add(new DatasetProblem(file.name(), 0, "cannot be read: " + csvMessage(ex)));
		}
		catch (UncheckedIOException | IllegalArgumentException | IllegalStateException ex) {
			// Commons CSV reports malformed quoting as an unchecked exception naming the start line.
			this.problems.add(new DatasetProblem(file.name(), 0, "is not valid CSV: " + csvMessage(ex)));
		}
		return rows;
	}

	/**
	 * The file's text, or {@code null} after recording why it cannot be used: larger than the limit (checked on the
	 * bytes, before any parsing), not UTF-8 (the line and byte), or holding NUL characters.
	 */
	private String decode(DatasetFile file) throws IOException {
		byte[] bytes;
		try (InputStream in = file.content().open()) {
			// One byte past the limit shows a file is over it; the sum stays below 2 GB, so no limit can overflow it.
			bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 16L, this.maxFileBytes) + 1);
		}
		if (bytes.length > this.maxFileBytes) {
			this.problems.add(new DatasetProblem(file.name(), 0, "is larger than " + this.maxFileBytes
					+ " bytes, the most a data file may have (lodestone.import.max-file-size); split it into "
					+ "several files"));
			return null;
		}
		CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
			.onMalformedInput(CodingErrorAction.REPORT)
			.onUnmappableCharacter(CodingErrorAction.REPORT);
		ByteBuffer in = ByteBuffer.wrap(bytes);
		CharBuffer out = CharBuffer.allocate(bytes.length);
		CoderResult result = decoder.decode(in, out, true);
		if (!result.isError()) {
			result = decoder.flush(out);
		}
		if (result.isError()) {
			int offset = in.position();
			this.problems.add(new DatasetProblem(file.name(), lineAt(bytes, offset),
					String.format("is not valid UTF-8: byte 0x%02X at column %d (byte %d of the file); save it as "
							+ "UTF-8", bytes[offset] & 0xFF, columnAt(bytes, offset), offset + 1)));
			return null;
		}
		String text = out.flip().toString();
		if (text.startsWith("\uFEFF")) {
			text = text.substring(1);
		}
		int nul = text.indexOf('\0');
		if (nul >= 0) {
			this.problems.add(new DatasetProblem(file.name(), 1 + text.substring(0, nul).chars()
				.filter(c -> c == '\n').count(), "contains a NUL character; is it a binary file rather than CSV?"));
			return null;
		}
		return text;
	}

	private static long lineAt(byte[] bytes, int offset) {
		long line = 1;
		for (int i = 0; i < offset; i++) {
			if (bytes[i] == '\n') {
				line++;
			}
		}
		return line;
	}

	private static int columnAt(byte[] bytes, int offset) {
		int start = offset;
		while (start > 0 && bytes[start - 1] != '\n') {
			start--;
		}
		return offset - start + 1;
	}

	private List<Dataset.Source> sources(List<Row> rows) {
		List<Dataset.Source> sources = new ArrayList<>();
		Map<String, Row> seen = new HashMap<>();
		for (Row row : rows) {
			int before = this.problems.size();
			String id = row.required("id", this);
			if (id != null && !SOURCE_ID.matcher(id).matches()) {
				row.problem(this, "source id '" + id + "' must look like src:publisher-2025-07-15-slug");
			}
			if (id != null && seen.putIfAbsent(id, row) != null) {
				row.problem(this, "duplicate source id '" + id + "', first defined at " + seen.get(id).where());
			}
			String publisher = row.required("publisher", this);
			String title = row.required("title", this);
			LocalDate date = row.date("date", true, this);
			String url = row.required("url", this);
			if (url != null && !isWebUrl(url)) {
				row.problem(this, "url '" + url + "' is not an http(s) URL");
			}
			String type = row.required("type", this);
			if (type != null && !SOURCE_TYPES.contains(type)) {
				row.problem(this, "type '" + type + "' is not one of " + String.join(", ", sorted(SOURCE_TYPES)));
			}
			LocalDate checkedOn = row.date("checkedOn", false, this);
			String checkedWhere = row.get("checkedWhere");
			if (checkedOn != null && checkedWhere == null) {
				row.problem(this, "'checkedWhere' is required with 'checkedOn': say which copy was read and where in it "
						+ "the cited facts stand");
			}
			if (checkedOn == null && checkedWhere != null) {
				row.problem(this, "'checkedOn' is required with 'checkedWhere': the date of the check");
			}
			String retrievedAt = row.get("retrievedAt");
			String contentSha256 = row.get("contentSha256");
			if (retrievedAt != null && !isUtcInstant(retrievedAt)) {
				row.problem(this, "retrievedAt '" + retrievedAt + "' is not an ISO-8601 UTC instant such as "
						+ "2026-12-04T22:03:37Z");
			}
			if (contentSha256 != null && !SHA256.matcher(contentSha256).matches()) {
				row.problem(this, "contentSha256 '" + contentSha256 + "' is not a SHA-256 in 64 lowercase hex digits");
			}
			// A retrieval is recorded whole or not at all: a time without the content's hash proves nothing, and a hash
			// without a time cannot be dated.
			if ((retrievedAt == null) != (contentSha256 == null)) {
				row.problem(this, "'retrievedAt' and 'contentSha256' go together: a connector's source records both");
			}
			if (this.problems.size() == before) {
				sources.add(new Dataset.Source(id, publisher, title, date, url, type, checkedOn, checkedWhere,
						retrievedAt, contentSha256));
			}
		}
		return sources;
	}

	/**
	 * The curated identifiers ({@code identifiers*.csv}), checked in form and against the entity they name, which must
	 * be defined by an entities file of the same import: an identifier is written as a property of its entity's node,
	 * and the importer writes a node's properties whole.
	 */
	private Map<String, Map<ExternalId, String>> identifiers(List<Row> rows, List<Row> entityRows) {
		Map<String, Row> entityById = new HashMap<>();
		entityRows.forEach(row -> {
			if (row.get("id") != null) {
				entityById.putIfAbsent(row.get("id"), row);
			}
		});
		Map<String, Map<ExternalId, String>> identifiers = new HashMap<>();
		Map<String, Row> seen = new HashMap<>();
		for (Row row : rows) {
			String entity = row.required("entity", this);
			String schemeName = row.required("scheme", this);
			String value = row.required("value", this);
			String url = row.required("url", this);
			row.date("checkedOn", true, this);
			row.required("checkedWhere", this);
			if (url != null && !isWebUrl(url)) {
				row.problem(this, "url '" + url + "' is not an http(s) URL");
			}
			ExternalId scheme = (schemeName != null) ? ExternalId.fromProperty(schemeName) : null;
			if (schemeName != null && scheme == null) {
				row.problem(this, "unknown scheme '" + schemeName + "'; one of "
						+ String.join(", ", Arrays.stream(ExternalId.values()).map(ExternalId::property).toList()));
			}
			if (scheme == null || entity == null || value == null) {
				continue;
			}
			String problem = scheme.problem(value);
			if (problem != null) {
				row.problem(this, problem);
				continue;
			}
			Row entityRow = entityById.get(entity);
			if (entityRow == null) {
				row.problem(this, "names entity '" + entity + "', which no entities file of this import defines; "
						+ "identifiers are imported with their entities");
				continue;
			}
			Subtype subtype = (entityRow.get("subtype") != null) ? Subtype.fromLabel(entityRow.get("subtype")) : null;
			if (subtype != null && !scheme.appliesTo(subtype)) {
				row.problem(this, scheme.property() + " does not identify a " + subtype.label() + " ('" + entity
						+ "'); " + appliesTo(scheme));
				continue;
			}
			if (entityRow.get(scheme.property()) != null) {
				row.problem(this, "'" + entity + "' already has " + scheme.property() + " '"
						+ entityRow.get(scheme.property()) + "' at " + entityRow.where());
				continue;
			}
			String key = entity + "|" + scheme.property();
			if (seen.putIfAbsent(key, row) != null) {
				row.problem(this, "a second " + scheme.property() + " for '" + entity + "', the first at "
						+ seen.get(key).where());
				continue;
			}
			identifiers.computeIfAbsent(entity, id -> new EnumMap<>(ExternalId.class)).put(scheme, value);
		}
		return identifiers;
	}

	private static String appliesTo(ExternalId scheme) {
		return switch (scheme) {
			case LEI, USCC -> "it identifies companies only";
			case OPENSANCTIONS -> "it identifies actors only";
			case WIKIDATA -> "";
		};
	}

	private List<Dataset.Entity> entities(List<Row> rows, Set<String> sourceIds,
			Map<String, Map<ExternalId, String>> curated) {
		List<Dataset.Entity> entities = new ArrayList<>();
		Map<String, Row> seen = new HashMap<>();
		Map<String, Row> identifiersSeen = new HashMap<>();
		for (Row row : rows) {
			int before = this.problems.size();
			String id = row.required("id", this);
			String subtypeName = row.required("subtype", this);
			Subtype subtype = (subtypeName != null) ? Subtype.fromLabel(subtypeName) : null;
			if (subtypeName != null && subtype == null) {
				row.problem(this, "unknown subtype '" + subtypeName + "'; one of "
						+ String.join(", ", Arrays.stream(Subtype.values()).map(Subtype::label).toList()));
			}
			if (id != null) {
				var matcher = ENTITY_ID.matcher(id);
				if (!matcher.matches()) {
					row.problem(this, "id '" + id + "' must look like prefix:lowercase-slug");
				}
				else if (subtype != null && !matcher.group(1).equals(subtype.idPrefix())) {
					row.problem(this, "id '" + id + "' of subtype " + subtype.label() + " must start with '"
							+ subtype.idPrefix() + ":'");
				}
				if (seen.putIfAbsent(id, row) != null) {
					row.problem(this, "duplicate entity id '" + id + "', first defined at " + seen.get(id).where());
				}
			}
			String name = row.required("name", this);
			LocalDate announced = row.date("announced", false, this);
			LocalDate effective = row.date("effective", false, this);
			LocalDate suspendedUntil = row.date("suspendedUntil", false, this);
			LocalDate rescinded = row.date("rescinded", false, this);
			boolean hasLifecycle = announced != null || effective != null || suspendedUntil != null
					|| rescinded != null;
			if (subtype != null && subtype.kind() != Kind.POLICY && hasLifecycle) {
				row.problem(this, "lifecycle dates (announced, effective, suspendedUntil, rescinded) apply only to "
						+ "Policy subtypes, not " + subtype.label());
			}
			List<String> sources = row.list("sources");
			checkSources(row, sources, sourceIds);
			Map<ExternalId, String> identifiers = new EnumMap<>(ExternalId.class);
			for (ExternalId scheme : ExternalId.values()) {
				String value = row.get(scheme.property());
				if (value == null) {
					continue;
				}
				String problem = scheme.problem(value);
				if (problem != null) {
					row.problem(this, scheme.property() + " " + problem);
				}
				else if (subtype != null && !scheme.appliesTo(subtype)) {
					row.problem(this, scheme.property() + " does not identify a " + subtype.label() + "; "
							+ appliesTo(scheme));
				}
				else {
					identifiers.put(scheme, value);
				}
			}
			if (id != null && curated.containsKey(id)) {
				identifiers.putAll(curated.get(id));
			}
			for (Map.Entry<ExternalId, String> identifier : identifiers.entrySet()) {
				// One identifier names one entity: two entities sharing one are one entity twice, or a typing slip.
				String key = identifier.getKey().property() + "|" + identifier.getValue();
				Row first = identifiersSeen.putIfAbsent(key, row);
				if (first != null) {
					row.problem(this, identifier.getKey().property() + " '" + identifier.getValue()
							+ "' is also given to '" + first.get("id") + "' at " + first.where());
				}
			}
			if (this.problems.size() == before) {
				entities.add(new Dataset.Entity(id, subtype, name, row.list("aliases"), row.get("description"),
						announced, effective, suspendedUntil, rescinded, sources, identifiers));
			}
		}
		return entities;
	}

	private List<Dataset.Relationship> relationships(List<Row> rows, Map<String, Subtype> subtypes,
			Set<String> sourceIds) {
		List<Dataset.Relationship> relationships = new ArrayList<>();
		Map<EdgeKey, Row> seen = new HashMap<>();
		for (Row row : rows) {
			int before = this.problems.size();
			String from = row.required("from", this);
			String to = row.required("to", this);
			String typeName = row.required("type", this);
			RelationshipType type = (typeName != null) ? RelationshipType.fromName(typeName) : null;
			if (typeName != null && type == null) {
				row.problem(this, "unknown relationship type '" + typeName + "'; one of "
						+ String.join(", ", Arrays.stream(RelationshipType.values()).map(Enum::name).toList()));
			}
			Subtype fromSubtype = endpoint(row, "from", from, subtypes);
			Subtype toSubtype = endpoint(row, "to", to, subtypes);
			if (type != null && fromSubtype != null && !type.fromKinds().contains(fromSubtype.kind())) {
				row.problem(this, type + " cannot start at " + from + " (" + fromSubtype.kind().label()
						+ "); it starts at " + kinds(type.fromKinds()));
			}
			if (type != null && toSubtype != null && !type.toKinds().contains(toSubtype.kind())) {
				row.problem(this, type + " cannot end at " + to + " (" + toSubtype.kind().label()
						+ "); it ends at " + kinds(type.toKinds()));
			}
			LocalDate validFrom = row.date("validFrom", true, this);
			LocalDate validTo = row.date("validTo", false, this);
			if (validFrom != null && validTo != null && validTo.isBefore(validFrom)) {
				row.problem(this, "validTo " + validTo + " is before validFrom " + validFrom);
			}
			Double confidence = row.fraction("confidence", true, this);
			row.required("sources", this);
			List<String> sources = row.list("sources");
			checkSources(row, sources, sourceIds);
			String quote = row.get("quote");
			if (type != null && type.requiresQuote() && quote == null) {
				row.problem(this, type + " needs the exact quote in 'quote'");
			}
			Double share = row.fraction("share", false, this);
			if (share != null && type != null && !type.allowsShare()) {
				row.problem(this, "'share' applies only to SUPPLIES, not " + type);
			}
			DatePrecision precision = DatePrecision.DAY;
			String precisionValue = row.get("precision");
			if (precisionValue != null) {
				precision = DatePrecision.fromValue(precisionValue);
				if (precision == null) {
					row.problem(this, "'precision' value '" + precisionValue + "' is not one of day, month, year");
				}
				else if (precision != DatePrecision.DAY && validFrom != null && !startOf(validFrom, precision)) {
					row.problem(this, "validFrom " + validFrom + " with precision " + precision.value()
							+ " must be the first day of its " + precision.value());
				}
			}
			DateBasis basis = DateBasis.START;
			String basisValue = row.get("basis");
			if (basisValue != null) {
				basis = DateBasis.fromValue(basisValue);
				if (basis == null) {
					row.problem(this, "'basis' value '" + basisValue + "' is not one of start, reported");
				}
			}
			if (from != null && to != null && type != null) {
				// A type keyed by period (SUPPLIES) may repeat for the same pair, once per validFrom.
				EdgeKey key = new EdgeKey(from, type, to, type.keyedByPeriod() ? validFrom : null);
				if (seen.putIfAbsent(key, row) != null) {
					row.problem(this, "duplicate relationship (" + from + ")-[:" + type + "]->(" + to
							+ (type.keyedByPeriod() ? ") from " + validFrom : ")") + ", first defined at "
							+ seen.get(key).where());
				}
			}
			if (this.problems.size() == before) {
				relationships.add(new Dataset.Relationship(from, type, to, validFrom, validTo, confidence, sources,
						quote, share, row.get("note"), precision, basis));
			}
		}
		return relationships;
	}

	private static Set<String> undefined(List<Row> entityRows, List<Row> relationshipRows, Set<String> defined) {
		Set<String> undefined = new HashSet<>();
		for (List<Row> rows : List.of(entityRows, relationshipRows)) {
			for (Row row : rows) {
				for (String source : row.list("sources")) {
					if (!defined.contains(source)) {
						undefined.add(source);
					}
				}
			}
		}
		return undefined;
	}

	private Subtype endpoint(Row row, String column, String id, Map<String, Subtype> subtypes) {
		if (id == null) {
			return null;
		}
		Subtype subtype = subtypes.get(id);
		if (subtype == null) {
			row.problem(this, "'" + column + "' refers to unknown entity '" + id + "'");
		}
		return subtype;
	}

	private void checkSources(Row row, List<String> sources, Set<String> sourceIds) {
		for (String source : sources) {
			if (!sourceIds.contains(source)) {
				row.problem(this, "cites unknown source '" + source + "'");
			}
		}
	}

	private static boolean isUtcInstant(String text) {
		if (!UTC_INSTANT.matcher(text).matches()) {
			return false;
		}
		try {
			java.time.Instant.parse(text);
			return true;
		}
		catch (java.time.format.DateTimeParseException ex) {
			return false;
		}
	}

	private static boolean isWebUrl(String url) {
		try {
			URI uri = new URI(url);
			return ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null;
		}
		catch (URISyntaxException ex) {
			return false;
		}
	}

	private static String kinds(Set<Kind> kinds) {
		return String.join(" or ", kinds.stream().map(Kind::label).toList());
	}

	private static List<String> sorted(Set<String> values) {
		return values.stream().sorted().toList();
	}

	private static String stripBom(String column) {
		return column.startsWith("\uFEFF") ? column.substring(1) : column;
	}

	private static String csvMessage(Exception ex) {
		Throwable cause = ex;
		while (cause.getCause() != null && cause.getCause() != cause) {
			cause = cause.getCause();
		}
		return cause.getMessage();
	}

	// A record rather than a concatenated string: building a million keys was a tenth of the reading time.
	private record EdgeKey(String from, RelationshipType type, String to, LocalDate period) {
	}

	private static boolean startOf(LocalDate date, DatePrecision precision) {
		return date.getDayOfMonth() == 1 && (precision != DatePrecision.YEAR || date.getDayOfYear() == 1);
	}

	private record Row(String file, long line, Map<String, String> values) {

		String get(String column) {
			return this.values.get(column);
		}

		String where() {
			return this.file + ":" + this.line;
		}

		void problem(DatasetReader reader, String reason) {
			reader.problems.add(new DatasetProblem(this.file, this.line, reason));
		}

		String required(String column, DatasetReader reader) {
			String value = get(column);
			if (value == null) {
				problem(reader, "'" + column + "' is required");
			}
			return value;
		}

		LocalDate date(String column, boolean required, DatasetReader reader) {
			String value = required ? required(column, reader) : get(column);
			if (value == null) {
				return null;
			}
			try {
				return LocalDate.parse(value);
			}
			catch (DateTimeParseException ex) {
				problem(reader, "'" + column + "' value '" + value + "' is not a date (YYYY-MM-DD)");
				return null;
			}
		}

		Double fraction(String column, boolean required, DatasetReader reader) {
			String value = required ? required(column, reader) : get(column);
			if (value == null) {
				return null;
			}
			try {
				double number = Double.parseDouble(value);
				if (!(number >= 0 && number <= 1)) {
					problem(reader, "'" + column + "' value " + value + " is not in [0, 1]");
					return null;
				}
				return number;
			}
			catch (NumberFormatException ex) {
				problem(reader, "'" + column + "' value '" + value + "' is not a number");
				return null;
			}
		}

		List<String> list(String column) {
			String value = get(column);
			if (value == null) {
				return List.of();
			}
			Set<String> items = new LinkedHashSet<>();
			for (String item : value.split("\\|")) {
				if (!item.isBlank()) {
					items.add(item.strip());
				}
			}
			return List.copyOf(items);
		}

	}

}
