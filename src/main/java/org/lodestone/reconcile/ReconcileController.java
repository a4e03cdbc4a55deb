package org.lodestone.reconcile;

import java.util.Map;

import org.lodestone.entity.EntityDetails;
import org.lodestone.request.RequestValues;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.util.HtmlUtils;

/**
 * The reconciliation endpoint. JSONP is not offered (the API makes it optional): a script tag reads any answer from any
 * page, which would undo the CORS allow-list.
 */
@RestController
@RequestMapping("/api/reconcile")
class ReconcileController {

	private final ReconciliationService reconciliation;

	ReconcileController(ReconciliationService reconciliation) {
		this.reconciliation = reconciliation;
	}

	/** Without {@code queries}: the manifest. With it: the batch's results (the API's GET form, for debugging). */
	@GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
	Object manifestOrQueries(@RequestParam(required = false) String queries) {
		if (queries == null) {
			return this.reconciliation.manifest(base());
		}
		return this.reconciliation.reconcile(queries);
	}

	/** The API's primary form: {@code queries} in an {@code application/x-www-form-urlencoded} body. */
	@PostMapping(consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
	Map<String, QueryResult> queries(@RequestParam String queries) {
		return this.reconciliation.reconcile(queries);
	}

	@GetMapping(path = "/suggest/entity", produces = MediaType.APPLICATION_JSON_VALUE)
	Suggestions suggestEntities(@RequestParam(defaultValue = "") String prefix,
			@RequestParam(defaultValue = "0") String cursor, @RequestParam(required = false) String type) {
		return this.reconciliation.suggestEntities(prefix, RequestValues.integer("cursor", cursor), type);
	}

	@GetMapping(path = "/suggest/type", produces = MediaType.APPLICATION_JSON_VALUE)
	Suggestions suggestTypes(@RequestParam(defaultValue = "") String prefix,
			@RequestParam(defaultValue = "0") String cursor) {
		return this.reconciliation.suggestTypes(prefix, RequestValues.integer("cursor", cursor));
	}

	/** A small HTML page for OpenRefine's preview frame; every value is escaped. */
	@GetMapping(path = "/preview", produces = MediaType.TEXT_HTML_VALUE)
	String preview(@RequestParam(required = false) String id) {
		EntityDetails entity = this.reconciliation.preview(id);
		StringBuilder html = new StringBuilder(1024);
		html.append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>")
			.append(escape(entity.name()))
			.append("</title></head><body style=\"font: 14px/1.4 sans-serif; margin: 8px\"><h1 style=\"font-size: 16px;")
			.append(" margin: 0\">")
			.append(escape(entity.name()))
			.append("</h1><p style=\"margin: 2px 0; color: #555\">")
			.append(escape(entity.subtype()))
			.append(" (")
			.append(escape(entity.kind()))
			.append(") · <code>")
			.append(escape(entity.id()))
			.append("</code> · ")
			.append(entity.relationships())
			.append(entity.relationships() == 1 ? " relationship" : " relationships")
			.append("</p>");
		if (!entity.aliases().isEmpty()) {
			html.append("<p style=\"margin: 2px 0\">Also: ").append(escape(String.join(", ", entity.aliases())))
				.append("</p>");
		}
		if (!entity.identifiers().isEmpty()) {
			html.append("<p style=\"margin: 2px 0; color: #555\">");
			entity.identifiers().forEach((scheme, value) -> html.append(escape(scheme)).append(" <code>")
				.append(escape(value)).append("</code> "));
			html.append("</p>");
		}
		if (entity.description() != null) {
			html.append("<p style=\"margin: 4px 0\">").append(escape(entity.description())).append("</p>");
		}
		html.append("</body></html>");
		return html.toString();
	}

	private static String escape(String text) {
		return (text == null) ? "" : HtmlUtils.htmlEscape(text, "UTF-8");
	}

	private static String base() {
		return ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString();
	}

}
