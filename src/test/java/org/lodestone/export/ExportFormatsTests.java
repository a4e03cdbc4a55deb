package org.lodestone.export;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lodestone.graph.GraphEdge;
import org.lodestone.graph.GraphNode;
import org.lodestone.graph.GraphSnapshot;
import org.lodestone.graph.RelationshipType;
import org.lodestone.ingest.Dataset;
import org.lodestone.ingest.DatasetFile;
import org.lodestone.ingest.DatasetGraph;
import org.lodestone.ingest.DatasetReader;
import org.lodestone.ingest.InvalidDatasetException;
import org.lodestone.support.BundledData;
import org.lodestone.support.StoredGraph;
import org.w3c.dom.Document;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Every file format, written from the bundled dataset and checked against its schema or its reader.
 */
class ExportFormatsTests {

	private static final Dataset DATASET = BundledData.dataset();

	private static final GraphSnapshot GRAPH = new DatasetGraph(DATASET);

	private static final int NODES = DATASET.sources().size() + DATASET.entities().size();

	@Test
	void graphMlValidatesAgainstTheGraphMlSchema() throws Exception {
		String graphMl = write(new GraphMlExporter(), GRAPH);
		validate(graphMl, "/xsd/graphml-1.0/graphml.xsd");
		Document document = parse(graphMl);
		assertThat(document.getElementsByTagNameNS(GraphMlExporter.NAMESPACE, "node").getLength()).isEqualTo(NODES);
		assertThat(document.getElementsByTagNameNS(GraphMlExporter.NAMESPACE, "edge").getLength())
			.isEqualTo(DATASET.relationships().size());
		// One typed key per property, plus a display label for both, the node labels and the relationship type.
		assertThat(document.getElementsByTagNameNS(GraphMlExporter.NAMESPACE, "key").getLength())
			.isEqualTo(Attribute.NODE.size() + Attribute.EDGE.size() + 4);
		assertThat(graphMl).contains("<key id=\"e-confidence\" for=\"edge\" attr.name=\"confidence\" attr.type=\"double\"/>")
			.contains("<key id=\"e-validFrom\" for=\"edge\" attr.name=\"validFrom\" attr.type=\"string\"/>");
	}

	@Test
	void gexfValidatesAgainstTheGexf13SchemaAndCarriesSpells() throws Exception {
		String gexf = write(new GexfExporter(), GRAPH);
		validate(gexf, "/xsd/gexf-1.3/gexf.xsd");
		Document document = parse(gexf);
		assertThat(document.getElementsByTagNameNS(GexfExporter.NAMESPACE, "node").getLength()).isEqualTo(NODES);
		assertThat(document.getElementsByTagNameNS(GexfExporter.NAMESPACE, "spell").getLength())
			.isEqualTo(DATASET.relationships().size());
		assertThat(gexf).contains("mode=\"dynamic\"").contains("timeformat=\"date\"");
		Dataset.Relationship ended = DATASET.relationships().stream().filter(r -> r.validTo() != null).findFirst()
			.orElseThrow();
		assertThat(gexf).contains("<spell start=\"" + ended.validFrom() + "\" end=\"" + ended.validTo() + "\"/>");
	}

	@Test
	void everyStoredPropertyHasADeclaredAttribute() {
		List<String> nodeNames = new ArrayList<>(Attribute.NODE.stream().map(Attribute::name).toList());
		nodeNames.add("id");
		List<String> edgeNames = Attribute.EDGE.stream().map(Attribute::name).toList();
		GRAPH.forEachNode(node -> assertThat(nodeNames).containsAll(node.properties().keySet()));
		GRAPH.forEachEdge(edge -> assertThat(edgeNames).containsAll(edge.properties().keySet()));
	}

