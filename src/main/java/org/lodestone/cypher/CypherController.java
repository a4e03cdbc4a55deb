package org.lodestone.cypher;

import jakarta.validation.Valid;

import org.lodestone.ingest.RecordedGraphs;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/cypher")
class CypherController {

	private final CypherQueryService cypher;

	private final RecordedGraphs recorded;

	CypherController(CypherQueryService cypher, RecordedGraphs recorded) {
		this.cypher = cypher;
		this.recorded = recorded;
	}

	// JSON only: another body format (YAML was accepted) would skip the JSON size and nesting limits.
	@PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
	CypherResult run(@Valid @RequestBody CypherRequest request) {
		// The query is prepared on this thread, so it reads the graph this thread's scope names (the live graph, or the
		// graph as recorded at knownAt) even though it runs on a user-query thread.
		return this.recorded.read(request.knownAt(), () -> this.cypher.run(request.query(), request.parameters()));
	}

}
