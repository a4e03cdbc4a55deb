package org.lodestone.entity;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.lodestone.graph.EntitySummary;
import org.lodestone.graph.ExternalId;
import org.lodestone.graph.Kind;
import org.lodestone.graph.Link;
import org.lodestone.graph.Links;
import org.lodestone.graph.RelationshipType;
import org.lodestone.graph.SourceReference;
import org.lodestone.graph.Subtype;
import org.lodestone.neo4j.GraphReads;
import org.lodestone.request.InvalidRequestException;

import org.springframework.cache.annotation.CacheConfig;
import org.springframework.cache.annotation.Cacheable;
import org.springframework.stereotype.Service;

/**
 * Finds entities by what users type, and reads one entity's details, neighbourhood and timeline.
 */
@CacheConfig(cacheNames = "entities", keyGenerator = "answerKeys")
@Service
public class EntityService {

	private static final String APPLICATION = "lodestone-entities";

	/** The most results one search returns. */
	public static final int MAX_LIMIT = 100;

	/**
	 * The longest search text or name accepted: a 5,000-character word made Lucene's fuzzy matching fail inside the
	 * engine (found by the injection corpus), and no name in the graph is near this long.
	 */
	public static final int MAX_TEXT = 200;

	/** The most entities a neighbourhood returns. */
	public static final int MAX_NEIGHBOURS = 500;

	private final GraphReads reads;

	EntityService(GraphReads reads) {
		this.reads = reads;
	}

	/**
	 * Full-text and fuzzy search over names and aliases; exact name or alias matches rank first.
	 * @param text what the user typed; blank lists entities by name
	 * @param kind a kind or subtype label to restrict to, or {@code null}
	 * @param limit the most results, 1 to {@value #MAX_LIMIT}
	 * @return the matches, best first
	 */
	@Cacheable
	public List<EntityMatch> search(String text, String kind, int limit) {
		String kindLabel = kindLabel(kind);
		if (limit < 1 || limit > MAX_LIMIT) {
			throw new InvalidRequestException("limit", "limit must be between 1 and " + MAX_LIMIT + ", got " + limit);
		}
		if (text == null || text.isBlank()) {
			return query(EntityStatements.LIST, Map.of("limit", limit), kindLabel);
		}
		if (text.length() > MAX_TEXT) {
			throw new InvalidRequestException("q", "q may have at most " + MAX_TEXT + " characters, got "
					+ text.length());
		}
		Map<String, EntityMatch> results = new LinkedHashMap<>();
		for (EntityMatch exact : exact(text)) {
			if (kindLabel == null || kindLabel.equals(exact.kind()) || kindLabel.equals(exact.subtype())) {
				results.put(exact.id(), exact);
			}
		}
		String lucene = LuceneQuery.matching(text);
		if (lucene != null) {
			for (EntityMatch match : query(EntityStatements.SEARCH, Map.of("lucene", lucene, "limit", limit), kindLabel)) {
				results.putIfAbsent(match.id(), match);
			}
		}
		return results.values().stream().limit(limit).toList();
	}

	/**
	 * Finds the entity another dataset's identifier names, such as the Wikidata item {@code Q182477}.
	 * @param scheme the identifier's scheme
	 * @param value the identifier, checked in form first
	 * @param kind a kind or subtype label to restrict to, or {@code null}
	 * @return the entity that carries it (at most one: the importer refuses an identifier on two entities), or none
	 * @throws InvalidRequestException naming the scheme's parameter when the value is not of its form
	 */
	@Cacheable
	public List<EntityMatch> byIdentifier(ExternalId scheme, String value, String kind) {
		String kindLabel = kindLabel(kind);
		String trimmed = (value == null) ? "" : value.strip();
		String problem = scheme.problem(trimmed);
		if (problem != null) {
			throw new InvalidRequestException(scheme.property(), scheme.property() + " " + problem);
		}
		return query(EntityStatements.BY_IDENTIFIER.get(scheme), Map.of("value", trimmed), kindLabel);
	}

