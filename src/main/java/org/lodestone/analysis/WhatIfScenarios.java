package org.lodestone.analysis;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.lodestone.entity.EntityService;
import org.lodestone.neo4j.GraphReads;
import org.lodestone.graph.EntitySummary;
import org.lodestone.graph.Kind;
import org.lodestone.graph.Link;
import org.lodestone.graph.Links;
import org.lodestone.request.InvalidRequestException;

import org.springframework.cache.annotation.CacheConfig;
import org.springframework.cache.annotation.Cacheable;
import org.springframework.stereotype.Service;

/**
 * What-if scenarios: a hypothetical measure is traced through the graph in a read-only transaction, so the stored
 * graph never changes. A {@code restrict} scenario cuts the supply of minerals or products; a {@code revoke}
 * scenario withdraws measures (such as licences), which puts at risk what they licensed and, through the linkage
 * ledger, the other side's concession tied to them.
 */
@CacheConfig(cacheNames = "analyses", keyGenerator = "answerKeys")
@Service
public class WhatIfScenarios {

	/** How far downstream a scenario follows USED_IN. */
	static final int MAX_STEPS = 4;

	private final GraphReads reads;

	private final EntityService entities;

	WhatIfScenarios(GraphReads reads, EntityService entities) {
		this.reads = reads;
		this.entities = entities;
	}

	/**
	 * @param description what the scenario supposes, in words
	 * @param action {@code restrict} or {@code revoke}
	 * @param subjects ids or names: minerals or products to restrict, or measures to revoke
	 * @param asOf the date whose graph the scenario starts from, or {@code null} for every relationship
	 */
	public record Scenario(String description, String action, List<String> subjects, LocalDate asOf) {
	}

	/**
	 * @param entity what is reached
	 * @param role how: restricted, at-risk (licensed or covered by a revoked measure, or the other side of a linkage),
	 * depends (downstream through USED_IN), supplier (produces or supplies something reached), targeted
	 * @param hops the relationships from the scenario's subject to it
	 */
	public record Reached(EntitySummary entity, String role, List<Link> hops) {
	}

	/**
	 * @param scenario the scenario as understood
	 * @param subjects the resolved subjects
	 * @param reached every actor, product, mineral and end use reached, with its path
	 * @param summary counts by kind, in words
	 */
	public record Outcome(Scenario scenario, List<EntitySummary> subjects, List<Reached> reached, String summary) {
	}

	/** The most subjects one scenario may name. */
	public static final int MAX_SUBJECTS = 50;