	@Test
	void dotParsesWithGraphviz(@TempDir Path dir) throws Exception {
		String dot = write(new DotExporter("Lodestone \"graph\" \\ test"), withAwkwardNames());
		assertThat(dot).startsWith("digraph lodestone {").contains("rankdir=LR")
			.contains("label=\"Lodestone \\\"graph\\\" \\\\ test\"");
		assumeTrue(graphvizInstalled(), "Graphviz 'dot' is not installed; the DOT syntax check is skipped");
		Path file = dir.resolve("graph.dot");
		Files.writeString(file, write(new DotExporter("Lodestone"), GRAPH) + "\n");
		Path awkward = dir.resolve("awkward.dot");
		Files.writeString(awkward, dot);
		for (Path input : List.of(file, awkward)) {
			Process dotProcess = new ProcessBuilder("dot", "-Tsvg", "-o", dir.resolve("out.svg").toString(),
					input.toString()).redirectErrorStream(true).start();
			String output = new String(dotProcess.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			assertThat(dotProcess.waitFor(120, TimeUnit.SECONDS)).isTrue();
			assertThat(dotProcess.exitValue()).as(output).isZero();
			assertThat(output).doesNotContainIgnoringCase("syntax error");
		}
	}

	@Test
	void picturesDrawLinkagesInTheirOwnShapeAndColour() throws Exception {
		String dot = write(new DotExporter("Lodestone"), GRAPH);
		String linkage = dot.lines()
			.filter(line -> line.startsWith("  \"linkage:h20-licences-for-rare-earth-magnets\" ["))
			.findFirst()
			.orElseThrow();
		assertThat(linkage).contains("shape=diamond").contains(KindStyle.LINKAGE.fillHex());
		java.awt.Color fill = KindStyle.LINKAGE.fill();
		String svg = write(new SvgExporter("Lodestone", "linkage:h20-licences-for-rare-earth-magnets"), GRAPH);
		String linkageFill = "fill:rgb(%d,%d,%d)".formatted(fill.getRed(), fill.getGreen(), fill.getBlue());
		// Once in the legend, and once for each of the bundled linkages.
		assertThat(svg.split(java.util.regex.Pattern.quote(linkageFill), -1).length - 1)
			.isEqualTo(1 + (int) DATASET.entities().stream().filter(entity -> entity.id().startsWith("linkage:")).count());
	}

	@Test
	void cytoscapeJsonHoldsElementsWithData() throws Exception {
		JsonNode json = JsonMapper.shared().readTree(write(new CytoscapeExporter(), GRAPH));
		JsonNode nodes = json.path("elements").path("nodes");
		JsonNode edges = json.path("elements").path("edges");
		assertThat(nodes.size()).isEqualTo(NODES);
		assertThat(edges.size()).isEqualTo(DATASET.relationships().size());
		JsonNode h20 = null;
		for (JsonNode node : nodes) {
			if (node.path("data").path("id").asString().equals("product:nvidia-h20")) {
				h20 = node;
			}
		}
		assertThat(h20).isNotNull();
		assertThat(h20.path("data").path("label").asString()).contains("H20");
		assertThat(h20.path("classes").asString()).isEqualTo("Product Chip");
		JsonNode edge = edges.get(0).path("data");
		assertThat(edge.path("source").isString()).isTrue();
		assertThat(edge.path("target").isString()).isTrue();
		assertThat(edge.path("confidence").isNumber()).isTrue();
		assertThat(edge.path("validFrom").asString()).matches("\\d{4}-\\d{2}-\\d{2}");
	}

	@Test
	void jsonGraphReadsBackAsTheSameGraph(@TempDir Path dir) throws Exception {
		Path file = dir.resolve("lodestone-graph.json");
		Files.writeString(file, write(new JsonGraphExporter(), GRAPH));
		Dataset read = DatasetReader.read(DatasetFile.fromPath(file));
		assertThat(StoredGraph.of(new DatasetGraph(read))).isEqualTo(StoredGraph.of(GRAPH));
		assertThat(read).isEqualTo(DATASET);
	}

	@Test
	void aSourcesRetrievalRecordSurvivesTheJsonGraphAndTheNeo4jAdminHeader(@TempDir Path dir) throws Exception {
		byte[] csv = """
				id,publisher,title,date,url,type,retrievedAt,contentSha256
				src:federalregister-2024-12-31-2024-31396,Federal Register,Air Plan Revisions,2024-12-31,https://www.federalregister.gov/d/2024-31396,official,2026-12-04T22:03:37.120Z,7e99845523f0153740bd626006091c115fdbf44f55d6e9cc5e6a265735a56eab
				""".getBytes(StandardCharsets.UTF_8);
		Dataset retrieved = DatasetReader
			.read(List.of(new DatasetFile("sources.csv", () -> new ByteArrayInputStream(csv))));
		Path file = dir.resolve("retrieved.json");
		Files.writeString(file, write(new JsonGraphExporter(), new DatasetGraph(retrieved)));
		Dataset read = DatasetReader.read(DatasetFile.fromPath(file));
		assertThat(read).isEqualTo(retrieved);
		assertThat(read.sources().get(0).contentSha256())
			.isEqualTo("7e99845523f0153740bd626006091c115fdbf44f55d6e9cc5e6a265735a56eab");
		assertThat(Attribute.NODE).extracting(Attribute::name).contains("retrievedAt", "contentSha256");
	}

	@Test
	void jsonGraphGoesThroughTheSameChecksAsCsv(@TempDir Path dir) throws Exception {
		Path file = dir.resolve("broken.json");
		Files.writeString(file, """
				{"nodes": [
				  {"id": "company:a", "labels": ["Entity", "Actor", "Company"],
				   "properties": {"id": "company:a", "name": "A", "subtype": "Company"}},
				  {"id": "company:b", "labels": ["Entity"], "properties": {"name": "B", "subtype": "Nonsense", "colour": "red"}}
				 ],
				 "edges": [
				  {"from": "company:a", "type": "MEMBER_OF", "to": "company:missing",
				   "properties": {"validFrom": "2025-13-01", "confidence": 0.5, "sources": ["src:none"]}}
				 ]}
				""");
		assertThatExceptionOfType(InvalidDatasetException.class)
			.isThrownBy(() -> DatasetReader.read(DatasetFile.fromPath(file)))
			.satisfies(ex -> assertThat(ex.getMessage()).contains("broken.json:4: unknown property 'colour'")
				.contains("broken.json:4: unknown subtype 'Nonsense'")
				.contains("broken.json:7: 'to' refers to unknown entity 'company:missing'")
				.contains("broken.json:7: 'validFrom' value '2025-13-01' is not a date")
				.contains("broken.json:7: cites unknown source 'src:none'"));
	}

	@Test
	void neo4jAdminCsvIsAZipOfTypedFiles() throws Exception {
		Map<String, String> entries = unzip(csv(GRAPH));
		assertThat(entries).containsOnlyKeys(Neo4jAdminCsvExporter.README, Neo4jAdminCsvExporter.NODES,
				Neo4jAdminCsvExporter.RELATIONSHIPS);
		assertThat(entries.get(Neo4jAdminCsvExporter.README)).contains("neo4j-admin database import full");
		List<CSVRecord> nodes = CSVFormat.RFC4180.parse(new StringReader(entries.get(Neo4jAdminCsvExporter.NODES)))
			.getRecords();
		assertThat(nodes.get(0).toList()).startsWith("id:ID", ":LABEL", "name")
			.contains("aliases:string[]", "announced:date", "sources:string[]", "date:date");
		assertThat(nodes).hasSize(NODES + 1);
		assertThat(nodes).anySatisfy(row -> assertThat(row.toList()).startsWith("product:nvidia-h20",
				"Entity|Product|Chip"));
		List<CSVRecord> relationships = CSVFormat.RFC4180
			.parse(new StringReader(entries.get(Neo4jAdminCsvExporter.RELATIONSHIPS))).getRecords();
		assertThat(relationships.get(0).toList()).containsExactly(":START_ID", ":END_ID", ":TYPE", "validFrom:date",
				"validTo:date", "confidence:double", "sources:string[]", "quote", "share:double", "note", "precision", "basis");
		assertThat(relationships).hasSize(DATASET.relationships().size() + 1);
	}

	@Test
	void cypherScriptIsTheSeedGenerator() throws Exception {
		String script = write(new CypherScriptExporter(List.of("test"), List.of()), GRAPH);
		assertThat(script).startsWith("// test\n").contains("MERGE (n:Entity {id: 'product:nvidia-h20'})");
	}

	@Test
	void svgOfASmallGraphIsWellFormedWithoutOverlappingLabels() throws Exception {
		String svg = write(new SvgExporter("Test \"picture\" <&>", "company:a"), withAwkwardNames());
		SvgChecks.assertReadable(svg, List.of("A \"quoted\" <name> & more", "B\\backslash"));
	}

	static String write(GraphExporter exporter, GraphSnapshot snapshot) throws IOException {
		StringWriter out = new StringWriter();
		exporter.export(snapshot, out);
		return out.toString();
	}

	static byte[] csv(GraphSnapshot snapshot) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		new Neo4jAdminCsvExporter().export(snapshot, out);
		return out.toByteArray();
	}

