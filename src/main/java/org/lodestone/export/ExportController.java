package org.lodestone.export;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.Principal;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import org.lodestone.ingest.RecordedGraphs;
import org.lodestone.request.RequestLimits;
import org.lodestone.request.RequestValues;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * {@code GET /api/export}: the graph, a path result or a neighbourhood as a file download. The request is checked and
 * the path or neighbourhood found before the response starts, so mistakes get a 400/404/409 problem, and an export
 * too large for an anonymous request a 413 one; the file itself streams from Neo4j into the response.
 */
@RestController
@RequestMapping("/api/export")
class ExportController {

	private final ExportService exports;

	private final RequestLimits limits;

	private final RecordedGraphs recorded;

	ExportController(ExportService exports, RequestLimits limits, RecordedGraphs recorded) {
		this.exports = exports;
		this.limits = limits;
		this.recorded = recorded;
	}

	// Every parameter is declared, so the OpenAPI document lists them; ExportRequest checks them all in one place.
	@GetMapping
	ResponseEntity<StreamingResponseBody> export(@RequestParam(required = false) String format,
			@RequestParam(required = false) String scope, @RequestParam(required = false) String asOf,
			@RequestParam(required = false) String from, @RequestParam(required = false) String to,
			@RequestParam(required = false) String mode, @RequestParam(required = false) String k,
			@RequestParam(required = false) String maxDepth, @RequestParam(required = false) String types,
			@RequestParam(required = false) String excludeTypes, @RequestParam(required = false) String kinds,
			@RequestParam(required = false) String minConfidence, @RequestParam(required = false) String direction,
			@RequestParam(required = false) String id, @RequestParam(required = false) String depth,
			@RequestParam(required = false) String knownAt, Principal principal) {
		Map<String, String> parameters = new HashMap<>();
		parameters.put("format", format);
		parameters.put("scope", scope);
		parameters.put("asOf", asOf);
		parameters.put("from", from);
		parameters.put("to", to);
		parameters.put("mode", mode);
		parameters.put("k", k);
		parameters.put("maxDepth", maxDepth);
		parameters.put("types", types);
		parameters.put("excludeTypes", excludeTypes);
		parameters.put("kinds", kinds);
		parameters.put("minConfidence", minConfidence);
		parameters.put("direction", direction);
		parameters.put("id", id);
		parameters.put("depth", depth);
		// Spring Security gives anonymous requests no principal. Reads may be open to anyone, but a whole large graph
		// is a lot of work for one unauthenticated request, so only a credential lifts the limit.
		long maxElements = (principal != null) ? Long.MAX_VALUE : this.limits.maxExportElementsAnonymous();
		ExportRequest request = ExportRequest.of(parameters::get);
		Instant at = RequestValues.instant("knownAt", knownAt);
		ExportService.Export export = this.recorded.read(at, () -> this.exports.prepare(request, maxElements));
		// The body is written later, on the thread that streams the response: it reads the same recorded graph.
		StreamingResponseBody body = (at == null) ? export::writeTo : out -> {
			try {
				this.recorded.read(at, () -> {
					try {
						export.writeTo(out);
						return null;
					}
					catch (IOException ex) {
						throw new UncheckedIOException(ex);
					}
				});
			}
			catch (UncheckedIOException ex) {
				throw ex.getCause();
			}
		};
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(export.mediaType()))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(export.fileName()).build().toString())
			.body(body);
	}

}