	@Cacheable
	public Outcome run(Scenario scenario) {
		if (scenario.subjects() == null || scenario.subjects().isEmpty()) {
			throw new InvalidRequestException("subjects", "name at least one mineral, product or measure");
		}
		// Each subject is resolved by name and widens every query that follows: 5,000 of them took 11 s to a 503.
		if (scenario.subjects().size() > MAX_SUBJECTS) {
			throw new InvalidRequestException("subjects", "at most " + MAX_SUBJECTS + " subjects are allowed, got "
					+ scenario.subjects().size());
		}
		String action = (scenario.action() == null) ? "restrict" : scenario.action().strip().toLowerCase();
		if (!action.equals("restrict") && !action.equals("revoke")) {
			throw new InvalidRequestException("action", "action must be restrict or revoke, got '" + action + "'");
		}
		List<EntitySummary> subjects = scenario.subjects().stream().map(this.entities::resolve).toList();
		Map<String, Reached> reached = new LinkedHashMap<>();
		Map<String, List<Link>> pathTo = new LinkedHashMap<>();
		Map<String, Object> parameters = new LinkedHashMap<>();
		parameters.put("asOf", scenario.asOf());
		if (action.equals("revoke")) {
			for (EntitySummary subject : subjects) {
				if (!Kind.POLICY.label().equals(subject.kind())) {
					throw new InvalidRequestException("subjects", "revoke applies to measures; " + subject.name()
							+ " is a " + subject.kind());
				}
			}
			parameters.put("measures", subjects.stream().map(EntitySummary::id).toList());
			collect(ScenarioStatements.LICENSED, parameters, "at-risk", reached, pathTo);
			collect(ScenarioStatements.LINKED, parameters, "at-risk", reached, pathTo);
			rows(ScenarioStatements.TARGETS, parameters).forEach(row -> add(reached, summary(row.get("reached")), "targeted",
					hops(row.get("hops"))));
		}
		else {
			for (EntitySummary subject : subjects) {
				if (!Kind.MINERAL.label().equals(subject.kind()) && !Kind.PRODUCT.label().equals(subject.kind())) {
					throw new InvalidRequestException("subjects", "restrict applies to minerals and products; "
							+ subject.name() + " is a " + subject.kind());
				}
				pathTo.put(subject.id(), List.of());
				add(reached, subject, "restricted", List.of());
			}
		}
		parameters.put("items", List.copyOf(pathTo.keySet()));
		for (Map<String, Object> row : rows(ScenarioStatements.DOWNSTREAM, parameters)) {
			EntitySummary entity = summary(row.get("reached"));
			List<Link> hops = concat(pathTo.get((String) row.get("item")), hops(row.get("hops")));
			add(reached, entity, "depends", hops);
			pathTo.putIfAbsent(entity.id(), hops);
		}
		parameters.put("affected", List.copyOf(pathTo.keySet()));
		for (Map<String, Object> row : rows(ScenarioStatements.ACTORS, parameters)) {
			add(reached, summary(row.get("reached")), "supplier",
					concat(pathTo.get((String) row.get("item")), hops(row.get("hops"))));
		}
		subjects.forEach(subject -> {
			if (action.equals("revoke")) {
				reached.remove(subject.id());
			}
		});
		List<Reached> list = new ArrayList<>(reached.values());
		return new Outcome(new Scenario(scenario.description(), action, scenario.subjects(), scenario.asOf()),
				subjects, list, summary(list));
	}

	private void collect(String query, Map<String, Object> parameters, String role, Map<String, Reached> reached,
			Map<String, List<Link>> pathTo) {
		for (Map<String, Object> row : rows(query, parameters)) {
			List<Link> hops = hops(row.get("hops"));
			Link last = hops.get(hops.size() - 1);
			add(reached, last.to(), role, hops);
			pathTo.putIfAbsent(last.to().id(), hops);
		}
	}

	private List<Map<String, Object>> rows(String query, Map<String, Object> parameters) {
		return new ArrayList<>(this.reads.list(query, parameters, "lodestone-scenarios"));
	}

	private static void add(Map<String, Reached> reached, EntitySummary entity, String role, List<Link> hops) {
		Reached existing = reached.get(entity.id());
		// Keep the shortest explanation of how each entity is reached.
		if (existing == null || existing.hops().size() > hops.size()) {
			reached.put(entity.id(), new Reached(entity, role, hops));
		}
	}

	private static List<Link> hops(Object value) {
		List<Link> hops = new ArrayList<>();
		for (Object hop : (List<?>) value) {
			@SuppressWarnings("unchecked")
			Map<String, Object> projected = (Map<String, Object>) hop;
			hops.add(Links.of(projected));
		}
		return hops;
	}

	private static List<Link> concat(List<Link> first, List<Link> second) {
		List<Link> all = new ArrayList<>((first != null) ? first : List.of());
		all.addAll(second);
		return all;
	}

	@SuppressWarnings("unchecked")
	private static EntitySummary summary(Object properties) {
		return EntitySummary.of((Map<String, Object>) properties);
	}

	private static String summary(List<Reached> reached) {
		Map<String, Long> byKind = new LinkedHashMap<>();
		reached.forEach(r -> byKind.merge(r.entity().kind(), 1L, Long::sum));
		if (byKind.isEmpty()) {
			return "Nothing in the graph depends on the scenario's subjects.";
		}
		List<String> parts = new ArrayList<>();
		byKind.forEach((kind, count) -> parts.add(count + " " + kind.toLowerCase() + (count == 1 ? "" : "s")));
		return "The scenario reaches " + String.join(", ", parts) + ".";
	}


}
