package org.lodestone.mcp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.modelcontextprotocol.server.McpServerFeatures.SyncResourceSpecification;
import io.modelcontextprotocol.spec.McpSchema.ReadResourceResult;
import io.modelcontextprotocol.spec.McpSchema.Resource;
import io.modelcontextprotocol.spec.McpSchema.TextResourceContents;
import org.lodestone.graph.Kind;
import org.lodestone.graph.RelationshipType;
import org.lodestone.graph.Subtype;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * The MCP resources: the ontology as written (docs/ontology.md) and in machine form (from the enums the importer
 * enforces), and every analyst query in {@code cypher/queries/}, which are tested against the bundled graph. This is
 * what an assistant needs to write Cypher, instead of a schema sampled from the data.
 */
@Component
class LodestoneResources {

	static final String ONTOLOGY = "lodestone://ontology";

	static final String ONTOLOGY_JSON = "lodestone://ontology.json";

	static final String QUERIES = "lodestone://queries/";

	private final JsonMapper json;

	LodestoneResources(JsonMapper json) {
		this.json = json;
	}

	List<SyncResourceSpecification> resources() {
		List<SyncResourceSpecification> resources = new ArrayList<>();
		String ontology = read(new ClassPathResource("docs/ontology.md"));
		resources.add(text(ONTOLOGY, "ontology.md", "Ontology",
				"What the graph holds: node kinds and subtypes with id prefixes, relationship types with their"
						+ " meaning and allowed ends, and the properties of each (dates, confidence, quote, sources).",
				"text/markdown", ontology));
		resources.add(text(ONTOLOGY_JSON, "ontology.json", "Ontology (machine form)",
				"Kinds, subtypes, id prefixes and relationship types with their allowed ends, as the importer"
						+ " enforces them.",
				"application/json", this.json.writeValueAsString(machineOntology())));
		try {
			org.springframework.core.io.Resource[] files = new PathMatchingResourcePatternResolver()
				.getResources("classpath:cypher/queries/*.cypher");
			Arrays.sort(files, Comparator.comparing(org.springframework.core.io.Resource::getFilename));
			for (org.springframework.core.io.Resource file : files) {
				String text = read(file);
				resources.add(text(QUERIES + file.getFilename(), file.getFilename(), title(file.getFilename()),
						firstSentence(text), "text/plain", text));
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return resources;
	}

	static Map<String, Object> machineOntology() {
		Map<String, Object> ontology = new LinkedHashMap<>();
		List<Map<String, Object>> kinds = new ArrayList<>();
		for (Kind kind : Kind.values()) {
			List<Map<String, Object>> subtypes = Arrays.stream(Subtype.values())
				.filter(subtype -> subtype.kind() == kind)
				.map(subtype -> Map.<String, Object>of("subtype", subtype.label(), "idPrefix", subtype.idPrefix() + ":"))
				.toList();
			kinds.add(Map.of("kind", kind.label(), "subtypes", subtypes));
		}
		ontology.put("kinds", kinds);
		List<Map<String, Object>> types = new ArrayList<>();
		for (RelationshipType type : RelationshipType.values()) {
			Map<String, Object> entry = new LinkedHashMap<>();
			entry.put("type", type.name());
			entry.put("meaning", type.phrase());
			entry.put("from", type.fromKinds().stream().map(Kind::label).sorted().toList());
			entry.put("to", type.toKinds().stream().map(Kind::label).sorted().toList());
			entry.put("quoteRequired", type.requiresQuote());
			entry.put("mayCarryShare", type.allowsShare());
			types.add(entry);
		}
		ontology.put("relationshipTypes", types);
		ontology.put("relationshipProperties", List.of("sources (Source ids, at least one)", "validFrom (date)",
				"validTo (date, absent while it holds)", "confidence (0..1)", "quote (verbatim, optional)",
				"share (SUPPLIES only)", "note", "precision (month|year; absent: day)",
				"basis (reported; absent: start)"));
		ontology.put("heldOn", "a relationship holds on d when validFrom <= d and (validTo is absent or validTo >= d)");
		return ontology;
	}

	private static SyncResourceSpecification text(String uri, String name, String title, String description,
			String mimeType, String text) {
		Resource resource = Resource.builder()
			.uri(uri)
			.name(name)
			.title(title)
			.description(description)
			.mimeType(mimeType)
			.size((long) text.getBytes(StandardCharsets.UTF_8).length)
			.build();
		return new SyncResourceSpecification(resource,
				(exchange, request) -> new ReadResourceResult(List.of(new TextResourceContents(uri, mimeType, text))));
	}

	private static String read(org.springframework.core.io.Resource resource) {
		try {
			return resource.getContentAsString(StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	// The query files open with a comment whose first sentence says what they answer.
	private static String firstSentence(String text) {
		StringBuilder comment = new StringBuilder();
		for (String line : text.split("\n")) {
			if (!line.startsWith("//")) {
				break;
			}
			comment.append(line.substring(2).strip()).append(' ');
		}
		String all = comment.toString().strip();
		int end = all.indexOf("? ");
		int stop = all.indexOf(". ");
		int cut = (end >= 0 && (stop < 0 || end < stop)) ? end + 1 : (stop >= 0 ? stop + 1 : all.length());
		return all.substring(0, cut);
	}

	private static String title(String file) {
		String words = file.replace(".cypher", "").replace('-', ' ');
		return Character.toUpperCase(words.charAt(0)) + words.substring(1);
	}

}
