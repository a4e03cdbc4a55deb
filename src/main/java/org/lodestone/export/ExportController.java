package org.lodestone.export;

import java.util.Map;

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
 * the path or neighbourhood found before the response starts, so mistakes get a 400/404/409 problem; the file itself
 * streams from Neo4j into the response.
 */
@RestController
@RequestMapping("/api/export")
class ExportController {

	private final ExportService exports;

	ExportController(ExportService exports) {
		this.exports = exports;
	}

	@GetMapping
	ResponseEntity<StreamingResponseBody> export(@RequestParam Map<String, String> parameters) {
		ExportService.Export export = this.exports.prepare(ExportRequest.of(parameters::get));
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(export.mediaType()))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(export.fileName()).build().toString())
			.body(export::writeTo);
	}

}
