package org.lodestone.inbox;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.lodestone.ingest.DatasetProblem;
import org.lodestone.ingest.FtmCrossReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Reads a FollowTheMoney entity file, one JSON entity per line as OpenSanctions publishes its datasets
 * ({@code https://data.opensanctions.org/datasets/latest/<dataset>/entities.ftm.json}), and proposes a designation
 * for every entity that may be an Actor the graph already holds: the same OpenSanctions id, Wikidata item, LEI or
 * credit code, or the same name or alias ({@link FtmCrossReference} decides, and its basis is the match's reason shown
 * to the reviewer). A designation is a {@code TARGETS} edge from the Policy the entity's dataset is mapped to in
 * {@code lodestone.inbox.opensanctions.datasets} (proposed as a new Policy when the graph lacks it) to the actor,
 * sourced to the entity's OpenSanctions page, dated by the listing date the entity carries ({@code createdAt}) or, failing
 * that, reported from when OpenSanctions first saw it.
 * <p>
 * The file proposes nothing about actors the graph does not hold, never changes a stored designation (one the graph
 * holds is skipped with the reason) and writes no identifier: an OpenSanctions id is named in the proposal's notes
 * for the analyst to check and add to {@code data/identifiers.csv}. A line that is not an FtM entity (malformed,
 * truncated) fails the whole run with its line number, so nothing is proposed from a damaged file.
 */
@Component
class OpenSanctionsConnector {

	static final String NAME = "opensanctions";

	/** The most proposals one file may make: a larger set is a matching problem for a person to look at first. */
	static final int MAX_PROPOSALS = 1_000;

	private static final Pattern DAY = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

	private static final Pattern MONTH = Pattern.compile("\\d{4}-\\d{2}");

	private static final Pattern YEAR = Pattern.compile("\\d{4}");

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final Map<String, InboxProperties.Designation> datasets;

	@Autowired
	OpenSanctionsConnector(InboxProperties properties) {
		this(properties.opensanctions().datasets());
	}

	OpenSanctionsConnector(Map<String, InboxProperties.Designation> datasets) {
		this.datasets = Map.copyOf(datasets);
	}

	/**
	 * @param document the retrieved FtM file
	 * @param graph what the graph holds
	 * @return the drafts, and what was skipped and why
	 * @throws ConnectorException when the file is not UTF-8 FtM JSON lines
	 */
	ConnectorRun read(FetchedDocument document, KnownGraph graph) {
		String text = utf8(document.bytes());
		List<FtmCrossReference.Actor> actors = graph.allActors();
		Map<String, FtmCrossReference.Actor> byId = actors.stream()
			.collect(Collectors.toMap(FtmCrossReference.Actor::id, actor -> actor, (a, b) -> a));
		List<DatasetProblem> problems = new ArrayList<>();
		List<FtmCrossReference.Candidate> candidates;
		try {
			candidates = new FtmCrossReference(actors).candidates(document.location(), new StringReader(text),
					problems);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		if (!problems.isEmpty()) {
			throw new ConnectorException(NAME, "the file is not FollowTheMoney JSON lines (malformed or truncated): "
					+ problems.get(0) + ((problems.size() > 1) ? " (and " + (problems.size() - 1) + " more)" : ""));
		}
		long lines = text.lines().filter(line -> !line.isBlank()).count();
		List<String> skipped = new ArrayList<>();
		if (candidates.isEmpty()) {
			skipped.add("no entity of the file (" + lines + " lines) matches an actor the graph holds");
			return new ConnectorRun(List.of(), skipped);
		}
		Map<String, Line> entities = entities(text,
				candidates.stream().map(FtmCrossReference.Candidate::ftmId).collect(Collectors.toSet()));
		List<ProposalDraft> drafts = new ArrayList<>();
		Map<String, Boolean> policiesHeld = new HashMap<>();
		for (FtmCrossReference.Candidate candidate : candidates) {
			Line entity = entities.get(candidate.ftmId());
			FtmCrossReference.Actor actor = byId.get(candidate.actor());
			List<String> mapped = entity.datasets().stream().filter(this.datasets::containsKey).toList();
			if (mapped.isEmpty()) {
				skipped.add(candidate.ftmId() + ": may be " + candidate.actor() + " (" + candidate.basis()
						+ "), but none of its datasets (" + String.join(", ", entity.datasets())
						+ ") is mapped to a Policy in lodestone.inbox.opensanctions.datasets");
				continue;
			}
			for (String dataset : mapped) {
				InboxProperties.Designation designation = this.datasets.get(dataset);
				if (graph.holdsRelationship(designation.policy(), "TARGETS", actor.id())) {
					skipped.add(candidate.ftmId() + ": the graph already holds (" + designation.policy()
							+ ")-[:TARGETS]->(" + actor.id() + ")");
					continue;
				}
				boolean policyHeld = policiesHeld.computeIfAbsent(designation.policy(), graph::holds);
				drafts.add(draft(document, candidate, entity, actor, dataset, designation, policyHeld));
				if (drafts.size() > MAX_PROPOSALS) {
					throw new ConnectorException(NAME, "the file would make more than " + MAX_PROPOSALS
							+ " proposals; match a smaller dataset");
				}
			}
		}
		return new ConnectorRun(drafts, skipped);
	}

	private ProposalDraft draft(FetchedDocument document, FtmCrossReference.Candidate candidate, Line entity,
			FtmCrossReference.Actor actor, String dataset, InboxProperties.Designation designation,
			boolean policyHeld) {
		String retrieved = document.retrievedAt().toString().substring(0, 10);
		String sourceDate = firstDay(entity.lastChange(), firstDay(entity.firstSeen(), retrieved));
		String sourceId = "src:opensanctions-" + slug(entity.id()) + "-" + sourceDate;
		String caption = (entity.caption() != null) ? entity.caption() : candidate.name();
		List<String> notes = new ArrayList<>();

		Map<String, String> source = new LinkedHashMap<>();
		source.put("id", sourceId);
		source.put("publisher", "OpenSanctions");
		source.put("title", caption + " (" + entity.schema() + ", OpenSanctions dataset " + dataset + ")");
		source.put("date", sourceDate);
		source.put("url", "https://www.opensanctions.org/entities/" + entity.id() + "/");
		source.put("type", "data");
		source.put("retrievedAt", document.retrievedAt().toString());
		source.put("contentSha256", document.sha256());

		List<Map<String, String>> entities = new ArrayList<>();
		if (!policyHeld) {
			Map<String, String> policy = new LinkedHashMap<>();
			policy.put("id", designation.policy());
			policy.put("subtype", designation.subtype());
			policy.put("name", designation.name());
			policy.put("description", "The designations of OpenSanctions dataset " + dataset + ".");
			policy.put("sources", sourceId);
			entities.add(policy);
			notes.add("policy: the dataset '" + dataset + "' is mapped to " + designation.policy()
					+ ", which the graph does not hold yet; proposed as a new " + designation.subtype());
		}

		Map<String, String> targets = new LinkedHashMap<>();
		targets.put("from", designation.policy());
		targets.put("to", actor.id());
		targets.put("type", "TARGETS");
		Listed listed = listed(entity, retrieved);
		targets.put("validFrom", listed.validFrom());
		if (listed.precision() != null) {
			targets.put("precision", listed.precision());
		}
		if (listed.basis() != null) {
			targets.put("basis", listed.basis());
		}
		boolean byIdentifier = !candidate.basis().startsWith("name ");
		targets.put("confidence", byIdentifier ? "0.9" : "0.5");
		targets.put("sources", sourceId);
		targets.put("note", "OpenSanctions entity " + entity.id() + " '" + caption + "' (" + entity.schema()
				+ ") in dataset " + dataset + "; matched to " + actor.id() + " by " + candidate.basis() + "; "
				+ listed.how());

		notes.add("match: " + candidate.basis() + (byIdentifier ? " (an identifier: strong)"
				: " (a name alone: check that it is the same " + (actor.person() ? "person" : "organisation") + ")"));
		notes.add("listed: " + listed.how());
		if (!entity.topics().isEmpty()) {
			notes.add("topics: " + String.join(", ", entity.topics()));
		}
		if (!actor.identifiers().containsKey(org.lodestone.graph.ExternalId.OPENSANCTIONS)) {
			notes.add("identifier: once checked, add '" + actor.id() + ",opensanctions," + entity.id()
					+ "' to data/identifiers.csv");
		}
		String text = (entity.json().length() <= InboxService.MAX_TEXT) ? entity.json()
				: entity.json().substring(0, InboxService.MAX_TEXT);
		String name = actor.names().isEmpty() ? actor.id() : actor.names().get(0);
		Provenance provenance = new Provenance(NAME, document.location(), document.retrievedAt(), document.sha256());
		return new ProposalDraft(provenance, dataset + "|" + entity.id() + "|" + actor.id(),
				abbreviate(caption, 200) + " (OpenSanctions " + dataset + ") may be " + name, text,
				new ProposedRows(List.of(source), entities, List.of(targets)), notes);
	}

	// The listing date the entity carries, to the day, month or year it gives; else the day OpenSanctions first saw
	// it, as the day the designation was reported holding (basis 'reported'), never a made-up start.
	private static Listed listed(Line entity, String retrieved) {
		for (String created : entity.createdAt()) {
			String value = created.strip();
			if (value.length() >= 10 && DAY.matcher(value.substring(0, 10)).matches()) {
				return new Listed(value.substring(0, 10), null, null, "listed on " + value.substring(0, 10)
						+ " (its createdAt)");
			}
			if (MONTH.matcher(value).matches()) {
				return new Listed(value + "-01", "month", null, "listed in " + value + " (its createdAt)");
			}
			if (YEAR.matcher(value).matches()) {
				return new Listed(value + "-01-01", "year", null, "listed in " + value + " (its createdAt)");
			}
		}
		String seen = firstDay(entity.firstSeen(), retrieved);
		return new Listed(seen, null, "reported", "no listing date; OpenSanctions first saw it on " + seen);
	}

	private static Map<String, Line> entities(String text, Set<String> ids) {
		Map<String, Line> found = new HashMap<>();
		text.lines().filter(line -> !line.isBlank()).forEach(line -> {
			JsonNode node = JSON.readTree(line);
			String id = node.path("id").asString(null);
			if (id != null && ids.contains(id) && !found.containsKey(id)) {
				JsonNode properties = node.path("properties");
				found.put(id, new Line(id, node.path("schema").asString(null), node.path("caption").asString(null),
						strings(node.path("datasets")), strings(properties.path("createdAt")),
						strings(properties.path("topics")), node.path("first_seen").asString(null),
						node.path("last_change").asString(null), line));
			}
		});
		return found;
	}

	private static String utf8(byte[] bytes) {
		try {
			return StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(bytes))
				.toString();
		}
		catch (CharacterCodingException ex) {
			throw new ConnectorException(NAME, "the file is not UTF-8 text (malformed or truncated)");
		}
	}

	private static String firstDay(String timestamp, String otherwise) {
		return (timestamp != null && timestamp.length() >= 10 && DAY.matcher(timestamp.substring(0, 10)).matches())
				? timestamp.substring(0, 10) : otherwise;
	}

	// Source ids are lowercase letters, digits, '.' and '-'; an FtM id may hold capitals and '_'.
	static String slug(String id) {
		String slug = id.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9.-]+", "-").replaceAll("^[^a-z0-9]+", "");
		return slug.isEmpty() ? "entity" : slug;
	}

	private static List<String> strings(JsonNode values) {
		List<String> all = new ArrayList<>();
		if (values.isArray()) {
			values.forEach(value -> {
				if (value.isString() && !value.asString().isBlank()) {
					all.add(value.asString().strip());
				}
			});
		}
		return List.copyOf(all);
	}

	private static String abbreviate(String text, int max) {
		return (text.length() <= max) ? text : text.substring(0, max - 3) + "...";
	}

	/**
	 * One matched entity of the file, with the fields a proposal needs and its line as retrieved.
	 */
	private record Line(String id, String schema, String caption, List<String> datasets, List<String> createdAt,
			List<String> topics, String firstSeen, String lastChange, String json) {
	}

	/**
	 * @param validFrom the date the designation is proposed from
	 * @param precision {@code month}, {@code year} or {@code null}
	 * @param basis {@code reported} or {@code null}
	 * @param how what the date is, in words
	 */
	private record Listed(String validFrom, String precision, String basis, String how) {
	}

}
