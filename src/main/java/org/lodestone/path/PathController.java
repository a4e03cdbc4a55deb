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
			@RequestParam(defaultValue = "k-shortest") String mode, @RequestParam(defaultValue = "5") String k,
			@RequestParam(defaultValue = "6") String maxDepth, @RequestParam(required = false) String types,
			@RequestParam(required = false) String excludeTypes, @RequestParam(required = false) String kinds,
			@RequestParam(required = false) String asOf, @RequestParam(required = false) String minConfidence,
			@RequestParam(defaultValue = "any") String direction) {
		return this.paths.connect(from, to, PathService.Options.parse(mode, k, maxDepth, types, excludeTypes, kinds,
				asOf, minConfidence, direction));
	}

}
