package org.lodestone.reconcile;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.lodestone.entity.EntityDetails;
import org.lodestone.entity.EntityMatch;
import org.lodestone.entity.EntityService;
import org.lodestone.request.InvalidRequestException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Service;

/**
 * Answers reconciliation, suggest and preview queries with the entity search ({@link EntityService#search}): the same
 * index, the same exact id, name and alias matching, the same bounds. It adds only what the reconciliation API asks
 * for: batches, type filters, scores a client can compare across queries, and a match decision.
 */
@Service
public class ReconciliationService {

	/** The API version spoken. */
	static final String VERSION = "0.2";

	/**
	 * The most queries in one batch. OpenRefine sends 10 at a time by default; 50 keeps one request to at most 250
	 * index reads (a query costs one to five: the exact match, then the full-text search per type).
	 */
	public static final int MAX_BATCH = 50;

	/** The most types one query may name: there are only 24 kinds and subtypes, and each costs a search. */
	static final int MAX_TYPES = 5;

	/** Candidates per query when the query sets no limit. */
	static final int DEFAULT_LIMIT = 5;

	/** The most candidates per query. */
	static final int MAX_CANDIDATES = 25;

	/** Suggestions per page; {@code cursor} skips whole results. */
	static final int SUGGEST_PAGE = 10;

	private static final Set<String> QUERY_FIELDS = Set.of("query", "type", "limit", "properties", "type_strict");

	private final EntityService entities;

	private final JsonMapper json;

	ReconciliationService(EntityService entities, JsonMapper json) {
		this.entities = entities;
		this.json = json;
	}

	/**
	 * @param base the application's base URL, for the manifest's absolute service URLs
	 * @return the service manifest
	 */
	public ServiceManifest manifest(String base) {
		String api = base + "/api/reconcile";
		return new ServiceManifest(List.of(VERSION), "Lodestone", "urn:lodestone:entity", "urn:lodestone:ontology",
				base + "/swagger-ui.html", ReconciliationTypes.kinds(), MAX_BATCH,
				new ServiceManifest.View(base + "/api/entities/{{id}}"),
				new ServiceManifest.Preview(api + "/preview?id={{id}}", 400, 200),
				new ServiceManifest.Suggest(new ServiceManifest.Service(api, "/suggest/entity"),
						new ServiceManifest.Service(api, "/suggest/type")));
	}

	/**
	 * @param queries a reconciliation query batch, serialized in JSON
	 * @return a result per query, under the query's key, in the batch's order
	 * @throws InvalidRequestException naming {@code queries} when the batch is malformed
	 * @throws BatchTooLargeException when it holds more than {@value #MAX_BATCH} queries
	 */
	public Map<String, QueryResult> reconcile(String queries) {
		JsonNode batch = parse(queries);
		if (batch.size() > MAX_BATCH) {
			throw new BatchTooLargeException(batch.size(), MAX_BATCH);
		}
		Map<String, QueryResult> results = new LinkedHashMap<>();
		for (Map.Entry<String, JsonNode> entry : batch.properties()) {
			results.put(entry.getKey(), new QueryResult(candidates(entry.getKey(), entry.getValue())));
		}
		return results;
	}

	/**
	 * Entity auto-completion.
	 * @param prefix what the user has typed so far
	 * @param cursor how many suggestions to skip
	 * @param type a kind or subtype to restrict to, or {@code null}
	 * @return up to {@value #SUGGEST_PAGE} entities
	 */
	public Suggestions suggestEntities(String prefix, int cursor, String type) {
		checkCursor(cursor);
		String label = (type == null || type.isBlank()) ? null : knownType("type", type);
		if (prefix == null || prefix.isBlank()) {
			return new Suggestions(List.of());
		}
		checkText("prefix", prefix);
		List<Suggestions.Entity> page = this.entities.search(prefix.strip(), label, cursor + SUGGEST_PAGE).stream()
			.skip(cursor)
			.map(match -> new Suggestions.Entity(match.id(), match.name(), description(match), types(match)))
			.toList();
		return new Suggestions(page);
	}

	/**
	 * Type auto-completion over the kinds and subtypes.
	 * @param prefix what the user has typed so far; matches the start of a label, or of a word in it
	 * @param cursor how many suggestions to skip
	 * @return the matching types, kinds first
	 */
	public Suggestions suggestTypes(String prefix, int cursor) {
		checkCursor(cursor);
		String wanted = (prefix == null) ? "" : prefix.strip().toLowerCase(Locale.ROOT);
		checkText("prefix", wanted);
		List<ReconciliationType> page = ReconciliationTypes.all().stream()
			.filter(type -> startsAWord(type.name(), wanted))
			.skip(cursor).limit(SUGGEST_PAGE).toList();
		return new Suggestions(page);
	}

