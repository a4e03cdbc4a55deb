package org.lodestone.entity;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.lodestone.graph.ExternalId;
import org.lodestone.graph.RelationshipType;
import org.lodestone.ingest.RecordedGraphs;
import org.lodestone.request.InvalidRequestException;
import org.lodestone.request.RequestValues;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/entities")
class EntityController {

	private final EntityService entities;

	private final RecordedGraphs recorded;

	EntityController(EntityService entities, RecordedGraphs recorded) {
		this.entities = entities;
		this.recorded = recorded;
	}

	/**
	 * Search by name or alias, or look an entity up by the identifier another dataset gives it
	 * ({@code ?wikidata=Q182477}, {@code ?lei=…}, {@code ?uscc=…}, {@code ?opensanctions=…}).
	 */
	@GetMapping
	List<EntityMatch> search(@RequestParam(defaultValue = "") String q, @RequestParam(required = false) String kind,
			@RequestParam(defaultValue = "20") String limit, @RequestParam(required = false) String wikidata,
			@RequestParam(required = false) String lei, @RequestParam(required = false) String uscc,
			@RequestParam(required = false) String opensanctions, @RequestParam(required = false) String knownAt) {
		return this.recorded.read(knownAt, () -> search(q, kind, limit, wikidata, lei, uscc, opensanctions));
	}

	private List<EntityMatch> search(String q, String kind, String limit, String wikidata, String lei, String uscc,
			String opensanctions) {
		Map<ExternalId, String> identifiers = new EnumMap<>(ExternalId.class);
		putIfPresent(identifiers, ExternalId.WIKIDATA, wikidata);
		putIfPresent(identifiers, ExternalId.LEI, lei);
		putIfPresent(identifiers, ExternalId.USCC, uscc);
		putIfPresent(identifiers, ExternalId.OPENSANCTIONS, opensanctions);
		int max = RequestValues.integer("limit", limit);
		if (identifiers.isEmpty()) {
			return this.entities.search(q, kind, max);
		}
		Map.Entry<ExternalId, String> identifier = identifiers.entrySet().iterator().next();
		if (identifiers.size() > 1 || !q.isBlank()) {
			throw new InvalidRequestException(identifier.getKey().property(), "look up by one identifier at a time, "
					+ "without q: wikidata, lei, uscc or opensanctions");
		}
		return this.entities.byIdentifier(identifier.getKey(), identifier.getValue(), kind);
	}

	private static void putIfPresent(Map<ExternalId, String> identifiers, ExternalId scheme, String value) {
		if (value != null) {
			identifiers.put(scheme, value);
		}
	}

	@GetMapping("/{id}")
	EntityDetails details(@PathVariable String id, @RequestParam(required = false) String knownAt) {
		return this.recorded.read(knownAt, () -> this.entities.details(id));
	}

	@GetMapping("/{id}/neighbors")
	Neighborhood neighbors(@PathVariable String id, @RequestParam(defaultValue = "1") String depth,
			@RequestParam(required = false) String types, @RequestParam(required = false) String asOf,
			@RequestParam(required = false) String knownAt) {
		List<RelationshipType> typeList = RequestValues.types("types", types);
		LocalDate date = RequestValues.date("asOf", asOf);
		int levels = RequestValues.integer("depth", depth);
		return this.recorded.read(knownAt, () -> this.entities.neighbors(id, levels, typeList, date));
	}

	@GetMapping("/{id}/timeline")
	List<TimelineEntry> timeline(@PathVariable String id, @RequestParam(required = false) String knownAt) {
		return this.recorded.read(knownAt, () -> this.entities.timeline(id));
	}

}
