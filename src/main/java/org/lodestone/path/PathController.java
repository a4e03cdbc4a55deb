package org.lodestone.path;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/paths")
class PathController {

	private final PathService paths;

	PathController(PathService paths) {
		this.paths = paths;
	}

	@GetMapping
	PathAnswer paths(@RequestParam String from, @RequestParam String to,
			@RequestParam(defaultValue = PathOptions.DEFAULT_MODE) String mode,
			@RequestParam(defaultValue = PathOptions.DEFAULT_K) String k,
			@RequestParam(defaultValue = PathOptions.DEFAULT_MAX_DEPTH) String maxDepth,
			@RequestParam(required = false) String types,
			@RequestParam(required = false) String excludeTypes, @RequestParam(required = false) String kinds,
			@RequestParam(required = false) String asOf, @RequestParam(required = false) String minConfidence,
			@RequestParam(defaultValue = PathOptions.DEFAULT_DIRECTION) String direction) {
		return this.paths.connect(from, to, PathOptions.parse(mode, k, maxDepth, types, excludeTypes, kinds, asOf,
				minConfidence, direction));
	}

}