	/**
	 * Resolves what a user typed to one entity: an id, then an exact name or alias, then a full-text match.
	 * @param text an id, name or alias
	 * @return the entity
	 * @throws EntityNotFoundException when nothing matches, with close matches
	 * @throws AmbiguousEntityException when several entities match equally well
	 */
	@Cacheable(cacheNames = "entity-resolution")
	public EntitySummary resolve(String text) {
		if (text == null || text.isBlank()) {
			throw new InvalidRequestException(null, "an entity id or name is required");
		}
		String trimmed = text.strip();
		if (trimmed.length() > MAX_TEXT) {
			throw new InvalidRequestException(null, "an entity id or name may have at most " + MAX_TEXT
					+ " characters, got " + trimmed.length());
		}
		List<EntityMatch> byId = exact(EntityStatements.BY_ID, Map.of("text", trimmed));
		if (!byId.isEmpty()) {
			return summary(byId.get(0));
		}
		List<EntityMatch> exact = exact(trimmed);
		if (!exact.isEmpty()) {
			if (exact.size() == 1 || exact.get(0).score() > exact.get(1).score()) {
				return summary(exact.get(0));
			}
			throw new AmbiguousEntityException(trimmed, exact.stream().map(EntityService::summary).toList());
		}
		String lucene = LuceneQuery.matching(trimmed);
		List<EntityMatch> matches = (lucene != null)
				? query(EntityStatements.SEARCH, Map.of("lucene", lucene, "limit", 10), null) : List.of();
		if (matches.size() == 1) {
			return summary(matches.get(0));
		}
		if (matches.size() > 1) {
			throw new AmbiguousEntityException(trimmed, matches.stream().map(EntityService::summary).toList());
		}
		String fuzzy = LuceneQuery.closeTo(trimmed);
		List<EntityMatch> close = (fuzzy != null)
				? query(EntityStatements.SEARCH, Map.of("lucene", fuzzy, "limit", 5), null) : List.of();
		throw new EntityNotFoundException(trimmed, close.stream().map(EntityService::summary).toList());
	}

	/**
	 * @param id an entity id
	 * @return the entity with its sources
	 * @throws EntityNotFoundException when no entity has that id
	 */
	@Cacheable
	public EntityDetails details(String id) {
		return this.reads.list(EntityStatements.DETAILS, Map.of("id", id), APPLICATION).stream().findFirst().map(record -> {
			Map<String, Object> props = map(record.get("props"));
			List<SourceReference> sources = maps(record.get("sources")).stream().map(SourceReference::of).toList();
			EntityDetails.Lifecycle lifecycle = Kind.POLICY.label().equals(props.get("kind"))
					? new EntityDetails.Lifecycle((LocalDate) props.get("announced"),
							(LocalDate) props.get("effective"), (LocalDate) props.get("suspendedUntil"),
							(LocalDate) props.get("rescinded"))
					: null;
			return new EntityDetails((String) props.get("id"), (String) props.get("kind"),
					(String) props.get("subtype"), (String) props.get("name"), strings(props.get("aliases")),
					(String) props.get("description"), lifecycle, ((Number) record.get("degree")).longValue(), sources,
					identifiers(props));
		}).orElseThrow(() -> new EntityNotFoundException(id, List.of()));
	}

	/**
	 * Walks out from an entity one hop at a time, breadth first, up to {@value #MAX_NEIGHBOURS} entities.
	 * @param id an entity id
	 * @param depth 1 to 3 hops
	 * @param types relationship types to follow, or empty for all
	 * @param asOf only relationships that held on this date, or {@code null}
	 * @return the neighbourhood
	 * @throws EntityNotFoundException when no entity has that id
	 * @throws InvalidRequestException naming {@code depth} when it is out of range
	 */
	@Cacheable
	public Neighborhood neighbors(String id, int depth, List<RelationshipType> types, LocalDate asOf) {
		if (depth < 1 || depth > 3) {
			throw new InvalidRequestException("depth", "depth must be 1, 2 or 3, got " + depth);
		}
		EntityDetails center = details(id);
		Map<String, EntitySummary> nodes = new LinkedHashMap<>();
		nodes.put(center.id(), new EntitySummary(center.id(), center.kind(), center.subtype(), center.name()));
		Map<String, Link> links = new LinkedHashMap<>();
		Set<String> frontier = Set.of(center.id());
		boolean truncated = false;
		List<String> typeNames = types.stream().map(Enum::name).toList();
		for (int hop = 0; hop < depth && !frontier.isEmpty() && !truncated; hop++) {
			Map<String, Object> parameters = new LinkedHashMap<>();
			parameters.put("frontier", List.copyOf(frontier));
			parameters.put("types", typeNames);
			parameters.put("asOf", asOf);
			parameters.put("cap", MAX_NEIGHBOURS * 4);
			Set<String> next = new LinkedHashSet<>();
			for (Map<String, Object> row : this.reads.list(EntityStatements.NEIGHBOURS, parameters, APPLICATION)) {
				Link link = Links.of(map(row.get("link")));
				for (EntitySummary end : List.of(link.from(), link.to())) {
					if (!nodes.containsKey(end.id())) {
						if (nodes.size() >= MAX_NEIGHBOURS) {
							truncated = true;
							continue;
						}
						nodes.put(end.id(), end);
						next.add(end.id());
					}
				}
				if (nodes.containsKey(link.from().id()) && nodes.containsKey(link.to().id())) {
					links.putIfAbsent(link.id(), link);
				}
			}
			frontier = next;
		}
		return new Neighborhood(nodes.get(center.id()), depth, asOf, List.copyOf(nodes.values()),
				List.copyOf(links.values()), truncated);
	}

