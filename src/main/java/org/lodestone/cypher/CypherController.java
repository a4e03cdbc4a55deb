package org.lodestone.cypher;

import jakarta.validation.Valid;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/cypher")
class CypherController {

	private final CypherQueryService cypher;

	CypherController(CypherQueryService cypher) {
		this.cypher = cypher;
	}

	// JSON only: another body format (YAML was accepted) would skip the JSON size and nesting limits.
	@PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
	CypherResult run(@Valid @RequestBody CypherRequest request) {
		return this.cypher.run(request.query(), request.parameters());
	}

}
