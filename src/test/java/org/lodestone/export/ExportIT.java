package org.lodestone.export;

import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lodestone.IntegrationTest;
import org.lodestone.ingest.Dataset;
import org.lodestone.ingest.DatasetFile;
import org.lodestone.ingest.DatasetGraph;
import org.lodestone.ingest.GraphImporter;
import org.lodestone.ingest.ImportProgress;
import org.lodestone.ingest.ImportReport;
import org.lodestone.neo4j.EmbeddedNeo4j;
import org.lodestone.neo4j.GraphReads;
import org.lodestone.path.ConnectionPath;
import org.lodestone.path.PathOptions;
import org.lodestone.path.PathService;
import org.lodestone.support.StoredGraph;
import org.neo4j.driver.Driver;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code GET /api/export} on the bundled data: downloads, their names and types, what each scope holds, errors.
 */
class ExportIT extends IntegrationTest {

	private static final String PATH = "/api/export?scope=path&from=H20&to=NdPr&format=";

	@Autowired
	RestTestClient rest;

	@Autowired
	Driver driver;

	@Autowired
	EmbeddedNeo4j engine;

	@Autowired
	GraphImporter importer;

	@Autowired
	PathService paths;

	@Test
	void everyFormatDownloadsWithItsTypeAndFileName() {
		Map<String, String> types = Map.of("graphml", "application/graphml+xml", "gexf", "application/gexf+xml",
				"dot", "text/vnd.graphviz;charset=UTF-8", "cytoscape", "application/json", "csv", "application/zip",
				"cypher", "text/plain;charset=UTF-8", "json", "application/json", "svg", "image/svg+xml", "ftm",
				"application/x-ndjson");
		Map<String, String> files = Map.of("graphml", "lodestone-path-h20-ndpr.graphml", "gexf",
				"lodestone-path-h20-ndpr.gexf", "dot", "lodestone-path-h20-ndpr.dot", "cytoscape",
				"lodestone-path-h20-ndpr.cyjs", "csv", "lodestone-path-h20-ndpr.neo4j-admin.zip", "cypher",
				"lodestone-path-h20-ndpr.cypher", "json", "lodestone-path-h20-ndpr.json", "svg",
				"lodestone-path-h20-ndpr.svg", "ftm", "lodestone-path-h20-ndpr.ftm.json");
		for (ExportFormat format : ExportFormat.values()) {
			byte[] body = this.rest.get().uri(PATH + format.value()).exchange()
				.expectStatus().isOk()
				.expectHeader().contentType(MediaType.parseMediaType(types.get(format.value())))
				.expectHeader().valueEquals(HttpHeaders.CONTENT_DISPOSITION,
						"attachment; filename=\"" + files.get(format.value()) + "\"")
				.expectBody(byte[].class).returnResult().getResponseBody();
			assertThat(body).as(format.value()).isNotEmpty();
		}
		this.rest.get().uri("/api/export?format=graphml").exchange()
			.expectHeader().valueEquals(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"lodestone-graph.graphml\"");
		this.rest.get().uri("/api/export?format=gexf&asOf=2025-05-15").exchange()
			.expectHeader().valueEquals(HttpHeaders.CONTENT_DISPOSITION,
					"attachment; filename=\"lodestone-graph-asof-2025-05-15.gexf\"");
		this.rest.get().uri("/api/export?format=svg&scope=neighborhood&id=product:nvidia-h20&depth=2").exchange()
			.expectStatus().isOk()
			.expectHeader().valueEquals(HttpHeaders.CONTENT_DISPOSITION,
					"attachment; filename=\"lodestone-neighborhood-product-nvidia-h20-d2.svg\"");
	}

	@Test
	void badRequestsGetProblemsNamingTheParameter() {
		Map<String, String> bad = Map.of("/api/export", "format", "/api/export?format=xls", "format",
				"/api/export?format=json&scope=planet", "scope", "/api/export?format=svg", "scope",
				"/api/export?format=json&scope=path&from=H20", "to", "/api/export?format=json&scope=neighborhood",
				"id", "/api/export?format=json&scope=neighborhood&id=H20&depth=9", "depth",
				"/api/export?format=json&asOf=yesterday", "asOf", "/api/export?format=json&scope=path&from=H20&to=NdPr&k=0",
				"k");
		bad.forEach((uri, parameter) -> this.rest.get().uri(uri).exchange()
			.expectStatus().isBadRequest()
			.expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.type").isEqualTo("urn:lodestone:problem:invalid-request")
			.jsonPath("$.parameter").isEqualTo(parameter));
		this.rest.get().uri("/api/export?format=json&scope=neighborhood&id=Zanzibar Chips").exchange()
			.expectStatus().isNotFound()
			.expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody().jsonPath("$.type").isEqualTo("urn:lodestone:problem:entity-not-found");
	}

