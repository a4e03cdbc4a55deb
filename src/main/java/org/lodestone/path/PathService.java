package org.lodestone.path;

import java.time.Duration;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.lodestone.analysis.LinkageLedger;
import org.lodestone.entity.EntityService;
import org.lodestone.graph.EntitySummary;
import org.lodestone.graph.RelationshipType;
import org.lodestone.neo4j.GraphReads;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.cache.annotation.CacheConfig;
import org.springframework.cache.annotation.Cacheable;
import org.springframework.stereotype.Service;

/**
 * Answers "what connects X to Y" with ranked, explained paths. It ties the parts together and owns only their order:
 * resolve the two ends ({@link EntityService}, skipped when both are ids), send the one statement
 * ({@link PathStatement}) through the read port ({@link GraphReads}: read-only, with {@code lodestone.query.timeout}),
 * decode its row ({@link PathRows}), mention the linkages the paths touch ({@link LinkageLedger}, read only when the
 * statement says one does) and, for an empty answer, say why ({@link PathExplainer}). The options arrive checked
 * ({@link PathOptions}).
 */
@CacheConfig(cacheNames = "paths", keyGenerator = "answerKeys")
@Service
public class PathService {

	// The entity id syntax the importer enforces (docs/data-format.md): a prefix, a colon and a slug.
	private static final Pattern ENTITY_ID = Pattern.compile("[a-z]+:[a-z0-9][a-z0-9.-]*");

	private final EntityService entities;

	private final LinkageLedger linkages;

	private final GraphReads reads;

	private final Duration timeout;

	PathService(EntityService entities, LinkageLedger linkages, GraphReads reads,
			@Value("${lodestone.query.timeout:5s}") Duration timeout) {
		this.entities = entities;
		this.linkages = linkages;
		this.reads = reads;
		this.timeout = timeout;
	}

	/**
	 * @param from an id, name or alias
	 * @param to an id, name or alias
	 * @param options the query options
	 * @return the ranked paths, or an empty list with the reason
	 */
	@Cacheable
	public PathAnswer connect(String from, String to, PathOptions options) {
		PathQuery query = options.query();
		Set<RelationshipType> allowed = options.allowedTypes();
		Optional<FoundPaths> direct = byIds(from, to, options, allowed);
		if (direct.isPresent() && direct.get().resolvedEnds()) {
			FoundPaths found = direct.get();
			return found.paths().isEmpty()
					? new PathAnswer(found.start(), found.end(), query, List.of(),
							reason(found.start(), found.end(), options))
					: new PathAnswer(found.start(), found.end(), query, withLinkages(found), null);
		}
		EntitySummary start = this.entities.resolve(from);
		EntitySummary end = this.entities.resolve(to);
		if (start.id().equals(end.id())) {
			return new PathAnswer(start, end, query, List.of(), PathExplainer.SAME_ENTITY);
		}
		if (allowed.isEmpty()) {
			return new PathAnswer(start, end, query, List.of(), PathExplainer.EVERY_TYPE_EXCLUDED);
		}
		FoundPaths found = find(start.id(), end.id(), options, allowed);
		if (!found.paths().isEmpty()) {
			return new PathAnswer(start, end, query, withLinkages(found), null);
		}
		return new PathAnswer(start, end, query, List.of(), reason(start, end, options));
	}

	/**
	 * The paths of a path query, for exports and pictures of them: the same resolution, query and ranking as
	 * {@link #connect}, without the explanation of an empty answer.
	 * @param from an id, name or alias
	 * @param to an id, name or alias
	 * @param options the query options
	 * @return the ranked paths, best first; empty when none connects the two or both are the same entity
	 */
	public List<ConnectionPath> paths(String from, String to, PathOptions options) {
		Set<RelationshipType> allowed = options.allowedTypes();
		Optional<FoundPaths> direct = byIds(from, to, options, allowed);
		if (direct.isPresent() && direct.get().resolvedEnds()) {
			return direct.get().paths();
		}
		EntitySummary start = this.entities.resolve(from);
		EntitySummary end = this.entities.resolve(to);
		if (start.id().equals(end.id()) || allowed.isEmpty()) {
			return List.of();
		}
		return find(start.id(), end.id(), options, allowed).paths();
	}

	/**
	 * The common case, in one transaction: both ends typed as entity ids. The path query itself looks the ids up
	 * (unique index seeks), a found path names both ends, and an empty answer looks up just the two ids in the same
	 * transaction, so resolving them first would only add round trips. Resolution by id gives the same entities (an
	 * id match outranks any name). When an id is not stored, the caller resolves as usual, which reports unknown or
	 * ambiguous names.
	 * @return the search, possibly without paths; empty when it was not tried because the ends are not ids
	 */
	private Optional<FoundPaths> byIds(String from, String to, PathOptions options, Set<RelationshipType> allowed) {
		if (from == null || to == null) {
			return Optional.empty();
		}
		String start = from.strip();
		String end = to.strip();
		if (!looksLikeId(start) || !looksLikeId(end) || start.equals(end) || allowed.isEmpty()) {
			return Optional.empty();
		}
		return Optional.of(find(start, end, options, allowed));
	}

	private static boolean looksLikeId(String text) {
		return text.length() <= 200 && ENTITY_ID.matcher(text).matches();
	}

	private FoundPaths find(String startId, String endId, PathOptions options, Set<RelationshipType> allowed) {
		return PathRows.decode(this.reads.single(PathStatement.cypher(options, allowed),
				PathStatement.parameters(startId, endId, options), this.timeout, "lodestone-paths"), startId, endId);
	}

	// A path through one side of a recorded quid pro quo mentions the linkage, who asserted it and who disputed it.
	private List<ConnectionPath> withLinkages(FoundPaths found) {
		if (!found.touchesLinkage()) {
			return found.paths();
		}
		Set<String> ids = new LinkedHashSet<>();
		found.paths().forEach(path -> path.nodes().forEach(node -> ids.add(node.id())));
		return PathExplainer.withLinkages(found.paths(), this.linkages.touching(ids));
	}

	// With filters, one unfiltered shortest-path query tells whether the filters or the graph are the cause.
	private String reason(EntitySummary start, EntitySummary end, PathOptions options) {
		boolean connectsWithoutFilters = options.filtered()
				&& !find(start.id(), end.id(), PathOptions.unfiltered(options.maxDepth()),
						EnumSet.allOf(RelationshipType.class))
					.paths()
					.isEmpty();
		return PathExplainer.noConnection(start, end, options, connectsWithoutFilters);
	}

}
