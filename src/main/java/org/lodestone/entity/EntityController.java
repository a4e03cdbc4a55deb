package org.lodestone.entity;

import java.time.LocalDate;
import java.util.List;

import org.lodestone.graph.RelationshipType;
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

	EntityController(EntityService entities) {
		this.entities = entities;
	}

	@GetMapping
	List<EntityMatch> search(@RequestParam(defaultValue = "") String q, @RequestParam(required = false) String kind,
			@RequestParam(defaultValue = "20") String limit) {
		return this.entities.search(q, kind, RequestValues.integer("limit", limit));
	}

	@GetMapping("/{id}")
	EntityDetails details(@PathVariable String id) {
		return this.entities.details(id);
	}

	@GetMapping("/{id}/neighbors")
	Neighborhood neighbors(@PathVariable String id, @RequestParam(defaultValue = "1") String depth,
			@RequestParam(required = false) String types, @RequestParam(required = false) String asOf) {
		List<RelationshipType> typeList = RequestValues.types("types", types);
		LocalDate date = RequestValues.date("asOf", asOf);
		return this.entities.neighbors(id, RequestValues.integer("depth", depth), typeList, date);
	}

	@GetMapping("/{id}/timeline")
	List<TimelineEntry> timeline(@PathVariable String id) {
		return this.entities.timeline(id);
	}

}
