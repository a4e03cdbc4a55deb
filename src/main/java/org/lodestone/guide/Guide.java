package org.lodestone.guide;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.lodestone.graph.Kind;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.core.io.support.ResourcePatternResolver;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * Writes the Neo4j Browser guide: slides in Browser's guide markup ({@code <article class="guide">}, one
 * {@code <slide>} each), with code blocks that Browser copies into its editor on click. The dataset slide and one
 * slide per analyst query are read from the {@code cypher/} files shipped with the application every time, so the
 * guide always shows the queries as they are.
 */
@Component
class Guide {

	static final String QUERIES = "classpath:cypher/queries/*.cypher";

	static final String SEED = "classpath:cypher/seed.cypher";

	private static final String FIRST = "what-connects-h20-to-ndpr.cypher";

	private static final Pattern SIZE = Pattern.compile("(\\d+) sources, (\\d+) entities, (\\d+) relationships");

	private final ResourcePatternResolver resources = new PathMatchingResourcePatternResolver();

	/**
	 * @return the analyst queries, by file name
	 */
	List<QueryFile> queries() {
		try {
			List<Resource> files = new ArrayList<>(Arrays.asList(this.resources.getResources(QUERIES)));
			// The question the project answers first (README: "what connects H20 to NdPr"), then by file name.
			files.sort(Comparator.comparing((Resource file) -> !FIRST.equals(file.getFilename()))
				.thenComparing(Resource::getFilename));
			List<QueryFile> queries = new ArrayList<>();
			for (Resource file : files) {
				queries.add(QueryFile.parse(file.getFilename(), read(file)));
			}
			return queries;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * @param appUrl where this application is reached, such as {@code http://localhost:8080}, for the links
	 * @return the guide as an HTML document
	 */
	String html(String appUrl) {
		List<QueryFile> queries = queries();
		StringBuilder html = new StringBuilder(16_384);
		html.append("<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
			.append("<title>Lodestone: what connects chips to minerals</title>\n</head>\n<body>\n")
			.append("<article class=\"guide\">\n<carousel class=\"deck container-fluid\">\n");
		welcome(html, queries, appUrl);
		shape(html);
		for (int i = 0; i < queries.size(); i++) {
			query(html, queries.get(i), i + 1, queries.size());
		}
		next(html, appUrl);
		html.append("</carousel>\n</article>\n</body>\n</html>\n");
		return html.toString();
	}

	private void welcome(StringBuilder html, List<QueryFile> queries, String appUrl) {
		openSlide(html, "Lodestone", "US–China “chips for minerals” diplomacy as a graph");
		html.append("<p>Export controls, licences, trade deals, companies, products and minerals: every fact dated, ")
			.append("weighted by a confidence and tied to the publications that report it.</p>\n");
		String size = datasetSize();
		if (size != null) {
			html.append("<p>The bundled dataset holds <b>").append(escape(size)).append("</b>.</p>\n");
		}
		html.append("<p>Entities have one of these kinds, each also a label: ");
		List<String> kinds = new ArrayList<>();
		for (Kind kind : Kind.values()) {
			if (kind != Kind.SOURCE) {
				kinds.add("<code>:" + kind.label() + "</code>");
			}
		}
		html.append(String.join(", ", kinds)).append(", plus <code>:Entity</code> and a subtype label such as ")
			.append("<code>:Chip</code> or <code>:TradeDeal</code>. Publications are <code>:Source</code> nodes.</p>\n");
		html.append("<p>Count the entities by kind and subtype (click the code, then run it):</p>\n");
		code(html, "MATCH (n:Entity)\nRETURN n.kind AS kind, n.subtype AS subtype, count(*) AS entities\n"
				+ "ORDER BY kind, entities DESC");
		html.append("<p>This guide then walks through the ").append(queries.size())
			.append(" analyst queries in <code>cypher/queries/</code>:</p>\n<ol>\n");
		for (QueryFile query : queries) {
			html.append("<li>").append(escape(query.title())).append("</li>\n");
		}
		html.append("</ol>\n<p>The same data drawn and clickable: the <a href=\"").append(escape(appUrl))
			.append("/\" target=\"_blank\">Lodestone explorer</a>.</p>\n");
		closeSlide(html);
	}

	private void shape(StringBuilder html) {
		openSlide(html, "The shape of the graph", "Relationships carry the facts");
		html.append("<p>A relationship reads from → to, for example a licence <code>LICENSED_FOR</code> a chip, or ")
			.append("a deal that <code>COVERS</code> a mineral. Each one has:</p>\n<ul>\n")
			.append("<li><code>validFrom</code> and, once it ended, <code>validTo</code>: the dates it held;</li>\n")
			.append("<li><code>confidence</code> in [0, 1];</li>\n")
			.append("<li><code>sources</code>: the ids of the <code>:Source</code> nodes that report it, and often ")
			.append("an exact <code>quote</code>.</li>\n</ul>\n");
		html.append("<p>Which kinds connect to which:</p>\n");
		code(html, "CALL db.schema.visualization()");
		html.append("<p>The relationship types, most common first:</p>\n");
		code(html, "MATCH ()-[r]->()\nRETURN type(r) AS type, count(*) AS relationships\nORDER BY relationships DESC");
		html.append("<p>One fact with its sources, the concession Lutnick described as part of “the trade deal ")
			.append("with the magnets”:</p>\n");
		code(html, "MATCH (a:Entity {id: 'policy:us-h20-export-licences'})-[r:CONCESSION_FOR]->(b)\n"
				+ "MATCH (s:Source) WHERE s.id IN r.sources\n"
				+ "RETURN a.name, type(r), b.name, r.validFrom, r.confidence, r.quote, s.publisher, s.date, s.url");
		closeSlide(html);
	}

	private void query(StringBuilder html, QueryFile query, int number, int total) {
		openSlide(html, query.title(), "Query " + number + " of " + total + ": cypher/queries/" + query.file());
		if (!query.description().isEmpty()) {
			html.append("<p>").append(escape(query.description())).append("</p>\n");
		}
		if (!query.paramCommands().isEmpty()) {
			html.append("<p>Parameters: ").append(escape(query.parameters()))
				.append(". Set ").append((query.paramCommands().size() == 1) ? "it" : "them")
				.append(" first: click each line, then run it.</p>\n");
			for (String command : query.paramCommands()) {
				code(html, command);
			}
			html.append("<p>Then the query:</p>\n");
		}
		for (String statement : query.statements()) {
			code(html, statement);
		}
		closeSlide(html);
	}

	private void next(StringBuilder html, String appUrl) {
		openSlide(html, "Where next", "Beyond Browser");
		html.append("<ul>\n<li>The <a href=\"").append(escape(appUrl))
			.append("/\" target=\"_blank\">explorer page</a>: pick two entities, see the paths drawn, click any ")
			.append("hop for its sources, slide through time, and open the view back here in Browser.</li>\n")
			.append("<li>The REST API explains each path in plain English: <a href=\"").append(escape(appUrl))
			.append("/api/paths?from=H20&amp;to=NdPr\" target=\"_blank\">/api/paths?from=H20&amp;to=NdPr</a>")
			.append(" (reference: <a href=\"").append(escape(appUrl))
			.append("/swagger-ui.html\" target=\"_blank\">Swagger UI</a>).</li>\n")
			.append("<li><code>cypher/seed.cypher</code> loads the whole dataset into any Neo4j 5.</li>\n</ul>\n");
		html.append("<p>Run this guide again with:</p>\n");
		code(html, ":play " + appUrl + "/guide");
		closeSlide(html);
	}

	private String datasetSize() {
		Resource seed = this.resources.getResource(SEED);
		if (!seed.exists()) {
			return null;
		}
		try (InputStream in = seed.getInputStream()) {
			String head = new String(in.readNBytes(2048), StandardCharsets.UTF_8);
			Matcher matcher = SIZE.matcher(head);
			return matcher.find() ? matcher.group(2) + " entities, " + matcher.group(3) + " relationships and "
					+ matcher.group(1) + " sources" : null;
		}
		catch (IOException ex) {
			return null;
		}
	}

	private static void openSlide(StringBuilder html, String title, String lead) {
		html.append("<slide class=\"row-fluid\">\n<div class=\"col-sm-3\">\n<h3>").append(escape(title))
			.append("</h3>\n<p class=\"lead\">").append(escape(lead)).append("</p>\n</div>\n")
			.append("<div class=\"col-sm-9\">\n");
	}

	private static void closeSlide(StringBuilder html) {
		html.append("</div>\n</slide>\n");
	}

	private static void code(StringBuilder html, String cypher) {
		html.append("<pre class=\"pre-scrollable code runnable\">").append(escape(cypher)).append("</pre>\n");
	}

	static String escape(String text) {
		return HtmlUtils.htmlEscape(text, StandardCharsets.UTF_8.name());
	}

	private static String read(Resource resource) throws IOException {
		try (InputStream in = resource.getInputStream()) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

}
