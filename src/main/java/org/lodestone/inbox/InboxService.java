package org.lodestone.inbox;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

import org.lodestone.ingest.Dataset;
import org.lodestone.ingest.GraphImporter;
import org.lodestone.ingest.ImportOptions;
import org.lodestone.ingest.ImportProgress;
import org.lodestone.ingest.ImportReport;
import org.lodestone.neo4j.CypherResources;
import org.lodestone.neo4j.GraphReads;
import org.lodestone.request.InvalidRequestException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;

/**
 * The inbox: stores checked proposals, lists them, shows one beside what the graph holds, and accepts (through the
 * importer, all or nothing) or rejects them. Nothing here writes a fact to the graph except an accept, and an accept
 * writes exactly the proposal's rows (or the reviewer's edit of them) after the importer's own validation.
 */
@Service
public class InboxService {

	/** The most rows one proposal may hold. */
	public static final int MAX_ROWS = 200;

	/** The longest text a proposal's quotes are located in, in characters. */
	public static final int MAX_TEXT = 100_000;

	/** The most proposals one list returns. */
	public static final int MAX_LIST = 500;

	/** The longest title of a proposal. */
	public static final int MAX_TITLE = 500;

	/** The longest document URL of a proposal from a document. */
	public static final int MAX_URL = 2_000;

	static final int MAX_REASON = 2_000;

	static final int MAX_NOTES = 100;

	private static final String APPLICATION = "lodestone-inbox";

	private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

	private static final Set<String> STATUSES = Set.of(Proposal.PENDING, Proposal.ACCEPTED, Proposal.REJECTED);

	private static final String LIST = CypherResources.load(InboxService.class, "list-proposals.cypher");

	private static final String ONE = CypherResources.load(InboxService.class, "proposal.cypher");

	private static final String HELD_ENTITIES = CypherResources.load(InboxService.class, "held-entities.cypher");

	private static final String HELD_SOURCES = CypherResources.load(InboxService.class, "held-sources.cypher");

	// The relationship type is compared as a value, not spliced into the pattern: the rows' text never becomes Cypher.
	private static final String HELD_RELATIONSHIPS = CypherResources.load(InboxService.class,
			"held-relationships.cypher");

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final GraphImporter importer;

	private final ProposalStore store;

	private final GraphReads reads;

	private final Clock clock;

	@Autowired
	InboxService(GraphImporter importer, ProposalStore store, GraphReads reads) {
		this(importer, store, reads, Clock.systemUTC());
	}

	InboxService(GraphImporter importer, ProposalStore store, GraphReads reads, Clock clock) {
		this.importer = importer;
		this.store = store;
		this.reads = reads;
		this.clock = clock;
	}

	/**
	 * Checks every draft and stores them all, or none when any fails its checks: a connector run that fails leaves
	 * the inbox as it was. A draft whose connector, document and rows are already in the inbox proposes nothing new.
	 * @param drafts the drafts
	 * @return one outcome per draft, in order
	 * @throws InvalidRequestException when a draft breaks a limit or a quote is not in its text
	 * @throws org.lodestone.ingest.InvalidDatasetException when the rows would not import (file, line and reason)
	 */
	public List<Proposed> propose(List<ProposalDraft> drafts) {
		Instant now = this.clock.instant();
		List<Proposal> proposals = new ArrayList<>();
		for (ProposalDraft draft : drafts) {
			proposals.add(check(draft, now));
		}
		if (proposals.isEmpty()) {
			return List.of();
		}
		Set<String> created = this.store.create(proposals);
		return proposals.stream()
			.map(proposal -> new Proposed(proposal.id(), proposal.title(), created.contains(proposal.id())))
			.toList();
	}

	/**
	 * @param status {@code pending}, {@code accepted}, {@code rejected} or {@code null} for all
	 * @param limit the most to return, 1 to {@link #MAX_LIST}
	 * @return the newest proposals first
	 */
	public List<Proposal.Summary> list(String status, int limit) {
		if (status != null && !STATUSES.contains(status)) {
			throw new InvalidRequestException("status", "status is one of pending, accepted, rejected; got '"
					+ abbreviate(status) + "'");
		}
		if (limit < 1 || limit > MAX_LIST) {
			throw new InvalidRequestException("limit", "limit is between 1 and " + MAX_LIST);
		}
		Map<String, Object> parameters = new LinkedHashMap<>();
		parameters.put("status", status);
		parameters.put("limit", limit);
		return this.reads.list(LIST, parameters, APPLICATION).stream().map(row -> {
			@SuppressWarnings("unchecked")
			Map<String, Object> p = (Map<String, Object>) row.get("p");
			return new Proposal.Summary((String) p.get("id"), (String) p.get("status"), (String) p.get("title"),
					(String) p.get("connector"), (String) p.get("documentUrl"), instant(p.get("retrievedAt")),
					((Number) p.get("rowCount")).intValue(), instant(p.get("createdAt")), (String) p.get("decidedBy"));
		}).toList();
	}

