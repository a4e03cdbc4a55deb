package org.lodestone.path;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.lodestone.analysis.LinkageLedger;
import org.lodestone.graph.EntitySummary;
import org.lodestone.graph.Link;
import org.lodestone.graph.RelationshipType;
import org.lodestone.graph.SourceReference;

/**
 * Writes what an answer says in words: a path as a paragraph a reader can check (the chain, the weakest link, the
 * time span of the evidence, and who reported it), the linkages a path touches, and why an answer is empty. Text only,
 * from values already read, so every sentence can be checked without an engine.
 */
final class PathExplainer {

	/** The reason of an empty answer whose two ends are one entity. */
	static final String SAME_ENTITY = "from and to are the same entity";

	/** The reason of an empty answer whose types and excluded types leave no relationship type. */
	static final String EVERY_TYPE_EXCLUDED = "every relationship type is excluded";

	private PathExplainer() {
	}

	/**
	 * @param nodes the entities along a path, from start to end
	 * @param hops the relationships between them
	 * @return the path in one paragraph
	 */
	static String summary(List<EntitySummary> nodes, List<Link> hops) {
		EntitySummary start = nodes.get(0);
		EntitySummary end = nodes.get(nodes.size() - 1);
		StringBuilder text = new StringBuilder();
		text.append(start.name()).append(" connects to ").append(end.name()).append(" in ").append(hops.size())
			.append(hops.size() == 1 ? " hop" : " hops");
		if (nodes.size() > 2) {
			text.append(", through ").append(String.join(", then ",
					nodes.subList(1, nodes.size() - 1).stream().map(EntitySummary::name).toList()));
		}
		text.append(". ");
		hops.forEach(hop -> text.append(hop.sentence()).append(' '));
		Link weakest = hops.stream().min((a, b) -> Double.compare(a.confidence(), b.confidence())).orElseThrow();
		text.append("The weakest link is \"").append(weakest.from().name()).append(' ').append(weakest.type())
			.append(' ').append(weakest.to().name()).append("\" at confidence ").append(weakest.confidence())
			.append('.');
		LocalDate first = hops.stream().map(Link::validFrom).min(LocalDate::compareTo).orElseThrow();
		LocalDate last = hops.stream().map(Link::validFrom).max(LocalDate::compareTo).orElseThrow();
		text.append(first.equals(last) ? " Every link dates from " + first + "."
				: " The links date from " + first + " to " + last + ".");
		Set<String> publishers = new LinkedHashSet<>();
		hops.forEach(hop -> hop.sources().stream().map(SourceReference::publisher).forEach(publishers::add));
		if (!publishers.isEmpty()) {
			text.append(" Sources: ").append(String.join("; ", publishers)).append('.');
		}
		hops.stream().filter(hop -> hop.quote() != null).findFirst().ifPresent(hop -> {
			String by = hop.sources().isEmpty() ? hop.from().name() : hop.sources().get(0).citation();
			text.append(" Quoted: \"").append(hop.quote()).append("\" (").append(by).append(").");
		});
		return text.toString();
	}

	/**
	 * Adds to each path's summary the linkages it touches: those on the path, or with a side on it.
	 * @param paths the paths of an answer
	 * @param touching the linkages touching any node on any of them
	 * @return the paths, each summary followed by a sentence per linkage it touches
	 */
	static List<ConnectionPath> withLinkages(List<ConnectionPath> paths, List<LinkageLedger.Linkage> touching) {
		if (touching.isEmpty()) {
			return paths;
		}
		return paths.stream().map(path -> {
			Set<String> onPath = new LinkedHashSet<>();
			path.nodes().forEach(node -> onPath.add(node.id()));
			StringBuilder summary = new StringBuilder(path.summary());
			for (LinkageLedger.Linkage linkage : touching) {
				if (onPath.contains(linkage.id())
						|| linkage.sides().stream().anyMatch(side -> onPath.contains(side.id()))) {
					summary.append(' ').append(linkage(linkage));
				}
			}
			return new ConnectionPath(path.nodes(), path.hops(), path.length(), path.minConfidence(),
					path.latestEvidence(), summary.toString());
		}).toList();
	}

	/**
	 * Why a search between two distinct entities found nothing.
	 * @param start the start
	 * @param end the end
	 * @param options the options searched with
	 * @param connectsWithoutFilters whether the two connect within the same depth when no filter applies; only read
	 * when {@link PathOptions#filtered() the options filter}
	 * @return the reason, naming the filters when there are any
	 */
	static String noConnection(EntitySummary start, EntitySummary end, PathOptions options,
			boolean connectsWithoutFilters) {
		String within = "within " + options.maxDepth() + " hops";
		if (!options.filtered()) {
			return "No connection between " + start.name() + " and " + end.name() + " " + within + ".";
		}
		List<String> filters = new ArrayList<>();
		if (options.asOf() != null) {
			filters.add("holding on " + options.asOf());
		}
		if (options.minConfidence() > 0) {
			filters.add("with confidence of at least " + options.minConfidence());
		}
		if (options.allowedTypes().size() < RelationshipType.values().length) {
			filters.add("using only the allowed relationship types");
		}
		if (!options.kinds().isEmpty()) {
			filters.add("through only " + String.join(", ", options.kinds()) + " entities");
		}
		if (options.outgoing()) {
			filters.add("following relationships only outgoing");
		}
		String filterText = String.join(", ", filters);
		return connectsWithoutFilters
				? start.name() + " and " + end.name() + " connect " + within + ", but not by relationships "
						+ filterText + "."
				: "No connection between " + start.name() + " and " + end.name() + " " + within + " at all, even "
						+ "without the filters (" + filterText + ").";
	}

	/**
	 * @param linkage a recorded quid pro quo
	 * @return one sentence: the linkage, who asserted it and who disputed it, and its evidence strength
	 */
	static String linkage(LinkageLedger.Linkage linkage) {
		StringBuilder text = new StringBuilder("This path touches the linkage \"").append(linkage.name()).append('"');
		if (!linkage.assertions().isEmpty()) {
			text.append(", asserted by ").append(String.join("; ", linkage.assertions().stream()
				.map(claim -> claim.name() + " on " + claim.date()
						+ (claim.quote() != null ? " (\"" + claim.quote() + "\")" : ""))
				.toList()));
		}
		if (!linkage.disputes().isEmpty()) {
			text.append(", disputed by ").append(String.join("; ", linkage.disputes().stream()
				.map(claim -> claim.name() + " on " + claim.date()
						+ (claim.quote() != null ? " (\"" + claim.quote() + "\")" : ""))
				.toList()));
		}
		return text.append("; evidence strength ").append(linkage.strength()).append('.').toString();
	}

}