	/**
	 * @param id an entity id
	 * @return the dated relationships touching it and the lifecycle dates of it and the measures it touches, oldest
	 * first
	 */
	@Cacheable
	public List<TimelineEntry> timeline(String id) {
		return this.reads.list(EntityStatements.TIMELINE, Map.of("id", id), APPLICATION).stream().findFirst().map(record -> {
			List<TimelineEntry> entries = new ArrayList<>();
			Set<String> measures = new LinkedHashSet<>();
			lifecycle(map(record.get("props")), entries, measures);
			maps(record.get("measures")).forEach(measure -> lifecycle(measure, entries, measures));
			for (Link link : maps(record.get("links")).stream().map(Links::of).toList()) {
				entries.add(new TimelineEntry(link.validFrom(), "started", link.id(), link.sentence(), link));
				if (link.validTo() != null) {
					entries.add(new TimelineEntry(link.validTo(), "ended", link.id(),
							link.from().name() + " " + RelationshipType.valueOf(link.type()).phrase() + " "
									+ link.to().name() + " until " + link.validTo() + ".",
							link));
				}
			}
			entries.sort(Comparator.comparing(TimelineEntry::date).thenComparing(TimelineEntry::subject)
				.thenComparing(TimelineEntry::event));
			return entries;
		}).orElseThrow(() -> new EntityNotFoundException(id, List.of()));
	}

	private static Map<String, String> identifiers(Map<String, Object> props) {
		Map<String, String> identifiers = new LinkedHashMap<>();
		for (ExternalId scheme : ExternalId.values()) {
			if (props.get(scheme.property()) instanceof String value) {
				identifiers.put(scheme.property(), value);
			}
		}
		return identifiers;
	}

	private static void lifecycle(Map<String, Object> props, List<TimelineEntry> entries, Set<String> seen) {
		String id = (String) props.get("id");
		if (!Kind.POLICY.label().equals(props.get("kind")) || !seen.add(id)) {
			return;
		}
		String name = (String) props.get("name");
		Map<String, String> events = new LinkedHashMap<>();
		events.put("announced", "was announced");
		events.put("effective", "took effect");
		events.put("suspendedUntil", "is suspended until this date");
		events.put("rescinded", "was rescinded");
		events.forEach((property, verb) -> {
			if (props.get(property) instanceof LocalDate date) {
				String event = "suspendedUntil".equals(property) ? "suspended-until" : property;
				entries.add(new TimelineEntry(date, event, id, name + " " + verb + " (" + date + ").", null));
			}
		});
	}

	// Through the full-text index first: comparing every entity's name and aliases cost more than the path search on
	// 100k relationships (docs/throughput.md). The scan stays for text the index splits differently.
	private List<EntityMatch> exact(String text) {
		String lucene = LuceneQuery.allWords(text);
		if (lucene != null) {
			List<EntityMatch> indexed = exact(EntityStatements.EXACT_INDEXED, Map.of("text", text, "lucene", lucene));
			if (!indexed.isEmpty()) {
				return indexed;
			}
		}
		return exact(EntityStatements.EXACT, Map.of("text", text));
	}

	private List<EntityMatch> exact(String cypher, Map<String, Object> parameters) {
		return this.reads.list(cypher, parameters, APPLICATION).stream()
			.map(record -> match(map(record.get("entity")), ((Number) record.get("exactness")).intValue() * 100.0))
			.toList();
	}

	private List<EntityMatch> query(String cypher, Map<String, Object> parameters, String kind) {
		Map<String, Object> all = new LinkedHashMap<>(parameters);
		all.put("kind", kind);
		return this.reads.list(cypher, all, APPLICATION).stream()
			.map(record -> match(map(record.get("entity")), ((Number) record.get("score")).doubleValue()))
			.toList();
	}

	static String kindLabel(String kind) {
		if (kind == null || kind.isBlank()) {
			return null;
		}
		Kind asKind = Kind.fromLabel(kind);
		if (asKind != null && asKind != Kind.SOURCE) {
			return asKind.label();
		}
		Subtype subtype = Subtype.fromLabel(kind);
		if (subtype != null) {
			return subtype.label();
		}
		throw new InvalidRequestException("kind", "unknown kind '" + kind
				+ "'; use Actor, Product, Mineral, Policy or a subtype such as Chip or TradeDeal");
	}

	private static EntityMatch match(Map<String, Object> entity, double score) {
		return new EntityMatch((String) entity.get("id"), (String) entity.get("kind"), (String) entity.get("subtype"),
				(String) entity.get("name"), strings(entity.get("aliases")), score);
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> map(Object value) {
		return (Map<String, Object>) value;
	}

	@SuppressWarnings("unchecked")
	private static List<Map<String, Object>> maps(Object value) {
		return (value instanceof List<?> list) ? (List<Map<String, Object>>) list : List.of();
	}

	private static EntitySummary summary(EntityMatch match) {
		return new EntitySummary(match.id(), match.kind(), match.subtype(), match.name());
	}

	private static List<String> strings(Object value) {
		return (value instanceof List<?> list) ? list.stream().map(String::valueOf).toList() : List.of();
	}

}
