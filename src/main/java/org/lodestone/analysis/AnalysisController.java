package org.lodestone.analysis;

import java.time.LocalDate;
import java.util.List;

import org.lodestone.ingest.RecordedGraphs;
import org.lodestone.request.RequestValues;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
class AnalysisController {

	static final MediaType TEXT_CALENDAR = MediaType.parseMediaType("text/calendar;charset=UTF-8");

	private static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);

	private static final LocalDate LATEST = LocalDate.of(2100, 12, 31);

	private final LinkageLedger ledger;

	private final ChokepointExposure exposure;

	private final WhatIfScenarios scenarios;

	private final AsOfDiff diff;

	private final MeasureCalendar calendar;

	private final Centrality centrality;

	private final MeasureTimeline timeline;

	private final SupplyMatrix supply;

	private final MeasuresInForce inForce;

	private final RecordedGraphs recorded;

	AnalysisController(LinkageLedger ledger, ChokepointExposure exposure, WhatIfScenarios scenarios, AsOfDiff diff,
			MeasureCalendar calendar, Centrality centrality, MeasureTimeline timeline, SupplyMatrix supply,
			MeasuresInForce inForce, RecordedGraphs recorded) {
		this.recorded = recorded;
		this.ledger = ledger;
		this.exposure = exposure;
		this.scenarios = scenarios;
		this.diff = diff;
		this.calendar = calendar;
		this.centrality = centrality;
		this.timeline = timeline;
		this.supply = supply;
		this.inForce = inForce;
	}

	@GetMapping("/api/measures")
	List<MeasureTimeline.Measure> measures(@RequestParam(required = false) String asOf, @RequestParam(required = false) String knownAt) {
		LocalDate day = RequestValues.date("asOf", asOf);
		return this.recorded.read(knownAt, () -> this.timeline.measures(day));
	}

	@GetMapping("/api/supply")
	SupplyMatrix.Matrix supply(@RequestParam(required = false) String asOf, @RequestParam(required = false) String knownAt) {
		LocalDate day = RequestValues.date("asOf", asOf);
		return this.recorded.read(knownAt, () -> this.supply.matrix(day));
	}

	@GetMapping("/api/linkages")
	List<LinkageLedger.Linkage> linkages(@RequestParam(required = false) String knownAt) {
		return this.recorded.read(knownAt, this.ledger::linkages);
	}

	@GetMapping("/api/exposure/{id}")
	ChokepointExposure.Exposure exposure(@PathVariable String id, @RequestParam(required = false) String asOf,
			@RequestParam(required = false) String knownAt) {
		LocalDate day = RequestValues.date("asOf", asOf);
		return this.recorded.read(knownAt, () -> this.exposure.exposure(id, day));
	}

	// JSON only: another body format (YAML was accepted) would skip the JSON size and nesting limits.
	@PostMapping(path = "/api/scenarios", consumes = MediaType.APPLICATION_JSON_VALUE)
	WhatIfScenarios.Outcome scenario(@RequestBody WhatIfScenarios.Scenario scenario, @RequestParam(required = false) String knownAt) {
		return this.recorded.read(knownAt, () -> this.scenarios.run(scenario));
	}

	@GetMapping("/api/measures/in-force")
	MeasuresInForce.InForce measuresInForce(@RequestParam(required = false) String asOf, @RequestParam(required = false) String knownAt) {
		LocalDate day = RequestValues.date("asOf", asOf);
		return this.recorded.read(knownAt, () -> this.inForce.on((day != null) ? day : LocalDate.now()));
	}

	@GetMapping("/api/diff")
	AsOfDiff.Diff diff(@RequestParam String from, @RequestParam String to, @RequestParam(required = false) String knownAt) {
		LocalDate start = RequestValues.date("from", from);
		LocalDate end = RequestValues.date("to", to);
		return this.recorded.read(knownAt, () -> this.diff.between(start, end));
	}

	@GetMapping(value = "/api/calendar", produces = MediaType.APPLICATION_JSON_VALUE)
	List<MeasureCalendar.Event> calendar(@RequestParam(required = false) String from,
			@RequestParam(required = false) String to, @RequestParam(required = false) String knownAt) {
		LocalDate start = or(RequestValues.date("from", from), EARLIEST);
		LocalDate end = or(RequestValues.date("to", to), LATEST);
		return this.recorded.read(knownAt, () -> this.calendar.events(start, end));
	}

	@GetMapping(value = { "/api/calendar", "/api/calendar.ics" }, produces = "text/calendar")
	ResponseEntity<String> calendarFeed(@RequestParam(required = false) String from,
			@RequestParam(required = false) String to, @RequestParam(required = false) String knownAt) {
		LocalDate start = or(RequestValues.date("from", from), EARLIEST);
		LocalDate end = or(RequestValues.date("to", to), LATEST);
		String ics = this.recorded.read(knownAt, () -> this.calendar.ics(start, end));
		return ResponseEntity.ok()
			.contentType(TEXT_CALENDAR)
			.header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"lodestone-measures.ics\"")
			.body(ics);
	}

	@GetMapping("/api/analytics/central")
	Centrality.Ranking central(@RequestParam(defaultValue = "Actor") String kind, @RequestParam(required = false) String knownAt) {
		return this.recorded.read(knownAt, () -> this.centrality.central(kind));
	}

	private static LocalDate or(LocalDate value, LocalDate fallback) {
		return (value != null) ? value : fallback;
	}

}
