package org.lodestone.inbox;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

/**
 * Reads the Federal Register's documents API (one document, {@code /api/v1/documents/{number}.json}, or a page of
 * results, {@code /api/v1/documents.json?...}) and proposes, for each document of an agency mapped in
 * {@code lodestone.inbox.federal-register.agencies}: the document as a Source, the measure as a Policy (title,
 * document number and citation as aliases, publication date as {@code announced}, {@code effective_on} as
 * {@code effective}, action, type and CFR parts in its description), the agency's {@code ISSUED} edge quoting the
 * abstract's first sentence, and a {@code TARGETS} edge to every State or Company of the graph whose name or alias the
 * abstract names, quoting that sentence and saying which name matched. The abstract is the proposal's text, so every
 * quote's offsets point into it.
 * <p>
 * A document whose measure the graph already holds (by id or by its citation as an alias) proposes nothing: the
 * connector never changes a stored fact. A document that is not what the API returns (not JSON, truncated, a field
 * missing or of the wrong type) fails the whole run with the reason, so nothing is proposed from it.
 */
@Component
class FederalRegisterConnector {

	static final String NAME = "federal-register";

	/** The most documents one run reads. */
	static final int MAX_DOCUMENTS = 1_000;

	// Shorter names ("US", "EU", "BIS") match too much ordinary text to be proposed on a name alone.
	private static final int MIN_NAME = 4;

	private static final Pattern DOCUMENT_NUMBER = Pattern.compile("[A-Za-z0-9][A-Za-z0-9-]{0,40}");

	private static final Pattern SENTENCE_END = Pattern.compile("[.!?][\"”’)]?(?=\\s+[A-Z\"“(]|\\s*$)");

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final Map<String, InboxProperties.Issuer> agencies;

	@org.springframework.beans.factory.annotation.Autowired
	FederalRegisterConnector(InboxProperties properties) {
		this(properties.federalRegister().agencies());
	}

	FederalRegisterConnector(Map<String, InboxProperties.Issuer> agencies) {
		this.agencies = Map.copyOf(agencies);
	}

	/**
	 * @param document the retrieved JSON
	 * @param graph what the graph holds
	 * @return the drafts, and what was skipped and why
	 * @throws ConnectorException when the content is not a documents API answer
	 */
	ConnectorRun read(FetchedDocument document, KnownGraph graph) {
		JsonNode root;
		try {
			root = JSON.readTree(document.bytes());
		}
		catch (JacksonException ex) {
			throw new ConnectorException(NAME, "the document is not valid JSON (malformed or truncated): "
					+ ex.getOriginalMessage() + location(ex));
		}
		List<JsonNode> documents = new ArrayList<>();
		List<String> paths = new ArrayList<>();
		if (root == null || !root.isObject()) {
			throw new ConnectorException(NAME, "the document is not a JSON object");
		}
		if (root.has("results")) {
			JsonNode results = root.get("results");
			if (!results.isArray()) {
				throw new ConnectorException(NAME, "'results' is not a list of documents");
			}
			if (results.size() > MAX_DOCUMENTS) {
				throw new ConnectorException(NAME, "the page holds " + results.size() + " documents, more than the "
						+ MAX_DOCUMENTS + " read at once");
			}
			for (int i = 0; i < results.size(); i++) {
				documents.add(results.get(i));
				paths.add("results[" + i + "]");
			}
		}
		else if (root.has("document_number")) {
			documents.add(root);
			paths.add("the document");
		}
		else {
			throw new ConnectorException(NAME,
					"neither a document (no 'document_number') nor a page of documents (no 'results')");
		}
		List<ProposalDraft> drafts = new ArrayList<>();
		List<String> skipped = new ArrayList<>();
		List<KnownGraph.NamedActor> actors = null;
		for (int i = 0; i < documents.size(); i++) {
			FrDocument fr = FrDocument.of(documents.get(i), paths.get(i));
			Optional<Map.Entry<String, InboxProperties.Issuer>> issuer = issuer(fr);
			if (issuer.isEmpty()) {
				skipped.add(fr.number() + ": no agency of the document is mapped to an actor (" + fr.slugs() + ")");
				continue;
			}
			String policyId = "policy:us-fr-" + fr.number().toLowerCase(java.util.Locale.ROOT);
			Optional<String> stored = graph.policy(policyId,
					(fr.citation() != null) ? List.of(fr.citation()) : List.of());
			if (stored.isPresent()) {
				skipped.add(fr.number() + ": the graph already holds this measure as " + stored.get());
				continue;
			}
			if (actors == null) {
				actors = graph.actors();
			}
			drafts.add(draft(document, fr, policyId, issuer.get(), graph, actors));
		}
		return new ConnectorRun(drafts, skipped);
	}