	/**
	 * @param id a proposal's id
	 * @return the proposal, and what the graph holds under the ids and relationships it names, side by side
	 * @throws ProposalNotFoundException when there is no such proposal
	 */
	public ProposalReview review(String id) {
		Proposal proposal = find(id);
		return new ProposalReview(proposal, held(proposal.rows()));
	}

	/**
	 * Imports the proposal's rows, or the reviewer's edit of them, through the importer: validated, all or nothing.
	 * @param id the proposal
	 * @param edits the rows as the reviewer corrected them, or {@code null} to accept them as proposed
	 * @param reviewer who accepts (the credential's name)
	 * @return the proposal as accepted
	 * @throws org.lodestone.ingest.InvalidDatasetException when the rows would break the dataset's rules; nothing is
	 * written and the proposal stays pending
	 */
	public Proposal accept(String id, ProposedRows edits, String reviewer) {
		Proposal proposal = pending(id);
		ProposedRows rows = proposal.rows();
		List<QuoteSpan> quotes = proposal.quotes();
		if (edits != null) {
			checkRows(edits, "rows");
			quotes = Quotes.locate(proposal.text(), edits.relationships(), "rows");
			rows = edits;
		}
		Dataset dataset = this.importer.read(rows.toFiles("inbox/" + id));
		// Recorded in the graph's history as the reviewer's change, its reason naming the proposal, so a version
		// read back later says who let it in and from which proposal.
		ImportReport report = this.importer.importDataset(dataset,
				ImportOptions.unattended(reviewer).withReason(changeReason(proposal, edits != null)),
				ImportProgress.NONE);
		String outcome = "imported: sources " + report.sources() + "; entities " + report.entities()
				+ "; relationships " + report.relationships()
				+ ((report.changeId() != null) ? "; recorded as " + report.changeId()
						: "; the graph held every row already, so no change was recorded");
		if (!this.store.decide(id, Proposal.ACCEPTED, reviewer, this.clock.instant(), outcome, report.changeId(),
				(edits != null) ? rows : null, (edits != null) ? quotes : null)) {
			// Someone decided it meanwhile; the import was idempotent (rows merge on their ids), so nothing doubled.
			Proposal now = find(id);
			throw new ProposalDecidedException(id, now.status(), now.decidedBy());
		}
		return find(id);
	}

	/**
	 * @param proposal the proposal accepted
	 * @param edited whether the reviewer edited its rows
	 * @return the recorded change's reason: {@code accepts inbox proposal:… (title)}, bounded as the importer wants
	 */
	static String changeReason(Proposal proposal, boolean edited) {
		String reason = "accepts inbox " + proposal.id() + (edited ? " as edited" : "") + " ("
				+ proposal.provenance().connector() + ": " + proposal.title() + ")";
		return (reason.length() <= ImportOptions.MAX_REASON) ? reason
				: reason.substring(0, ImportOptions.MAX_REASON - 4) + "...)";
	}

	/**
	 * @param id the proposal
	 * @param reason why, for the record
	 * @param reviewer who rejects (the credential's name)
	 * @return the proposal as rejected
	 */
	public Proposal reject(String id, String reason, String reviewer) {
		if (reason == null || reason.isBlank()) {
			throw new InvalidRequestException("reason", "a rejection needs a reason");
		}
		if (reason.length() > MAX_REASON) {
			throw new InvalidRequestException("reason", "the reason is longer than " + MAX_REASON + " characters");
		}
		pending(id);
		if (!this.store.decide(id, Proposal.REJECTED, reviewer, this.clock.instant(), reason.strip(), null, null,
				null)) {
			Proposal now = find(id);
			throw new ProposalDecidedException(id, now.status(), now.decidedBy());
		}
		return find(id);
	}