	/**
	 * @param id an entity id
	 * @return the entity, for its preview
	 */
	public EntityDetails preview(String id) {
		if (id == null || id.isBlank()) {
			throw new InvalidRequestException("id", "id is required: the entity to preview, such as company:smic");
		}
		checkText("id", id);
		return this.entities.details(id.strip());
	}

	private JsonNode parse(String queries) {
		if (queries == null || queries.isBlank()) {
			throw new InvalidRequestException("queries", "queries must be a JSON object of reconciliation queries");
		}
		JsonNode batch;
		try {
			batch = this.json.readTree(queries);
		}
		catch (JacksonException ex) {
			throw new InvalidRequestException("queries", "queries is not valid JSON: " + ex.getOriginalMessage());
		}
		if (batch == null || !batch.isObject()) {
			throw new InvalidRequestException("queries",
					"queries must be a JSON object whose values are queries, such as {\"q0\":{\"query\":\"SMIC\"}}");
		}
		return batch;
	}

	private List<Candidate> candidates(String key, JsonNode query) {
		if (!query.isObject()) {
			throw invalid(key, "is not an object");
		}
		for (Iterator<String> names = query.propertyNames().iterator(); names.hasNext();) {
			String name = names.next();
			if (!QUERY_FIELDS.contains(name)) {
				throw invalid(key, "has an unknown field '" + name + "'; a query has query, type, limit, properties "
						+ "and type_strict");
			}
		}
		JsonNode text = query.get("query");
		JsonNode properties = query.get("properties");
		boolean hasProperties = properties != null && properties.isArray() && !properties.isEmpty();
		if (properties != null && !properties.isArray()) {
			throw invalid(key, "has properties that are not an array");
		}
		if (text != null && (!text.isString() || text.asString().isBlank())) {
			throw invalid(key, "has a query that is not a non-empty string");
		}
		if (text == null && !hasProperties) {
			throw invalid(key, "needs a query or properties");
		}
		int limit = limit(key, query.get("limit"));
		List<String> types = types(key, query.get("type"));
		JsonNode strict = query.get("type_strict");
		if (strict != null && !(strict.isString() && Set.of("any", "should", "all").contains(strict.asString()))) {
			throw invalid(key, "has a type_strict that is not any, should or all");
		}
		if (text == null) {
			// Properties are not matched (no property is offered: the manifest has no property suggest), and a query
			// without a name has nothing else to search by.
			return List.of();
		}
		String name = text.asString().strip();
		if (name.length() > EntityService.MAX_TEXT) {
			throw invalid(key, "has a query of " + name.length() + " characters; the most is "
					+ EntityService.MAX_TEXT);
		}
		return rank(name, search(name, types, limit), limit);
	}

	private List<EntityMatch> search(String name, List<String> types, int limit) {
		if (types.isEmpty()) {
			return this.entities.search(name, null, limit);
		}
		// Several types are alternatives (type_strict any): a candidate of any of them will do.
		Map<String, EntityMatch> found = new LinkedHashMap<>();
		for (String type : types) {
			this.entities.search(name, type, limit).forEach(match -> found.putIfAbsent(match.id(), match));
		}
		return List.copyOf(found.values());
	}

	static List<Candidate> rank(String query, List<EntityMatch> matches, int limit) {
		List<Candidate> candidates = new ArrayList<>();
		long exactMatches = matches.stream().filter(match -> exact(query, match)).count();
		for (EntityMatch match : matches) {
			boolean exact = exact(query, match);
			double similarity = similarity(query, match);
			double score = exact ? 100.0 : Math.round(similarity * 990.0) / 10.0;
			candidates.add(new Candidate(match.id(), match.name(), description(match), types(match), score,
					List.of(new Candidate.Feature("exact", exact),
							new Candidate.Feature("name_similarity", Math.round(similarity * 1000.0) / 1000.0)),
					exact && exactMatches == 1));
		}
		// Stable: candidates with equal scores keep the search's order (its Lucene ranking, then id).
		candidates.sort(Comparator.comparingDouble(Candidate::score).reversed());
		return candidates.stream().limit(limit).toList();
	}

	/** The query is the entity's id, or its name or an alias, ignoring case and surrounding spaces. */
	static boolean exact(String query, EntityMatch match) {
		String wanted = query.strip();
		return match.id().equals(wanted) || names(match).stream().anyMatch(name -> name.equalsIgnoreCase(wanted));
	}

	/**
	 * The best similarity between the query and the entity's name or an alias: one minus the edit distance over the
	 * longer length, on lower-cased text with runs of spaces and punctuation made one space, so "SMIC, Inc." and
	 * "smic inc" are alike.
	 */
	static double similarity(String query, EntityMatch match) {
		String wanted = normalize(query);
		double best = 0;
		for (String name : names(match)) {
			String candidate = normalize(name);
			int longest = Math.max(wanted.length(), candidate.length());
			double value = (longest == 0) ? 0 : 1.0 - (double) distance(wanted, candidate) / longest;
			best = Math.max(best, value);
		}
		return best;
	}

