package org.lodestone.history;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.lodestone.neo4j.CypherResources;
import org.lodestone.entity.EntityNotFoundException;
import org.lodestone.graph.RelationshipType;
import org.lodestone.graph.SourceReference;
import org.lodestone.neo4j.GraphReads;
import org.lodestone.request.InvalidRequestException;

import org.springframework.stereotype.Service;

/**
 * Reads the recorded history beside the current graph: the {@code :Version} nodes the importer writes, each with
 * {@code recordedAt} and, once replaced or retracted, {@code supersededAt}, and the {@code :Change} nodes saying who
 * made each change and why (docs/architecture.md, "Recorded history"). An element stored before history was kept
 * (loaded offline on the first start, or stored by an older version of Lodestone) has no version yet; its current
 * word counts as recorded then, without a {@code recordedAt}.
 */
@Service
public class HistoryService {

	private static final String APPLICATION = "lodestone-history";

	/** The most versions one entity history holds. */
	public static final int MAX_VERSIONS = 2_000;

	/** The most changes on one page. */
	public static final int MAX_LIMIT = 200;

	/** The most entities one watch list may name. */
	public static final int MAX_WATCHED = 100;

	/** The furthest a page may start from the newest change. */
	public static final int MAX_OFFSET = 100_000;

	// What a :Version node holds besides the element's own properties.
	private static final Set<String> VERSION_KEYS = Set.of("id", "element", "of", "recordedAt", "recordedAs",
			"changeId", "supersededAt", "supersededBy", "endedBy");

	// A relationship version's ends and type, kept apart from its properties (a source's own `type` is a property).
	private static final Set<String> RELATIONSHIP_KEYS = Set.of("from", "type", "to");

	// The reads that share the edge-id and sources fragments are built with Cypher-DSL (HistoryStatements).
	private static final String HISTORY = HistoryStatements.HISTORY;

	private static final String KNOWN_AT = HistoryStatements.KNOWN_AT_STATEMENT;

	private static final String CHANGES = HistoryStatements.CHANGES;

	// For each hop of a path answer at $knownAt: the version current then, and whether it was corrected or retracted
	// since. Ids without any version were stored before history was kept: unchanged.
	private static final String HOPS_AT = CypherResources.load(HistoryService.class, "hops-at.cypher");

	private static final List<String> PERIOD_TYPES = Arrays.stream(RelationshipType.values())
		.filter(RelationshipType::keyedByPeriod)
		.map(RelationshipType::name)
		.toList();

	private final GraphReads reads;

	HistoryService(GraphReads reads) {
		this.reads = reads;
	}

	/**
	 * @param since the earliest instant, or {@code null} for all of history
	 * @param entityId only changes of this entity and its relationships, or {@code null} for all
	 * @param offset newer changes to skip, 0 to {@value #MAX_OFFSET}
	 * @param limit the most changes, 1 to {@value #MAX_LIMIT}
	 * @return the page, newest first
	 */
	public ChangePage changes(Instant since, String entityId, int offset, int limit) {
		return changes(since, (entityId != null) ? List.of(entityId) : null, null, offset, limit);
	}