	/**
	 * An analyst's claim from a document they read: the quote of every relationship must stand in the pasted text.
	 * @param url where the document is
	 * @param title a line for the inbox list, or {@code null}
	 * @param text the document's text
	 * @param claim the rows claimed
	 * @return the outcome
	 */
	public Proposed proposeFromDocument(String url, String title, String text, ProposedRows claim) {
		if (url == null || !(url.startsWith("https://") || url.startsWith("http://")) || url.length() > MAX_URL) {
			throw new InvalidRequestException("url", "url is the document's http(s) address");
		}
		if (text == null || text.isBlank()) {
			throw new InvalidRequestException("text", "text is the document's text, in which every quote is found");
		}
		if (claim == null) {
			throw new InvalidRequestException("claim", "claim holds the proposed rows");
		}
		Provenance provenance = new Provenance("document", url, this.clock.instant(),
				sha256(text.getBytes(StandardCharsets.UTF_8)));
		String line = (title != null && !title.isBlank()) ? title.strip() : "Claim from " + url;
		return propose(List.of(new ProposalDraft(provenance, url, line, text, claim, List.of()))).get(0);
	}

	private Proposal check(ProposalDraft draft, Instant now) {
		Provenance provenance = draft.provenance();
		if (provenance == null || provenance.connector() == null || provenance.documentUrl() == null
				|| provenance.retrievedAt() == null || provenance.contentSha256() == null
				|| !SHA256.matcher(provenance.contentSha256()).matches()) {
			throw new InvalidRequestException("provenance",
					"a proposal names its connector, document URL, retrieval time and the SHA-256 of the content");
		}
		if (draft.title() == null || draft.title().isBlank() || draft.title().length() > MAX_TITLE) {
			throw new InvalidRequestException("title", "title is 1 to " + MAX_TITLE + " characters");
		}
		if (draft.text().length() > MAX_TEXT) {
			throw new InvalidRequestException("text", "the text is longer than " + MAX_TEXT + " characters");
		}
		if (draft.notes().size() > MAX_NOTES) {
			throw new InvalidRequestException("notes", "a proposal carries at most " + MAX_NOTES + " notes");
		}
		checkRows(draft.rows(), "claim");
		List<QuoteSpan> quotes = Quotes.locate(draft.text(), draft.rows().relationships(), "claim");
		String id = "proposal:" + sha256((provenance.connector() + "\n" + draft.documentKey() + "\n"
				+ canonical(draft.rows())).getBytes(StandardCharsets.UTF_8)).substring(0, 16);
		// Read as the accept would read them, so a proposal that could never be accepted is refused now, with the
		// importer's file:line problems.
		this.importer.read(draft.rows().toFiles("inbox/" + id));
		List<String> notes = new ArrayList<>(draft.notes());
		notes.addAll(changes(draft.rows()));
		return new Proposal(id, Proposal.PENDING, draft.title().strip(), provenance, draft.text(), draft.rows(), quotes,
				notes, now, null, null, null, null);
	}

	private static void checkRows(ProposedRows rows, String parameter) {
		if (rows.size() == 0) {
			throw new InvalidRequestException(parameter, "a proposal holds at least one row");
		}
		if (rows.size() > MAX_ROWS) {
			throw new InvalidRequestException(parameter, "a proposal holds at most " + MAX_ROWS + " rows");
		}
		rows.checkColumns(parameter);
	}

	// What the reviewer must know before accepting: which rows would replace what the graph already holds.
	private List<String> changes(ProposedRows rows) {
		Map<String, Object> held = held(rows);
		List<String> notes = new ArrayList<>();
		held.keySet().forEach(key -> notes.add("changes what the graph holds: " + key));
		return notes;
	}

	private Map<String, Object> held(ProposedRows rows) {
		Map<String, Object> held = new TreeMap<>();
		List<String> entityIds = rows.entities().stream().map(row -> row.get("id")).filter(id -> id != null).toList();
		List<String> sourceIds = rows.sources().stream().map(row -> row.get("id")).filter(id -> id != null).toList();
		List<Map<String, Object>> relationships = new ArrayList<>();
		for (Map<String, String> row : rows.relationships()) {
			if (row.get("from") != null && row.get("to") != null && row.get("type") != null) {
				relationships.add(Map.of("from", row.get("from"), "to", row.get("to"), "type", row.get("type"), "key",
						relationshipKey(row)));
			}
		}
		if (!entityIds.isEmpty()) {
			this.reads.list(HELD_ENTITIES, Map.of("ids", entityIds), APPLICATION)
				.forEach(row -> held.put((String) row.get("key"), row.get("props")));
		}
		if (!sourceIds.isEmpty()) {
			this.reads.list(HELD_SOURCES, Map.of("ids", sourceIds), APPLICATION)
				.forEach(row -> held.put((String) row.get("key"), row.get("props")));
		}
		if (!relationships.isEmpty()) {
			this.reads.list(HELD_RELATIONSHIPS, Map.of("rows", relationships), APPLICATION)
				.forEach(row -> held.put((String) row.get("key"), row.get("props")));
		}
		return held;
	}