	private ProposalDraft draft(FetchedDocument document, FrDocument fr, String policyId,
			Map.Entry<String, InboxProperties.Issuer> issuer, KnownGraph graph, List<KnownGraph.NamedActor> actors) {
		String number = fr.number().toLowerCase(java.util.Locale.ROOT);
		String sourceId = "src:federalregister-" + fr.published() + "-" + number;
		String text = (fr.abstractText() != null) ? fr.abstractText() : "";
		List<String> notes = new ArrayList<>();

		Map<String, String> source = new LinkedHashMap<>();
		source.put("id", sourceId);
		source.put("publisher", "Federal Register");
		source.put("title", fr.title());
		source.put("date", fr.published().toString());
		source.put("url", fr.htmlUrl());
		source.put("type", "official");
		source.put("retrievedAt", document.retrievedAt().toString());
		source.put("contentSha256", document.sha256());

		List<Map<String, String>> entities = new ArrayList<>();
		String actor = issuer.getValue().actor();
		if (!graph.holds(actor)) {
			Map<String, String> agency = new LinkedHashMap<>();
			agency.put("id", actor);
			agency.put("subtype", "Agency");
			agency.put("name", fr.agencyName(issuer.getKey()));
			agency.put("sources", sourceId);
			entities.add(agency);
			notes.add("issuer: the agency '" + issuer.getKey() + "' is mapped to " + actor
					+ ", which the graph does not hold yet; proposed as a new Agency");
		}
		else {
			notes.add("issuer: the agency '" + issuer.getKey() + "' is mapped to " + actor);
		}
		Map<String, String> policy = new LinkedHashMap<>();
		policy.put("id", policyId);
		policy.put("subtype", issuer.getValue().subtype());
		policy.put("name", fr.title());
		List<String> aliases = new ArrayList<>();
		if (fr.citation() != null) {
			aliases.add(fr.citation());
		}
		aliases.add("FR Doc. " + fr.number());
		policy.put("aliases", String.join("|", aliases));
		policy.put("description", fr.description());
		policy.put("announced", fr.published().toString());
		if (fr.effective() != null) {
			policy.put("effective", fr.effective().toString());
		}
		policy.put("sources", sourceId);
		entities.add(policy);

		List<Map<String, String>> relationships = new ArrayList<>();
		Map<String, String> issued = new LinkedHashMap<>();
		issued.put("from", actor);
		issued.put("to", policyId);
		issued.put("type", "ISSUED");
		issued.put("validFrom", fr.published().toString());
		issued.put("confidence", "0.95");
		issued.put("sources", sourceId);
		String first = firstSentence(text);
		if (first != null) {
			issued.put("quote", first);
		}
		issued.put("note", "Federal Register document " + fr.number()
				+ ((fr.citation() != null) ? " (" + fr.citation() + ")" : "") + ", published " + fr.published());
		relationships.add(issued);

		for (KnownGraph.NamedActor target : actors) {
			Optional<Match> match = match(text, target);
			if (match.isEmpty() || target.id().equals(actor) || target.id().equals(issuer.getValue().home())) {
				continue;
			}
			Map<String, String> targets = new LinkedHashMap<>();
			targets.put("from", policyId);
			targets.put("to", target.id());
			targets.put("type", "TARGETS");
			targets.put("validFrom", ((fr.effective() != null) ? fr.effective() : fr.published()).toString());
			targets.put("confidence", "0.6");
			targets.put("sources", sourceId);
			targets.put("quote", match.get().sentence());
			targets.put("note", "proposed because the abstract names '" + match.get().name() + "'; check that the "
					+ "measure applies to " + target.name());
			relationships.add(targets);
			notes.add("TARGETS " + target.id() + ": the abstract names '" + match.get().name() + "' ("
					+ ((match.get().name().equals(target.name())) ? "its name" : "an alias of " + target.name())
					+ ")");
		}
		if (!fr.cfrParts().isEmpty()) {
			notes.add("CFR parts: " + String.join(", ", fr.cfrParts()));
		}
		if (text.isEmpty()) {
			notes.add("the document has no abstract, so the ISSUED edge has no quote and no TARGETS were matched");
		}
		Provenance provenance = new Provenance(NAME, document.location(), document.retrievedAt(), document.sha256());
		return new ProposalDraft(provenance, fr.number(), fr.number() + ": " + fr.title(), text,
				new ProposedRows(List.of(source), entities, relationships), notes);
	}

	private Optional<Map.Entry<String, InboxProperties.Issuer>> issuer(FrDocument fr) {
		for (String slug : fr.slugList()) {
			InboxProperties.Issuer issuer = this.agencies.get(slug);
			if (issuer != null) {
				return Optional.of(Map.entry(slug, issuer));
			}
		}
		return Optional.empty();
	}

