package org.lodestone.path;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.lodestone.graph.EntitySummary;
import org.lodestone.graph.Link;
import org.lodestone.graph.Links;
import org.lodestone.graph.SourceReference;

/**
 * Decodes the row a {@link PathStatement} returns into ranked {@link ConnectionPath}s with their hop sentences and
 * summaries. The row holds plain values (maps, lists, strings, numbers, dates), the same Java types whether the
 * embedded engine was read in-process or a server through the driver, so decoding needs no engine and no driver
 * type, and the service is left with the order of its calls.
 */
final class PathRows {

	private PathRows() {
	}

	/**
	 * @param row the statement's one row: {@code paths}, {@code sources}, {@code touchesLinkage} and {@code ends}
	 * @param startId the start id the statement was sent with
	 * @param endId the end id the statement was sent with
	 * @return the paths, ranked again with the statement's keys, and the ends: from the best path, or, when there is
	 * none, from {@code ends} ({@code null} for an id no entity has)
	 */
	@SuppressWarnings("unchecked")
	static FoundPaths decode(Map<String, Object> row, String startId, String endId) {
		List<Object> raw = (List<Object>) row.get("paths");
		if (raw.isEmpty()) {
			Map<String, EntitySummary> ends = new HashMap<>();
			((List<Map<String, Object>>) row.get("ends")).forEach(properties -> {
				EntitySummary entity = EntitySummary.of(properties);
				ends.put(entity.id(), entity);
			});
			return new FoundPaths(List.of(), ends.get(startId), ends.get(endId), false);
		}
		Map<String, SourceReference> sources = new HashMap<>();
		Map<String, LocalDate> sourceDates = new HashMap<>();
		((List<Map<String, Object>>) row.get("sources")).forEach(properties -> {
			SourceReference source = SourceReference.of(properties);
			sources.put(source.id(), source);
			sourceDates.put(source.id(), source.date());
		});
		List<ConnectionPath> ranked = raw.stream()
			.map(path -> Candidate.of(RawPath.of(path), sourceDates))
			.sorted(Candidate.RANKING)
			.map(candidate -> toConnection(candidate.path(), sources))
			.toList();
		ConnectionPath best = ranked.get(0);
		return new FoundPaths(ranked, best.nodes().get(0), best.nodes().get(best.nodes().size() - 1),
				(Boolean) row.get("touchesLinkage"));
	}

	private static ConnectionPath toConnection(RawPath path, Map<String, SourceReference> sources) {
		Map<String, EntitySummary> byId = new HashMap<>();
		List<EntitySummary> nodes = new ArrayList<>();
		for (Map<String, Object> node : path.nodes()) {
			EntitySummary summary = EntitySummary.of(node);
			byId.put(summary.id(), summary);
			nodes.add(summary);
		}
		List<Link> hops = new ArrayList<>();
		for (Map<String, Object> hop : path.hops()) {
			hops.add(Links.of((String) hop.get("type"), byId.get(hop.get("from")), byId.get(hop.get("to")),
					RawPath.properties(hop), RawPath.sources(hop).stream().map(sources::get)
						.filter(Objects::nonNull).toList()));
		}
		double minConfidence = hops.stream().mapToDouble(Link::confidence).min().orElse(1);
		LocalDate latest = hops.stream().map(Link::latestEvidence).max(LocalDate::compareTo).orElseThrow();
		return new ConnectionPath(nodes, hops, hops.size(), minConfidence, latest, PathExplainer.summary(nodes, hops));
	}

	/**
	 * A path as the statement projects it: its nodes ({@code id}, {@code kind}, {@code subtype}, {@code name}) and its
	 * hops ({@code type}, {@code from} and {@code to} ids, stored {@code properties}).
	 */
	private record RawPath(List<Map<String, Object>> nodes, List<Map<String, Object>> hops) {

		@SuppressWarnings("unchecked")
		static RawPath of(Object value) {
			Map<String, Object> path = (Map<String, Object>) value;
			return new RawPath((List<Map<String, Object>>) path.get("nodes"), (List<Map<String, Object>>) path.get("hops"));
		}

		@SuppressWarnings("unchecked")
		static Map<String, Object> properties(Map<String, Object> hop) {
			return (Map<String, Object>) hop.get("properties");
		}

		static List<String> sources(Map<String, Object> hop) {
			return (properties(hop).get("sources") instanceof List<?> ids) ? ids.stream().map(String::valueOf).toList()
					: List.of();
		}

	}

	/**
	 * A path of the answer with what ranking needs. The statement already picked and ordered the k best by the same
	 * keys; sorting them again here keeps the order independent of how the engine collects them.
	 */
	private record Candidate(RawPath path, double minConfidence, LocalDate latestEvidence, String nodeIds,
			String hopTypes) {

		static final Comparator<Candidate> RANKING = Comparator.comparingInt((Candidate c) -> c.path().hops().size())
			.thenComparing(Comparator.comparingDouble(Candidate::minConfidence).reversed())
			.thenComparing(Candidate::latestEvidence, Comparator.reverseOrder())
			.thenComparing(Candidate::nodeIds)
			.thenComparing(Candidate::hopTypes);

		static Candidate of(RawPath path, Map<String, LocalDate> sourceDates) {
			double minConfidence = 1;
			LocalDate latest = null;
			for (Map<String, Object> hop : path.hops()) {
				Map<String, Object> properties = RawPath.properties(hop);
				minConfidence = Math.min(minConfidence, ((Number) properties.get("confidence")).doubleValue());
				LocalDate evidence = Links.latestEvidence(RawPath.sources(hop).stream().map(sourceDates::get),
						(LocalDate) properties.get("validFrom"));
				latest = (latest == null || evidence.isAfter(latest)) ? evidence : latest;
			}
			StringBuilder ids = new StringBuilder();
			path.nodes().forEach(node -> ids.append(node.get("id")).append(' '));
			StringBuilder types = new StringBuilder();
			// A hop's validFrom tells apart parallel relationships of one type: the supply shares a pair holds per year.
			path.hops().forEach(hop -> types.append(hop.get("type")).append('@')
				.append(RawPath.properties(hop).get("validFrom")).append(' '));
			return new Candidate(path, minConfidence, latest, ids.toString(), types.toString());
		}

	}

}