	/**
	 * @param row a relationship row
	 * @return how lint and the side-by-side name it: {@code (from)-[:TYPE]->(to)}
	 */
	static String relationshipKey(Map<String, String> row) {
		return "(" + row.get("from") + ")-[:" + row.get("type") + "]->(" + row.get("to") + ")";
	}

	private Proposal pending(String id) {
		Proposal proposal = find(id);
		if (!Proposal.PENDING.equals(proposal.status())) {
			throw new ProposalDecidedException(id, proposal.status(), proposal.decidedBy());
		}
		return proposal;
	}

	private Proposal find(String id) {
		if (id == null || id.length() > 100) {
			throw new ProposalNotFoundException(abbreviate(String.valueOf(id)));
		}
		List<Map<String, Object>> rows = this.reads.list(ONE, Map.of("id", id), APPLICATION);
		if (rows.isEmpty()) {
			throw new ProposalNotFoundException(id);
		}
		@SuppressWarnings("unchecked")
		Map<String, Object> p = (Map<String, Object>) rows.get(0).get("p");
		@SuppressWarnings("unchecked")
		List<String> notes = (p.get("notes") instanceof List<?> list) ? (List<String>) list : List.of();
		return new Proposal(id, (String) p.get("status"), (String) p.get("title"),
				new Provenance((String) p.get("connector"), (String) p.get("documentUrl"),
						instant(p.get("retrievedAt")), (String) p.get("contentSha256")),
				(String) p.get("text"), JSON.readValue((String) p.get("rows"), ProposedRows.class),
				JSON.readValue((String) p.get("quotes"), new TypeReference<List<QuoteSpan>>() {
				}), notes, instant(p.get("createdAt")), (String) p.get("decidedBy"), instant(p.get("decidedAt")),
				(String) p.get("reason"), (String) p.get("change"));
	}

	private static Instant instant(Object value) {
		return (value instanceof TemporalAccessor temporal) ? Instant.from(temporal) : null;
	}

	// The rows with their cells in column-name order, so the same claim sent twice with its keys in another order is
	// the same proposal.
	private static String canonical(ProposedRows rows) {
		Map<String, Object> all = new TreeMap<>();
		all.put("entities", rows.entities().stream().map(TreeMap::new).toList());
		all.put("relationships", rows.relationships().stream().map(TreeMap::new).toList());
		// When a connector retrieved its document is no part of what it proposes: the same content fetched again is
		// the same proposal (contentSha256 says whether the content is the same). That includes a source dated by its
		// retrieval because the document carries no date of its own.
		all.put("sources", rows.sources().stream().map(row -> {
			TreeMap<String, String> cells = new TreeMap<>(row);
			String retrievedAt = cells.remove("retrievedAt");
			if (retrievedAt != null && retrievedAt.length() >= 10
					&& retrievedAt.substring(0, 10).equals(cells.get("date"))) {
				cells.remove("date");
			}
			return cells;
		}).toList());
		return JSON.writeValueAsString(all);
	}

	static String sha256(byte[] bytes) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("every JVM has SHA-256", ex);
		}
	}

	private static String abbreviate(String text) {
		return (text.length() <= 60) ? text : text.substring(0, 57) + "...";
	}

	/**
	 * What became of one draft.
	 *
	 * @param id the proposal's id
	 * @param title its title
	 * @param created whether it is new; {@code false} when the same proposal was already in the inbox
	 */
	public record Proposed(String id, String title, boolean created) {
	}

	/**
	 * A proposal beside what the graph holds.
	 *
	 * @param proposal the proposal
	 * @param held the stored properties under each entity and source id the rows name, and the stored relationships
	 * for each {@code (from)-[:TYPE]->(to)} they name (a list: {@code SUPPLIES} holds one per period); a key is absent
	 * when the graph holds nothing there
	 */
	public record ProposalReview(Proposal proposal, Map<String, Object> held) {
	}

}