	private static List<String> names(EntityMatch match) {
		List<String> names = new ArrayList<>();
		names.add(match.name());
		names.addAll(match.aliases());
		return names;
	}

	private static String normalize(String text) {
		return text.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
	}

	private static int distance(String a, String b) {
		int[] previous = new int[b.length() + 1];
		int[] current = new int[b.length() + 1];
		for (int j = 0; j <= b.length(); j++) {
			previous[j] = j;
		}
		for (int i = 1; i <= a.length(); i++) {
			current[0] = i;
			for (int j = 1; j <= b.length(); j++) {
				int substitution = previous[j - 1] + ((a.charAt(i - 1) == b.charAt(j - 1)) ? 0 : 1);
				current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
			}
			int[] swap = previous;
			previous = current;
			current = swap;
		}
		return previous[b.length()];
	}

	private static String description(EntityMatch match) {
		String subtype = (match.subtype() != null) ? match.subtype() : match.kind();
		return match.aliases().isEmpty() ? subtype : subtype + "; also " + String.join(", ", match.aliases());
	}

	private static List<ReconciliationType> types(EntityMatch match) {
		List<ReconciliationType> types = new ArrayList<>();
		if (match.subtype() != null && !match.subtype().equals(match.kind())) {
			types.add(new ReconciliationType(match.subtype(), match.subtype(), null));
		}
		types.add(new ReconciliationType(match.kind(), match.kind(), null));
		return types;
	}

	private static int limit(String key, JsonNode limit) {
		if (limit == null) {
			return DEFAULT_LIMIT;
		}
		if (!limit.isIntegralNumber() || limit.asLong() < 1) {
			throw invalid(key, "has a limit that is not a positive integer");
		}
		// A larger limit is a wish, not an error: the spec leaves the number of candidates to the service.
		return (int) Math.min(limit.asLong(), MAX_CANDIDATES);
	}

	private static List<String> types(String key, JsonNode type) {
		if (type == null || type.isNull()) {
			return List.of();
		}
		List<String> ids = new ArrayList<>();
		if (type.isString()) {
			ids.add(type.asString());
		}
		else if (type.isArray()) {
			for (JsonNode item : type) {
				if (!item.isString()) {
					throw invalid(key, "has a type list with an entry that is not a string");
				}
				ids.add(item.asString());
			}
		}
		else {
			throw invalid(key, "has a type that is neither a string nor a list of strings");
		}
		if (ids.size() > MAX_TYPES) {
			throw invalid(key, "names " + ids.size() + " types; the most is " + MAX_TYPES);
		}
		return ids.stream().map(id -> queryType(key, id)).distinct().toList();
	}

	private static String knownType(String parameter, String id) {
		String label = ReconciliationTypes.label(id);
		if (label == null) {
			throw new InvalidRequestException(parameter, "unknown type '" + abbreviate(id)
					+ "'; use a kind (Actor, Product, Mineral, Policy, Linkage) or a subtype such as Company or Element");
		}
		return label;
	}

	private static String queryType(String key, String id) {
		String label = ReconciliationTypes.label(id);
		if (label == null) {
			throw invalid(key, "has an unknown type '" + abbreviate(id) + "'; use a kind (Actor, Product, Mineral, "
					+ "Policy, Linkage) or a subtype such as Company or Element");
		}
		return label;
	}

	private static boolean startsAWord(String label, String prefix) {
		if (prefix.isEmpty()) {
			return true;
		}
		String lower = label.toLowerCase(Locale.ROOT);
		if (lower.startsWith(prefix)) {
			return true;
		}
		// EndUse, ExportControl, TradeDeal: "use", "control" and "deal" find them too
		for (int i = 1; i < label.length(); i++) {
			if (Character.isUpperCase(label.charAt(i)) && lower.startsWith(prefix, i)) {
				return true;
			}
		}
		return false;
	}

	private static void checkCursor(int cursor) {
		if (cursor < 0 || cursor > EntityService.MAX_LIMIT - SUGGEST_PAGE) {
			throw new InvalidRequestException("cursor", "cursor must be between 0 and "
					+ (EntityService.MAX_LIMIT - SUGGEST_PAGE) + ", got " + cursor);
		}
	}

	private static void checkText(String parameter, String text) {
		if (text.length() > EntityService.MAX_TEXT) {
			throw new InvalidRequestException(parameter, parameter + " may have at most " + EntityService.MAX_TEXT
					+ " characters, got " + text.length());
		}
	}

	private static InvalidRequestException invalid(String key, String problem) {
		return new InvalidRequestException("queries", "query '" + abbreviate(key) + "' " + problem);
	}

	private static String abbreviate(String text) {
		return (text.length() > 60) ? text.substring(0, 60) + "…" : text;
	}

}