	static Map<String, String> unzip(byte[] zip) throws IOException {
		Map<String, String> entries = new LinkedHashMap<>();
		try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
			for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
				entries.put(entry.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
			}
		}
		return entries;
	}

	static void validate(String xml, String schema) throws Exception {
		SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
		// The schemas are vendored under src/test/resources/xsd; nothing is fetched while validating.
		factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "file,jar");
		factory.newSchema(ExportFormatsTests.class.getResource(schema))
			.newValidator()
			.validate(new StreamSource(new StringReader(xml)));
	}

	static Document parse(String xml) throws Exception {
		DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
		factory.setNamespaceAware(true);
		return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
	}

	static boolean graphvizInstalled() {
		try {
			Process process = new ProcessBuilder("dot", "-V").redirectErrorStream(true).start();
			process.getInputStream().readAllBytes();
			return process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0;
		}
		catch (IOException | InterruptedException ex) {
			return false;
		}
	}

	// Names with every character the formats must escape.
	private static GraphSnapshot withAwkwardNames() {
		return new GraphSnapshot() {
			@Override
			public void forEachNode(java.util.function.Consumer<GraphNode> visitor) {
				visitor.accept(new GraphNode("company:a", List.of("Entity", "Actor", "Company"),
						Map.of("id", "company:a", "name", "A \"quoted\" <name> & more", "kind", "Actor", "subtype",
								"Company")));
				visitor.accept(new GraphNode("mineral:b", List.of("Entity", "Mineral", "Element"),
						Map.of("id", "mineral:b", "name", "B\\backslash", "kind", "Mineral", "subtype", "Element")));
			}

			@Override
			public void forEachEdge(java.util.function.Consumer<GraphEdge> visitor) {
				visitor.accept(new GraphEdge("company:a", RelationshipType.SUPPLIES, "mineral:b",
						Map.of("validFrom", LocalDate.of(2025, 1, 1), "confidence", 0.5)));
			}
		};
	}

}
