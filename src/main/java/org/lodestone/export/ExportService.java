package org.lodestone.export;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.lodestone.entity.EntityService;
import org.lodestone.entity.Neighborhood;
import org.lodestone.graph.EntitySummary;
import org.lodestone.graph.Link;
import org.lodestone.graph.RelationshipType;
import org.lodestone.neo4j.GraphReads;
import org.lodestone.neo4j.Neo4jSchema;
import org.lodestone.path.ConnectionPath;
import org.lodestone.path.PathService;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * Prepares exports for the API and the command line alike. {@link #prepare} does everything that can fail on the
 * request (parameters, entity names, the path or neighbourhood query) before a byte is written, so errors still
 * become proper answers; the returned {@link Export} then streams the file from Neo4j.
 */
@Service
public class ExportService {

	private final GraphReads reads;

	private final PathService paths;

	private final EntityService entities;

	private final Duration timeout;

	ExportService(GraphReads reads, PathService paths, EntityService entities,
			@Value("${lodestone.export.timeout:5m}") Duration timeout) {
		this.reads = reads;
		this.paths = paths;
		this.entities = entities;
		this.timeout = timeout;
	}

	/**
	 * A prepared export.
	 *
	 * @param fileName the download's file name, such as {@code lodestone-path-h20-ndpr.graphml}
	 * @param mediaType the download's media type
	 * @param body writes the file
	 */
	public record Export(String fileName, String mediaType, Body body) {

		/**
		 * Streams the file.
		 * @param out where it goes; flushed, not closed
		 * @throws IOException when writing fails
		 */
		public void writeTo(OutputStream out) throws IOException {
			this.body.writeTo(out);
		}

	}

	/**
	 * Writes an export's bytes.
	 */
	@FunctionalInterface
	public interface Body {

		/**
		 * @param out where the bytes go; flushed, not closed
		 * @throws IOException when writing fails
		 */
		void writeTo(OutputStream out) throws IOException;

	}

	/**
	 * @param request what to export
	 * @return the export, ready to stream
	 * @throws org.lodestone.request.InvalidRequestException when a parameter is wrong
	 * @throws org.lodestone.entity.EntityNotFoundException when a named entity does not exist
	 * @throws org.lodestone.entity.AmbiguousEntityException when a name matches several entities
	 */
	public Export prepare(ExportRequest request) {
		return prepare(request, Long.MAX_VALUE);
	}

	/**
	 * Like {@link #prepare(ExportRequest)}, for a requester who may export at most {@code maxElements} nodes and
	 * relationships; the export's size is counted before it is returned, so an oversized one is refused before the
	 * download starts rather than cut off midway.
	 * @param request what to export
	 * @param maxElements the most nodes plus relationships the export may hold; {@link Long#MAX_VALUE} for no limit
	 * @return the export, ready to stream
	 * @throws ExportTooLargeException when the export would hold more
	 */
	public Export prepare(ExportRequest request, long maxElements) {
		Scoped scoped = switch (request.scope()) {
			case GRAPH -> new Scoped(StoredGraphSnapshot.Selection.all(request.asOf()),
					"lodestone-graph" + asOfSuffix(request), "Lodestone graph" + asOfTitle(request), null);
			case PATH -> path(request);
			case NEIGHBORHOOD -> neighborhood(request);
		};
		if (maxElements < Long.MAX_VALUE) {
			long elements = StoredGraphSnapshot.count(this.reads, this.timeout, scoped.selection());
			if (elements > maxElements) {
				throw new ExportTooLargeException(elements, maxElements);
			}
		}
		ExportFormat format = request.format();
		String fileName = scoped.baseName() + "." + format.extension();
		Body body = (format == ExportFormat.CSV)
				? out -> withSnapshot(scoped, snapshot -> new Neo4jAdminCsvExporter().export(snapshot, out))
				: out -> withSnapshot(scoped, snapshot -> {
					Writer text = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
					exporter(format, scoped).export(snapshot, text);
					text.flush();
				});
		return new Export(fileName, format.mediaType(), body);
	}

	private Scoped path(ExportRequest request) {
		EntitySummary from = this.entities.resolve(request.from());
		EntitySummary to = this.entities.resolve(request.to());
		List<ConnectionPath> found = this.paths.paths(from.id(), to.id(), request.pathOptions());
		Set<String> ids = new LinkedHashSet<>(List.of(from.id(), to.id()));
		Map<String, StoredGraphSnapshot.GraphEdgeKey> edges = new LinkedHashMap<>();
		for (ConnectionPath path : found) {
			path.nodes().forEach(node -> ids.add(node.id()));
			path.hops().forEach(hop -> edges.putIfAbsent(hop.id(), key(hop)));
		}
		String title = from.name() + " to " + to.name() + ": " + ((found.isEmpty()) ? "no connection"
				: found.size() + (found.size() == 1 ? " path" : " paths")) + asOfTitle(request);
		return new Scoped(StoredGraphSnapshot.Selection.of(List.copyOf(ids), List.copyOf(edges.values())),
				"lodestone-path-" + slug(request.from()) + "-" + slug(request.to()) + asOfSuffix(request), title,
				from.id());
	}

	private Scoped neighborhood(ExportRequest request) {
		EntitySummary center = this.entities.resolve(request.id());
		Neighborhood neighborhood = this.entities.neighbors(center.id(), request.depth(), request.types(),
				request.asOf());
		List<StoredGraphSnapshot.GraphEdgeKey> edges = new ArrayList<>();
		neighborhood.links().forEach(link -> edges.add(key(link)));
		String title = "Neighbourhood of " + center.name() + ", " + request.depth()
				+ (request.depth() == 1 ? " hop" : " hops") + asOfTitle(request)
				+ (neighborhood.truncated() ? " (cut at " + EntityService.MAX_NEIGHBOURS + " entities)" : "");
		return new Scoped(
				StoredGraphSnapshot.Selection.of(neighborhood.nodes().stream().map(EntitySummary::id).toList(), edges),
				"lodestone-neighborhood-" + slug(request.id()) + "-d" + request.depth() + asOfSuffix(request), title,
				center.id());
	}

	private static StoredGraphSnapshot.GraphEdgeKey key(Link link) {
		return new StoredGraphSnapshot.GraphEdgeKey(link.from().id(), RelationshipType.valueOf(link.type()),
				link.to().id());
	}

	private static GraphExporter exporter(ExportFormat format, Scoped scoped) {
		return switch (format) {
			case GRAPHML -> new GraphMlExporter();
			case GEXF -> new GexfExporter();
			case DOT -> new DotExporter(scoped.title());
			case CYTOSCAPE -> new CytoscapeExporter();
			case JSON -> new JsonGraphExporter();
			case FTM -> new FtmExporter();
			case SVG -> new SvgExporter(scoped.title(), scoped.root());
			case CYPHER -> new CypherScriptExporter(List.of(scoped.title() + " as an idempotent Cypher script.",
					"Exported by Lodestone; load it into any Neo4j 5 with Browser or cypher-shell."),
					Neo4jSchema.statements());
			case CSV -> throw new IllegalArgumentException("CSV is a ZIP of several files, written by Neo4jAdminCsvExporter");
		};
	}

	private void withSnapshot(Scoped scoped, SnapshotWork work) throws IOException {
		try (StoredGraphSnapshot snapshot = new StoredGraphSnapshot(this.reads, this.timeout, scoped.selection())) {
			work.run(snapshot);
		}
	}

	@FunctionalInterface
	private interface SnapshotWork {

		void run(StoredGraphSnapshot snapshot) throws IOException;

	}

	private static String asOfSuffix(ExportRequest request) {
		return (request.asOf() != null) ? "-asof-" + request.asOf() : "";
	}

	private static String asOfTitle(ExportRequest request) {
		return (request.asOf() != null) ? ", as of " + request.asOf() : "";
	}

	/**
	 * @param text what the user typed, such as {@code H20} or {@code product:nvidia-h20}
	 * @return it as a file name part: lower case letters and digits joined by hyphens, at most 40 characters
	 */
	static String slug(String text) {
		String slug = text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
		if (slug.length() > 40) {
			slug = slug.substring(0, 40).replaceAll("-+$", "");
		}
		return slug.isEmpty() ? "x" : slug;
	}

	/**
	 * A scope turned into what to read, how to name the file, and what pictures put in their caption and at their left.
	 */
	private record Scoped(StoredGraphSnapshot.Selection selection, String baseName, String title, String root) {
	}

}
