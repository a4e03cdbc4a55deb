package org.lodestone.path;

import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.lodestone.analysis.LinkageLedger;
import org.lodestone.graph.EntitySummary;
import org.lodestone.graph.Link;
import org.lodestone.graph.SourceReference;

/**
 * Writes a path as a paragraph a reader can check: the chain, the weakest link, the time span of the evidence, and who
 * reported it.
 */
final class PathExplainer {

	private PathExplainer() {
	}

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
