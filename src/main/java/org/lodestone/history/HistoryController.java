package org.lodestone.history;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.lodestone.ingest.RecordedGraphs;
import org.lodestone.path.PathAnswer;
import org.lodestone.path.PathOptions;
import org.lodestone.path.PathService;
import org.lodestone.request.RequestValues;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The recorded history over HTTP: changes since an instant and one entity's history, as JSON and as Atom feeds, and an
 * entity as the graph knew it at an instant.
 */
@RestController
class HistoryController {

	private static final MediaType ATOM = MediaType.parseMediaType(AtomFeeds.MEDIA_TYPE);

	private final HistoryService history;

	private final PathService paths;

	private final RecordedGraphs recorded;

	HistoryController(HistoryService history, PathService paths, RecordedGraphs recorded) {
		this.history = history;
		this.paths = paths;
		this.recorded = recorded;
	}

	@GetMapping("/api/changes")
	ChangePage changes(@RequestParam(required = false) String since, @RequestParam(defaultValue = "0") String offset,
			@RequestParam(defaultValue = "50") String limit) {
		return this.history.changes(RequestValues.instant("since", since), null,
				RequestValues.integer("offset", offset), RequestValues.integer("limit", limit));
	}

	// With ids, a watch list: only the changes of those entities and of their relationships.
	@GetMapping("/api/changes.atom")
	ResponseEntity<String> changesFeed(@RequestParam(required = false) String since,
			@RequestParam(defaultValue = "50") String limit, @RequestParam(required = false) List<String> ids) {
		List<String> watched = watchList(ids);
		ChangePage page = this.history.changes(RequestValues.instant("since", since), watched, null, 0,
				RequestValues.integer("limit", limit));
		String id = (watched == null) ? "urn:lodestone:changes"
				: "urn:lodestone:watch:" + URLEncoder.encode(String.join(",", watched), StandardCharsets.UTF_8);
		String title = (watched == null) ? "Lodestone: what changed in the graph"
				: "Lodestone: changes to " + String.join(", ", watched);
		return atom(AtomFeeds.write(id, title, self(), base(), page));
	}

	// A saved path question as a feed: the changes of the entities and relationships on its current answer's paths.
	@GetMapping("/api/paths.atom")
	ResponseEntity<String> pathFeed(@RequestParam String from, @RequestParam String to,
			@RequestParam(defaultValue = PathOptions.DEFAULT_MODE) String mode,
			@RequestParam(defaultValue = PathOptions.DEFAULT_K) String k,
			@RequestParam(defaultValue = PathOptions.DEFAULT_MAX_DEPTH) String maxDepth,
			@RequestParam(required = false) String types,
			@RequestParam(required = false) String excludeTypes, @RequestParam(required = false) String kinds,
			@RequestParam(required = false) String asOf, @RequestParam(required = false) String minConfidence,
			@RequestParam(defaultValue = PathOptions.DEFAULT_DIRECTION) String direction,
			@RequestParam(required = false) String since, @RequestParam(defaultValue = "50") String limit) {
		PathAnswer answer = this.paths.connect(from, to, PathOptions.parse(mode, k, maxDepth, types, excludeTypes,
				kinds, asOf, minConfidence, direction));
		Set<String> elements = new LinkedHashSet<>();
		answer.paths().forEach(path -> {
			path.nodes().forEach(node -> elements.add(node.id()));
			path.hops().forEach(hop -> elements.add(hop.id()));
		});
		ChangePage page = this.history.changes(RequestValues.instant("since", since), null, List.copyOf(elements), 0,
				RequestValues.integer("limit", limit));
		return atom(AtomFeeds.write("urn:lodestone:paths:" + URLEncoder.encode(answer.from().id() + ","
				+ answer.to().id(), StandardCharsets.UTF_8), "Lodestone: changes on the paths from "
						+ answer.from().name() + " to " + answer.to().name(), self(), base(), page));
	}

	private static List<String> watchList(List<String> ids) {
		if (ids == null) {
			return null;
		}
		List<String> watched = ids.stream().map(String::strip).filter(id -> !id.isEmpty()).distinct().toList();
		return watched.isEmpty() ? null : watched;
	}

	@GetMapping("/api/entities/{id}/history")
	EntityHistory entityHistory(@PathVariable String id) {
		return this.history.entityHistory(id);
	}

	@GetMapping("/api/entities/{id}/history.atom")
	ResponseEntity<String> entityFeed(@PathVariable String id, @RequestParam(required = false) String since,
			@RequestParam(defaultValue = "50") String limit) {
		// An unknown id is a 404 rather than an empty feed nobody will ever see filled.
		this.history.entityHistory(id);
		ChangePage page = this.history.changes(RequestValues.instant("since", since), id, 0,
				RequestValues.integer("limit", limit));
		return atom(AtomFeeds.write("urn:lodestone:entity:" + URLEncoder.encode(id, StandardCharsets.UTF_8),
				"Lodestone: changes to " + id, self(), base(), page));
	}

	// The versions that were the graph's word at knownAt, with when and by whom each was recorded (what a citation of
	// the graph needs); GET /api/entities/{id}?knownAt= gives the entity's details as read then, in their usual shape.
	@GetMapping(path = "/api/entities/{id}/history", params = "knownAt")
	KnownEntity knownAt(@PathVariable String id, @RequestParam String knownAt) {
		Instant at = requiredKnownAt(knownAt);
		return this.history.knownAt(id, at);
	}

	// Beside GET /api/paths, which answers without knownAt and is left exactly as it was: the search at knownAt.
	@GetMapping(path = "/api/paths", params = "knownAt")
	KnownPaths pathsKnownAt(@RequestParam String from, @RequestParam String to,
			@RequestParam(defaultValue = PathOptions.DEFAULT_MODE) String mode,
			@RequestParam(defaultValue = PathOptions.DEFAULT_K) String k,
			@RequestParam(defaultValue = PathOptions.DEFAULT_MAX_DEPTH) String maxDepth,
			@RequestParam(required = false) String types,
			@RequestParam(required = false) String excludeTypes, @RequestParam(required = false) String kinds,
			@RequestParam(required = false) String asOf, @RequestParam(required = false) String minConfidence,
			@RequestParam(defaultValue = PathOptions.DEFAULT_DIRECTION) String direction,
			@RequestParam String knownAt) {
		Instant at = requiredKnownAt(knownAt);
		PathOptions options = PathOptions.parse(mode, k, maxDepth, types, excludeTypes, kinds, asOf, minConfidence,
				direction);
		// The search itself runs on the graph as recorded then; the live history says which hops changed since.
		PathAnswer answer = this.recorded.read(at, () -> this.paths.connect(from, to, options));
		return this.history.knownAt(answer, at);
	}

	private static ResponseEntity<String> atom(String xml) {
		return ResponseEntity.ok().contentType(ATOM).body(xml);
	}

	private static String self() {
		return ServletUriComponentsBuilder.fromCurrentRequest().build().toUriString();
	}

	private static String base() {
		return ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString();
	}

	// Both knownAt reads require the instant; an empty one is a bad request, not "now".
	private static Instant requiredKnownAt(String knownAt) {
		Instant at = RequestValues.instant("knownAt", knownAt);
		if (at == null) {
			throw new org.lodestone.request.InvalidRequestException("knownAt", "knownAt may not be empty");
		}
		return at;
	}

}
