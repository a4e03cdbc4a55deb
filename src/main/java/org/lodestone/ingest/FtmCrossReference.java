package org.lodestone.ingest;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.lodestone.graph.ExternalId;
import org.lodestone.graph.Kind;
import org.lodestone.graph.Subtype;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a FollowTheMoney entity file (one JSON entity per line, as OpenSanctions publishes its datasets) and lists the
 * entities in it that may be Lodestone actors: the same Wikidata item, LEI, credit code or OpenSanctions id, or the
 * same name or alias (at least {@value #MIN_NAME} letters or digits). They are candidates for an analyst to confirm, never written to the graph: a shared name is not
 * proof. The file is read one line at a time, so a dataset of any size fits; a line is at most
 * {@value #MAX_LINE} characters.
 */
public final class FtmCrossReference {

	/** The longest line read: OpenSanctions' largest entities are well under this. */
	static final int MAX_LINE = 1_000_000;

	/** The shortest name, once normalized, that is matched. */
	static final int MIN_NAME = 4;

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/** FtM schemata of people and of organisations, the ones an actor can be. */
	private static final Set<String> PEOPLE = Set.of("Person");

	private static final Set<String> ORGANISATIONS = Set.of("Company", "Organization", "PublicBody", "LegalEntity");

	private final Map<String, List<String>> byIdentifier = new HashMap<>();

	private final Map<String, List<Actor>> byName = new HashMap<>();

	/**
	 * One possible match.
	 *
	 * @param actor the Lodestone actor's id
	 * @param ftmId the FtM entity's id
	 * @param schema its FtM schema
	 * @param name its first name
	 * @param basis what matched: {@code wikidata Q…}, {@code lei …}, {@code uscc …}, {@code opensanctions id} or
	 * {@code name '…'}
	 */
	public record Candidate(String actor, String ftmId, String schema, String name, String basis) {

		@Override
		public String toString() {
			return this.actor + " <- " + this.ftmId + " (" + this.schema + " '" + this.name + "'): " + this.basis;
		}

	}

	/**
	 * An actor to match against, as a dataset or the stored graph holds it.
	 *
	 * @param id its id
	 * @param person whether it is a Person (a person's name matches only a person, an organisation's only others)
	 * @param names its name and aliases
	 * @param identifiers its external ids by scheme
	 */
	public record Actor(String id, boolean person, List<String> names, Map<ExternalId, String> identifiers) {

		public Actor {
			names = List.copyOf(names);
			identifiers = Map.copyOf(identifiers);
		}

	}

	/**
	 * @param dataset the actors to match against
	 */
	public FtmCrossReference(Dataset dataset) {
		this(dataset.entities()
			.stream()
			.filter(entity -> entity.subtype().kind() == Kind.ACTOR)
			.map(entity -> new Actor(entity.id(), entity.subtype() == Subtype.PERSON, names(entity),
					entity.identifiers()))
			.toList());
	}

	/**
	 * @param actors the actors to match against, such as the ones the stored graph holds
	 */
	public FtmCrossReference(List<Actor> actors) {
		for (Actor actor : actors) {
			actor.identifiers().forEach((scheme, value) -> this.byIdentifier
				.computeIfAbsent(scheme.property() + "|" + value, key -> new ArrayList<>()).add(actor.id()));
			for (String name : actor.names()) {
				String normalized = normalize(name);
				// Short names and acronyms (US, Xi, TEL) name too many others to be worth a candidate.
				if (normalized.length() >= MIN_NAME && !this.byName.getOrDefault(normalized, List.of()).contains(actor)) {
					this.byName.computeIfAbsent(normalized, key -> new ArrayList<>()).add(actor);
				}
			}
		}
	}

	/**
	 * @param file the FtM file's name, for problems
	 * @param in its lines
	 * @param problems where malformed lines are reported, as {@code file:line: reason}
	 * @return the candidates, by actor and then FtM id, at most one per pair (the strongest basis)
	 * @throws IOException when the file cannot be read
	 */
	public List<Candidate> candidates(String file, Reader in, List<DatasetProblem> problems) throws IOException {
		Map<String, Candidate> found = new HashMap<>();
		StringBuilder line = new StringBuilder();
		long number = 0;
		boolean tooLong = false;
		int c;
		while (true) {
			c = in.read();
			if (c == '\n' || c == -1) {
				if (line.length() > 0 || tooLong) {
					number++;
					if (tooLong) {
						problems.add(new DatasetProblem(file, number, "is longer than " + MAX_LINE + " characters"));
					}
					else {
						line(file, number, line.toString(), found, problems);
					}
				}
				else if (c == '\n') {
					number++;
				}
				line.setLength(0);
				tooLong = false;
				if (c == -1) {
					break;
				}
			}
			else if (line.length() < MAX_LINE) {
				line.append((char) c);
			}
			else {
				tooLong = true;
			}
		}
		return found.values().stream()
			.sorted(Comparator.comparing(Candidate::actor).thenComparing(Candidate::ftmId))
			.toList();
	}

	private void line(String file, long number, String text, Map<String, Candidate> found,
			List<DatasetProblem> problems) {
		if (text.isBlank()) {
			return;
		}
		JsonNode entity;
		try {
			entity = JSON.readTree(text);
		}
		catch (JacksonException ex) {
			problems.add(new DatasetProblem(file, number, "is not JSON: " + ex.getOriginalMessage()));
			return;
		}
		String id = entity.path("id").asString(null);
		String schema = entity.path("schema").asString(null);
		if (id == null || schema == null || !entity.path("properties").isObject()) {
			problems.add(new DatasetProblem(file, number, "is not an FtM entity: it needs id, schema and properties"));
			return;
		}
		boolean person = PEOPLE.contains(schema);
		if (!person && !ORGANISATIONS.contains(schema)) {
			return;
		}
		JsonNode properties = entity.path("properties");
		String name = first(properties.path("name"));
		match(found, ExternalId.OPENSANCTIONS, id, id, schema, name, "opensanctions id");
		for (String qid : values(properties.path("wikidataId"))) {
			match(found, ExternalId.WIKIDATA, qid, id, schema, name, "wikidata " + qid);
		}
		for (String lei : values(properties.path("leiCode"))) {
			match(found, ExternalId.LEI, lei, id, schema, name, "lei " + lei);
		}
		for (String code : values(properties.path("registrationNumber"))) {
			match(found, ExternalId.USCC, code, id, schema, name, "uscc " + code);
		}
		Set<String> names = new LinkedHashSet<>(values(properties.path("name")));
		names.addAll(values(properties.path("alias")));
		for (String each : names) {
			for (Actor actor : this.byName.getOrDefault(normalize(each), List.of())) {
				// A person's name matches a person; an organisation's, any other actor.
				if (actor.person() == person) {
					found.putIfAbsent(actor.id() + "|" + id,
							new Candidate(actor.id(), id, schema, name, "name '" + each + "'"));
				}
			}
		}
	}

	private void match(Map<String, Candidate> found, ExternalId scheme, String value, String id, String schema,
			String name, String basis) {
		for (String actor : this.byIdentifier.getOrDefault(scheme.property() + "|" + value, List.of())) {
			// An identifier outranks a name: it replaces a name match found earlier for the same pair.
			Candidate previous = found.get(actor + "|" + id);
			if (previous == null || previous.basis().startsWith("name ")) {
				found.put(actor + "|" + id, new Candidate(actor, id, schema, name, basis));
			}
		}
	}

	private static List<String> names(Dataset.Entity entity) {
		List<String> names = new ArrayList<>();
		names.add(entity.name());
		names.addAll(entity.aliases());
		return names;
	}

	/** Lower case, punctuation and spaces collapsed: "Nvidia Corp." and "NVIDIA CORP" are one name. */
	static String normalize(String name) {
		return name.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
	}

	private static String first(JsonNode values) {
		List<String> all = values(values);
		return all.isEmpty() ? "" : all.get(0);
	}

	private static List<String> values(JsonNode values) {
		List<String> all = new ArrayList<>();
		if (values.isArray()) {
			values.forEach(value -> {
				if (value.isString() && !value.asString().isBlank()) {
					all.add(value.asString().strip());
				}
			});
		}
		return all;
	}

}