	/**
	 * @param since the earliest instant, or {@code null} for all of history
	 * @param entityIds only changes of these entities and their relationships (a watch list), or {@code null}
	 * @param elements only changes of these elements (entity and relationship ids), or {@code null}
	 * @param offset newer changes to skip, 0 to {@value #MAX_OFFSET}
	 * @param limit the most changes, 1 to {@value #MAX_LIMIT}
	 * @return the page, newest first
	 */
	public ChangePage changes(Instant since, List<String> entityIds, List<String> elements, int offset, int limit) {
		if (entityIds != null && entityIds.size() > MAX_WATCHED) {
			throw new InvalidRequestException("ids", "at most " + MAX_WATCHED + " ids may be watched in one feed, got "
					+ entityIds.size());
		}
		if (limit < 1 || limit > MAX_LIMIT) {
			throw new InvalidRequestException("limit", "limit must be between 1 and " + MAX_LIMIT + ", got " + limit);
		}
		if (offset < 0 || offset > MAX_OFFSET) {
			throw new InvalidRequestException("offset", "offset must be between 0 and " + MAX_OFFSET + ", got "
					+ offset);
		}
		Instant from = (since != null) ? since : Instant.EPOCH;
		Map<String, Object> parameters = new LinkedHashMap<>();
		parameters.put("since", OffsetDateTime.ofInstant(from, java.time.ZoneOffset.UTC));
		parameters.put("ids", entityIds);
		parameters.put("elements", elements);
		parameters.put("offset", offset);
		// One more than asked, to tell whether another page follows.
		parameters.put("limit", limit + 1);
		List<ElementChange> changes = new ArrayList<>();
		for (Map<String, Object> row : this.reads.list(CHANGES, parameters, APPLICATION)) {
			changes.add(new ElementChange((String) row.get("changeId"), instant(row.get("at")), (String) row.get("by"),
					(String) row.get("reason"), (String) row.get("what"), (String) row.get("element"),
					(String) row.get("of"), elementProperties(map(row.get("before"))),
					elementProperties(map(row.get("after"))), sources(row.get("sources"))));
		}
		boolean more = changes.size() > limit;
		return new ChangePage(from, offset, limit, more ? changes.subList(0, limit) : changes, more);
	}

	/**
	 * @param id an entity id, current or retracted
	 * @return its versions and those of the relationships touching it, oldest first
	 * @throws EntityNotFoundException when the graph never held the id
	 */
	public EntityHistory entityHistory(String id) {
		List<ElementVersion> versions = versions(HISTORY, Map.of("id", id, "periodTypes", PERIOD_TYPES, "cap",
				MAX_VERSIONS + 1));
		if (versions.isEmpty()) {
			throw new EntityNotFoundException(id, List.of());
		}
		boolean truncated = versions.size() > MAX_VERSIONS;
		return new EntityHistory(id, truncated ? versions.subList(0, MAX_VERSIONS) : versions, truncated);
	}

	/**
	 * @param id an entity id
	 * @param knownAt the instant
	 * @return what the graph said about the entity and its relationships at that instant
	 * @throws EntityNotFoundException when the graph did not hold the entity at that instant
	 */
	public KnownEntity knownAt(String id, Instant knownAt) {
		Map<String, Object> parameters = new LinkedHashMap<>();
		parameters.put("id", id);
		parameters.put("knownAt", OffsetDateTime.ofInstant(knownAt, java.time.ZoneOffset.UTC));
		parameters.put("periodTypes", PERIOD_TYPES);
		parameters.put("cap", MAX_VERSIONS);
		ElementVersion entity = null;
		List<ElementVersion> relationships = new ArrayList<>();
		for (ElementVersion version : versions(KNOWN_AT, parameters)) {
			if (version.of().equals("entity") && version.element().equals(id)) {
				entity = version;
			}
			else if (version.of().equals("relationship")) {
				relationships.add(version);
			}
		}
		if (entity == null) {
			throw new EntityNotFoundException(id, List.of());
		}
		return new KnownEntity(id, knownAt, entity, relationships);
	}