	static Optional<Match> match(String text, KnownGraph.NamedActor actor) {
		for (String name : actor.names()) {
			if (name.length() < MIN_NAME) {
				continue;
			}
			Matcher matcher = Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(name) + "(?![\\p{L}\\p{N}])")
				.matcher(text);
			if (matcher.find()) {
				return Optional.of(new Match(name, sentenceAround(text, matcher.start())));
			}
		}
		return Optional.empty();
	}

	static String firstSentence(String text) {
		if (text.isBlank()) {
			return null;
		}
		return sentenceAround(text, 0);
	}

	// The sentence holding the offset, exactly as it stands in the text (so it is a verbatim quote).
	static String sentenceAround(String text, int offset) {
		int start = 0;
		Matcher ends = SENTENCE_END.matcher(text);
		while (ends.find()) {
			if (ends.end() <= offset) {
				start = ends.end();
				continue;
			}
			return text.substring(start, ends.end()).strip();
		}
		return text.substring(start).strip();
	}

	private static String location(JacksonException ex) {
		return (ex.getLocation() != null)
				? " (line " + ex.getLocation().getLineNr() + ", column " + ex.getLocation().getColumnNr() + ")" : "";
	}

	/**
	 * @param name the name or alias found
	 * @param sentence the sentence it stands in
	 */
	record Match(String name, String sentence) {
	}

	/** One document of the API, with the fields the connector needs checked. */
	private record FrDocument(String number, String title, LocalDate published, LocalDate effective, String htmlUrl,
			String abstractText, String action, String type, String citation, List<String> cfrParts, JsonNode agencies,
			List<String> slugList) {

		static FrDocument of(JsonNode node, String path) {
			if (node == null || !node.isObject()) {
				throw new ConnectorException(NAME, path + " is not a document object");
			}
			String number = text(node, "document_number", path, true);
			String where = path + " (document " + number + ")";
			if (!DOCUMENT_NUMBER.matcher(number).matches()) {
				throw new ConnectorException(NAME, where + ": 'document_number' is not a document number");
			}
			String title = text(node, "title", where, true);
			LocalDate published = date(node, "publication_date", where, true);
			LocalDate effective = date(node, "effective_on", where, false);
			String htmlUrl = text(node, "html_url", where, true);
			if (!htmlUrl.startsWith("https://www.federalregister.gov/")) {
				throw new ConnectorException(NAME, where + ": 'html_url' is not a federalregister.gov address");
			}
			JsonNode agencies = node.get("agencies");
			if (agencies == null || !agencies.isArray()) {
				throw new ConnectorException(NAME, where + ": 'agencies' is missing or not a list");
			}
			List<String> slugs = new ArrayList<>();
			for (JsonNode agency : agencies) {
				JsonNode slug = agency.get("slug");
				if (slug != null && slug.isString()) {
					slugs.add(slug.asString());
				}
			}
			List<String> parts = new ArrayList<>();
			JsonNode cfr = node.get("cfr_references");
			if (cfr != null && cfr.isArray()) {
				for (JsonNode reference : cfr) {
					JsonNode titleNumber = reference.get("title");
					JsonNode part = reference.get("part");
					if (titleNumber != null && !titleNumber.isNull() && part != null && !part.isNull()) {
						parts.add(titleNumber.asString() + " CFR " + part.asString());
					}
				}
			}
			return new FrDocument(number, title, published, effective, htmlUrl,
					text(node, "abstract", where, false), text(node, "action", where, false),
					text(node, "type", where, false), text(node, "citation", where, false), parts, agencies, slugs);
		}

		String slugs() {
			return this.slugList.isEmpty() ? "it names none" : "it names " + String.join(", ", this.slugList);
		}

		String agencyName(String slug) {
			for (JsonNode agency : this.agencies) {
				JsonNode name = agency.get("name");
				if (agency.has("slug") && slug.equals(agency.get("slug").asString()) && name != null
						&& name.isString()) {
					return name.asString();
				}
			}
			return slug;
		}

		String description() {
			StringBuilder text = new StringBuilder();
			if (this.action != null) {
				text.append(this.action.strip());
				if (!this.action.strip().endsWith(".")) {
					text.append('.');
				}
				text.append(' ');
			}
			text.append((this.type != null) ? this.type : "Document").append(" published in the Federal Register on ")
				.append(this.published)
				.append(" (")
				.append((this.citation != null) ? this.citation + ", " : "")
				.append("document ")
				.append(this.number)
				.append(')');
			if (!this.cfrParts.isEmpty()) {
				text.append("; amends ").append(String.join(", ", this.cfrParts));
			}
			if (this.effective != null) {
				text.append("; effective ").append(this.effective);
			}
			return text.append('.').toString();
		}

		private static String text(JsonNode node, String field, String where, boolean required) {
			JsonNode value = node.get(field);
			if (value == null || value.isNull()) {
				if (required) {
					throw new ConnectorException(NAME, where + " lacks '" + field + "'");
				}
				return null;
			}
			if (!value.isString()) {
				throw new ConnectorException(NAME, where + ": '" + field + "' is not text");
			}
			String text = value.asString().strip();
			if (text.isEmpty() && required) {
				throw new ConnectorException(NAME, where + ": '" + field + "' is empty");
			}
			return text.isEmpty() ? null : text;
		}

		private static LocalDate date(JsonNode node, String field, String where, boolean required) {
			String text = text(node, field, where, required);
			if (text == null) {
				return null;
			}
			try {
				return LocalDate.parse(text);
			}
			catch (DateTimeParseException ex) {
				throw new ConnectorException(NAME, where + ": '" + field + "' value '" + text + "' is not a date");
			}
		}

	}

}