	@Test
	void withoutAScopeFromAndToExportThePathTheyName() {
		this.rest.get().uri("/api/export?format=svg&from=H20&to=NdPr").exchange()
			.expectStatus().isOk()
			.expectHeader().contentType("image/svg+xml")
			.expectHeader().valueEquals(HttpHeaders.CONTENT_DISPOSITION,
					"attachment; filename=\"lodestone-path-h20-ndpr.svg\"");
		assertThat(text("/api/export?format=json&from=H20&to=NdPr")).isEqualTo(text(PATH + "json"));
	}

	@Test
	void withoutAScopeAnIdExportsItsNeighbourhoodAndNothingExportsTheWholeGraph() {
		this.rest.get().uri("/api/export?format=json&id=NdPr&depth=2").exchange()
			.expectStatus().isOk()
			.expectHeader().valueEquals(HttpHeaders.CONTENT_DISPOSITION,
					"attachment; filename=\"lodestone-neighborhood-ndpr-d2.json\"");
		assertThat(text("/api/export?format=json&id=NdPr&depth=2"))
			.isEqualTo(text("/api/export?format=json&scope=neighborhood&id=NdPr&depth=2"));
		this.rest.get().uri("/api/export?format=json").exchange()
			.expectStatus().isOk()
			.expectHeader().valueEquals(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"lodestone-graph.json\"");
	}

	@Test
	void withoutAScopeOnlyOneEndOfAPathIsAskedForTheOther() {
		expectBadParameter("/api/export?format=json&from=H20", "to", "to is required for scope=path");
		expectBadParameter("/api/export?format=gexf&to=NdPr", "from", "from is required for scope=path");
	}

	@Test
	void parametersOfAnotherScopeThanTheOneAskedForAreRefusedNotIgnored() {
		expectBadParameter("/api/export?format=json&scope=graph&from=H20&to=NdPr", "from",
				"from names a path's end, which scope=graph does not take");
		expectBadParameter("/api/export?format=json&scope=graph&to=NdPr", "to",
				"to names a path's end, which scope=graph does not take");
		expectBadParameter("/api/export?format=json&scope=graph&id=NdPr", "id",
				"id names a neighbourhood's centre, which scope=graph does not take");
		expectBadParameter("/api/export?format=json&scope=path&from=H20&to=NdPr&id=NdPr", "id",
				"id names a neighbourhood's centre, which scope=path does not take");
		expectBadParameter("/api/export?format=json&scope=neighborhood&id=NdPr&from=H20", "from",
				"from names a path's end, which scope=neighborhood does not take");
		expectBadParameter("/api/export?format=json&id=NdPr&from=H20&to=NdPr", "id",
				"give id for scope=neighborhood, or from and to for scope=path, not both");
		expectBadParameter("/api/export?format=svg&scope=graph", "scope", "svg draws a path or a neighbourhood");
	}

	private void expectBadParameter(String uri, String parameter, String detail) {
		this.rest.get().uri(uri).exchange()
			.expectStatus().isBadRequest()
			.expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.type").isEqualTo("urn:lodestone:problem:invalid-request")
			.jsonPath("$.parameter").isEqualTo(parameter)
			.jsonPath("$.detail").value(String.class, value -> assertThat(value).as(uri).contains(detail));
	}

	@Test
	void theWholeGraphExportedAsJsonImportsBackAsTheSameGraph(@TempDir Path dir) throws Exception {
		StoredGraph before = StoredGraph.read(this.driver);
		byte[] json = this.rest.get().uri("/api/export?format=json").exchange()
			.expectStatus().isOk()
			.expectBody(byte[].class).returnResult().getResponseBody();
		Path file = dir.resolve("lodestone-graph.json");
		Files.write(file, json);
		Dataset dataset = this.importer.read(DatasetFile.fromPath(file));
		assertThat(StoredGraph.of(new DatasetGraph(dataset))).isEqualTo(before);
		ImportReport report = this.importer.importDataset(dataset, ImportProgress.NONE);
		assertThat(report.changedAnything()).isFalse();
		assertThat(StoredGraph.read(this.driver)).isEqualTo(before);
	}

	@Test
	void theStoredGraphExportsAsValidGraphMlAndGexf() throws Exception {
		String graphMl = text("/api/export?format=graphml");
		ExportFormatsTests.validate(graphMl, "/xsd/graphml-1.0/graphml.xsd");
		long nodes = this.driver.executableQuery("MATCH (n) WHERE n:Entity OR n:Source RETURN count(n) AS n").execute()
			.records().get(0).get("n").asLong();
		assertThat(ExportFormatsTests.parse(graphMl).getElementsByTagNameNS(GraphMlExporter.NAMESPACE, "node")
			.getLength()).isEqualTo(nodes);
		ExportFormatsTests.validate(text("/api/export?format=gexf"), "/xsd/gexf-1.3/gexf.xsd");
		ExportFormatsTests.validate(text(PATH + "gexf"), "/xsd/gexf-1.3/gexf.xsd");
	}