	/**
	 * Says which hops of a path answer given at an instant the graph has changed its word on since: the explorer's
	 * banner on a cited path.
	 * @param answer the path answer as the graph gave it at {@code knownAt} (a search on the graph as recorded then)
	 * @param knownAt the instant
	 * @return the answer with each hop's version then and what became of it since
	 */
	public KnownPaths knownAt(org.lodestone.path.PathAnswer answer, Instant knownAt) {
		java.util.Set<String> ids = new java.util.LinkedHashSet<>();
		answer.paths().forEach(path -> path.hops().forEach(hop -> ids.add(hop.id())));
		Map<String, KnownPaths.KnownHop> hops = new java.util.HashMap<>();
		if (!ids.isEmpty()) {
			Map<String, Object> parameters = new LinkedHashMap<>();
			parameters.put("ids", List.copyOf(ids));
			parameters.put("knownAt", OffsetDateTime.ofInstant(knownAt, java.time.ZoneOffset.UTC));
			for (Map<String, Object> row : this.reads.list(HOPS_AT, parameters, APPLICATION)) {
				String id = (String) row.get("hop");
				Map<String, Object> props = map(row.get("props"));
				ElementVersion then = (props == null) ? null : new ElementVersion(id, "relationship",
						elementProperties(props), instant(props.get("recordedAt")), (String) props.get("recordedAs"),
						null, instant(props.get("supersededAt")), (String) props.get("endedBy"), null, List.of());
				hops.put(id, new KnownPaths.KnownHop(id, status(Boolean.TRUE.equals(row.get("recorded")),
						Boolean.TRUE.equals(row.get("openNow")), Boolean.TRUE.equals(row.get("correctedSince"))),
						then));
			}
		}
		List<KnownPaths.KnownPath> paths = new ArrayList<>();
		boolean changedSince = false;
		for (var path : answer.paths()) {
			List<KnownPaths.KnownHop> known = path.hops()
				.stream()
				.map(hop -> hops.getOrDefault(hop.id(), new KnownPaths.KnownHop(hop.id(), "unchanged", null)))
				.toList();
			boolean unchanged = known.stream().allMatch(hop -> hop.status().equals("unchanged"));
			changedSince |= !unchanged;
			paths.add(new KnownPaths.KnownPath(unchanged, known));
		}
		return new KnownPaths(knownAt, answer, paths, changedSince);
	}

	// A hop without any version was stored before history was kept and never changed since.
	static String status(boolean recorded, boolean openNow, boolean correctedSince) {
		if (!recorded) {
			return "unchanged";
		}
		if (!openNow) {
			return "retracted";
		}
		return correctedSince ? "corrected" : "unchanged";
	}

	private List<ElementVersion> versions(String statement, Map<String, Object> parameters) {
		List<ElementVersion> versions = new ArrayList<>();
		for (Map<String, Object> row : this.reads.list(statement, parameters, APPLICATION)) {
			Map<String, Object> props = map(row.get("props"));
			versions.add(new ElementVersion((String) props.get("element"), (String) props.get("of"),
					elementProperties(props), instant(props.get("recordedAt")), (String) props.get("recordedAs"),
					change(row.get("recorded")), instant(props.get("supersededAt")), (String) props.get("endedBy"),
					change(row.get("superseded")), sources(row.get("sources"))));
		}
		return versions;
	}

	// A version's own properties, as the current graph stores the element: an entity or source keeps its id, a
	// relationship its ends and type beside them.
	private static Map<String, Object> elementProperties(Map<String, Object> version) {
		if (version == null) {
			return null;
		}
		Map<String, Object> props = new LinkedHashMap<>();
		if (!"relationship".equals(version.get("of"))) {
			props.put("id", version.get("element"));
		}
		else {
			props.put("from", version.get("from"));
			props.put("type", version.get("type"));
			props.put("to", version.get("to"));
		}
		boolean relationship = "relationship".equals(version.get("of"));
		version.entrySet().stream()
			.filter(entry -> !VERSION_KEYS.contains(entry.getKey())
					&& !(relationship && RELATIONSHIP_KEYS.contains(entry.getKey())))
			.sorted(Map.Entry.comparingByKey())
			.forEach(entry -> props.put(entry.getKey(), entry.getValue()));
		return props;
	}

	private static ChangeRef change(Object value) {
		Map<String, Object> change = map(value);
		return (change == null) ? null : new ChangeRef((String) change.get("id"), instant(change.get("at")),
				(String) change.get("by"), (String) change.get("reason"));
	}

	private static List<SourceReference> sources(Object value) {
		List<SourceReference> sources = new ArrayList<>();
		if (value instanceof List<?> list) {
			for (Object item : list) {
				sources.add(SourceReference.of(map(item)));
			}
		}
		return sources;
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> map(Object value) {
		return (value instanceof Map<?, ?> map) ? (Map<String, Object>) map : null;
	}

	static Instant instant(Object value) {
		if (value instanceof ZonedDateTime zoned) {
			return zoned.toInstant();
		}
		if (value instanceof OffsetDateTime offset) {
			return offset.toInstant();
		}
		if (value instanceof TemporalAccessor temporal) {
			return Instant.from(temporal);
		}
		return null;
	}

}
