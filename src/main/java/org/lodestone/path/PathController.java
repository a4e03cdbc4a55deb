package org.lodestone.path;

import java.util.ArrayList;
import java.util.List;

import org.lodestone.graph.Kind;
import org.lodestone.graph.Subtype;
import org.lodestone.web.InvalidRequestException;
import org.lodestone.web.RequestValues;

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
		return this.paths.connect(from, to, options(mode, k, maxDepth, types, excludeTypes, kinds, asOf,
				minConfidence, direction));
	}

	static PathService.Options options(String mode, String k, String maxDepth, String types, String excludeTypes,
			String kinds, String asOf, String minConfidence, String direction) {
		PathMode pathMode = PathMode.fromValue(mode);
		if (pathMode == null) {
			throw new InvalidRequestException("mode", "mode must be shortest, k-shortest or all, got '" + mode + "'");
		}
		if (!"any".equalsIgnoreCase(direction) && !"outgoing".equalsIgnoreCase(direction)) {
			throw new InvalidRequestException("direction", "direction must be any or outgoing, got '" + direction + "'");
		}
		Double confidence = RequestValues.fraction("minConfidence", minConfidence);
		return new PathService.Options(pathMode, RequestValues.integer("k", k),
				RequestValues.integer("maxDepth", maxDepth), RequestValues.types("types", types),
				RequestValues.types("excludeTypes", excludeTypes), kinds(kinds), RequestValues.date("asOf", asOf),
				(confidence != null) ? confidence : 0, "outgoing".equalsIgnoreCase(direction));
	}

	private static List<String> kinds(String value) {
		List<String> kinds = new ArrayList<>();
		if (value == null || value.isBlank()) {
			return kinds;
		}
		for (String part : value.split(",")) {
			String name = part.strip();
			Kind kind = Kind.fromLabel(name);
			Subtype subtype = Subtype.fromLabel(name);
			if (kind != null && kind != Kind.SOURCE) {
				kinds.add(kind.label());
			}
			else if (subtype != null) {
				kinds.add(subtype.label());
			}
			else if (!name.isEmpty()) {
				throw new InvalidRequestException("kinds", "unknown kind '" + name
						+ "'; use Actor, Product, Mineral, Policy or a subtype such as Chip or TradeDeal");
			}
		}
		return kinds;
	}

}