	@Test
	void asOfDropsRelationshipsThatDidNotHoldThatDay() {
		LocalDate day = LocalDate.of(2025, 5, 15);
		JsonNode all = json("/api/export?format=json");
		JsonNode then = json("/api/export?format=json&asOf=" + day);
		assertThat(then.path("nodes").size()).isEqualTo(all.path("nodes").size());
		assertThat(then.path("edges").size()).isPositive().isLessThan(all.path("edges").size());
		for (JsonNode edge : then.path("edges")) {
			JsonNode props = edge.path("properties");
			assertThat(LocalDate.parse(props.path("validFrom").asString())).isBeforeOrEqualTo(day);
			if (props.has("validTo")) {
				assertThat(LocalDate.parse(props.path("validTo").asString())).isAfterOrEqualTo(day);
			}
		}
	}

	@Test
	void aPathExportHoldsThePathsTheirHopsAndTheSourcesTheyCite() {
		List<ConnectionPath> found = h20ToNdPr();
		JsonNode json = json(PATH + "json");
		Set<String> ids = new LinkedHashSet<>();
		json.path("nodes").forEach(node -> ids.add(node.path("id").asString()));
		found.forEach(path -> path.nodes().forEach(node -> assertThat(ids).contains(node.id())));
		found.forEach(path -> path.hops().forEach(hop -> hop.sources()
			.forEach(source -> assertThat(ids).contains(source.id()))));
		Set<String> hops = new LinkedHashSet<>();
		found.forEach(path -> path.hops().forEach(hop -> hops.add(hop.id())));
		assertThat(json.path("edges").size()).isEqualTo(hops.size());
		JsonNode neighbourhood = json("/api/export?format=json&scope=neighborhood&id=H20&depth=1");
		assertThat(neighbourhood.path("nodes").toString()).contains("product:nvidia-h20", "src:");
	}

	@Test
	void theSvgOfH20ToNdPrShowsEveryEntityOnThePathsWithoutOverlappingLabels() throws Exception {
		String svg = text(PATH + "svg");
		Set<String> names = new LinkedHashSet<>();
		h20ToNdPr().forEach(path -> path.nodes().forEach(node -> names.add(node.name())));
		assertThat(names).hasSizeGreaterThan(3);
		SvgChecks.assertReadable(svg, List.copyOf(names));
		assertThat(svg).contains("CONCESSION_FOR").contains("LICENSED_FOR").contains("Actor").contains("Policy");
		SvgChecks.assertReadable(text("/api/export?format=svg&scope=neighborhood&id=NdPr&depth=1"), List.of("NdPr"));
	}

	private List<ConnectionPath> h20ToNdPr() {
		return this.paths.paths("H20", "NdPr", PathOptions.parse("k-shortest", "5", "6", null, null, null, null,
				null, "any"));
	}

	private String text(String uri) {
		byte[] body = this.rest.get().uri(uri).exchange()
			.expectStatus().isOk()
			.expectBody(byte[].class).returnResult().getResponseBody();
		return new String(body, StandardCharsets.UTF_8);
	}

	@Test
	void theWholeGraphExportsTheSameFilesReadInProcessOrThroughTheDriver() throws Exception {
		// The embedded engine is read in-process; an external server through the driver. Both must write the same file.
		for (GraphExporter exporter : List.of(new GraphMlExporter(), new GexfExporter(), new JsonGraphExporter())) {
			StringWriter inProcess = new StringWriter();
			SnapshotExports.export(GraphReads.inProcess(this.engine), exporter, inProcess);
			StringWriter overBolt = new StringWriter();
			SnapshotExports.export(GraphReads.overBolt(this.driver), exporter, overBolt);
			assertThat(inProcess.toString()).as(exporter.getClass().getSimpleName())
				.contains("mineral:ndpr")
				.isEqualTo(overBolt.toString());
		}
	}

	@Test
	void theWholeGraphExportsInAStableOrderSourcesThenEntitiesByIdAndEdgesByStartTypeAndEnd() {
		JsonNode graph = json("/api/export?format=json");
		List<String> sources = new java.util.ArrayList<>();
		List<String> entities = new java.util.ArrayList<>();
		graph.get("nodes").forEach(node -> {
			String id = node.get("id").asString();
			boolean source = node.get("labels").get(0).asString().equals("Source");
			if (source) {
				assertThat(entities).as("entities before source %s", id).isEmpty();
			}
			(source ? sources : entities).add(id);
		});
		assertThat(sources).hasSize(countOf("Source")).isSorted();
		assertThat(entities).hasSize(countOf("Entity")).isSorted();
		List<String> edges = new java.util.ArrayList<>();
		// validFrom tells apart the supply shares one pair holds once per year (SUPPLIES is keyed by period).
		graph.get("edges").forEach(edge -> edges.add(edge.get("from").asString() + "\u0000" + edge.get("type").asString()
				+ "\u0000" + edge.get("to").asString() + "\u0000" + edge.get("properties").get("validFrom").asString()));
		assertThat(edges).hasSizeGreaterThan(200).isSorted().doesNotHaveDuplicates();
	}

	private int countOf(String label) {
		return this.driver.executableQuery("MATCH (n:$($label)) RETURN count(n) AS n")
			.withParameters(Map.of("label", label))
			.execute()
			.records()
			.get(0)
			.get("n")
			.asInt();
	}

	private JsonNode json(String uri) {
		return JsonMapper.shared().readTree(text(uri));
	}

}
