package org.lodestone.export;

import java.io.IOException;
import java.net.URI;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.lodestone.graph.GraphSnapshot;
import org.lodestone.ingest.Dataset;
import org.lodestone.ingest.DatasetGraph;
import org.lodestone.support.BundledData;
import tech.followthemoney.entity.ValueEntity;
import tech.followthemoney.exc.SchemaException;
import tech.followthemoney.model.Model;
import tech.followthemoney.model.Property;
import tech.followthemoney.model.Schema;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The FollowTheMoney export of the bundled dataset, read back with OpenSanctions' own Java model: every line an entity
 * of a known schema with known properties, every merged entity with its required properties, every reference to an
 * entity in the file and of the schema the property accepts, every topic, date and URL of its type.
 */
class FtmExportTests {

	private static final Dataset DATASET = BundledData.dataset();

	private static final GraphSnapshot GRAPH = new DatasetGraph(DATASET);

	private static final ObjectMapper JSON = new ObjectMapper();

	@Test
	void everyLineIsAnEntityOfTheFtmModelAndTheMergedEntitiesAreComplete() throws IOException, SchemaException {
		Model model = Model.loadDefault();
		String file = ExportFormatsTests.write(new FtmExporter(), GRAPH);
		Map<String, Merged> entities = new LinkedHashMap<>();
		for (String line : file.split("\n")) {
			JsonNode json = JSON.readTree(line);
			Schema schema = model.getSchema(json.get("schema").asText());
			assertThat(schema).as("schema of %s", line).isNotNull();
			json.get("properties").fieldNames().forEachRemaining(name -> assertThat(schema.hasProperty(name))
				.as("%s has a property %s", schema.getName(), name).isTrue());
			ValueEntity entity = ValueEntity.fromJson(model, json);
			assertThat(json.get("id").asText()).matches("[a-z0-9][a-z0-9.-]*");
			Merged merged = entities.computeIfAbsent(entity.getId(), id -> new Merged(entity.getSchema()));
			assertThat(merged.schema).as("one schema per id: %s", entity.getId()).isEqualTo(entity.getSchema());
			for (Property property : entity.getDefinedProperties()) {
				merged.values.computeIfAbsent(property, p -> new LinkedHashSet<>()).addAll(entity.getValues(property));
			}
		}
		for (Map.Entry<String, Merged> entry : entities.entrySet()) {
			Merged entity = entry.getValue();
			assertThat(entity.schema.getRequiredProperties()).as("required properties of %s", entry.getKey())
				.allSatisfy(required -> assertThat(entity.values).containsKey(required));
			entity.values.forEach((property, values) -> {
				for (String value : values) {
					check(entry.getKey(), property, value, entities);
				}
			});
		}
		// Every entity, source and relationship is in the file.
		long articles = entities.values().stream().filter(e -> e.schema.getName().equals("Article")).count();
		assertThat(articles).isEqualTo(DATASET.sources().size());
		long links = entities.values().stream()
			.filter(e -> Set.of("UnknownLink", "Sanction", "Membership").contains(e.schema.getName())).count();
		assertThat(links).isEqualTo(DATASET.relationships().size());
	}

	@Test
	void actorsKeepTheirKindIdentifiersAndDesignations() throws IOException, SchemaException {
		Model model = Model.loadDefault();
		Map<String, Map<String, Set<String>>> byId = new HashMap<>();
		Map<String, String> schemata = new HashMap<>();
		List<Map<String, Set<String>>> sanctions = new ArrayList<>();
		for (String line : ExportFormatsTests.write(new FtmExporter(), GRAPH).split("\n")) {
			ValueEntity entity = ValueEntity.fromJson(model, JSON.readTree(line));
			Map<String, Set<String>> values = byId.computeIfAbsent(entity.getId(), id -> new HashMap<>());
			entity.getDefinedProperties().forEach(property -> values
				.computeIfAbsent(property.getName(), name -> new LinkedHashSet<>()).addAll(entity.getValues(property)));
			schemata.put(entity.getId(), entity.getSchema().getName());
			if (entity.getSchema().getName().equals("Sanction")) {
				sanctions.add(values);
			}
		}
		assertThat(schemata).containsEntry("lodestone-company-nvidia", "Company")
			.containsEntry("lodestone-person-howard-lutnick", "Person")
			.containsEntry("lodestone-state-cn", "PublicBody")
			.containsEntry("lodestone-agency-us-bis", "PublicBody")
			.containsEntry("lodestone-mineral-ndpr", "Asset")
			.containsEntry("lodestone-product-nvidia-h20", "Asset");
		assertThat(byId.get("lodestone-company-nvidia")).containsEntry("wikidataId", Set.of("Q182477"))
			.containsEntry("leiCode", Set.of("549300S4KLFTLO7GSQ80"));
		// SMIC is on the Entity List: a Sanction names it, and it carries the export-control topic
		assertThat(byId.get("lodestone-company-smic").get("topics")).contains(FtmExporter.EXPORT_CONTROL);
		assertThat(sanctions).anySatisfy(sanction -> {
			assertThat(sanction.get("entity")).containsExactly("lodestone-company-smic");
			assertThat(sanction.get("programId")).singleElement().asString().startsWith("policy:");
			assertThat(sanction.get("program")).isNotEmpty();
			assertThat(sanction.get("sourceUrl")).isNotEmpty();
		});
		// Nvidia makes chips but restricts nobody: no designation
		assertThat(byId.get("lodestone-company-nvidia").getOrDefault("topics", Set.of()))
			.doesNotContain(FtmExporter.EXPORT_CONTROL);
	}

	private static void check(String id, Property property, String value, Map<String, Merged> entities) {
		String type = property.getType().getName();
		switch (type) {
			case "entity" -> {
				Merged target = entities.get(value);
				assertThat(target).as("%s.%s points at %s, which is in the file", id, property.getName(), value)
					.isNotNull();
				property.getRange().ifPresent(range -> assertThat(target.schema.isA(range))
					.as("%s.%s: %s is a %s", id, property.getName(), value, range.getName()).isTrue());
			}
			case "date" -> assertThat(LocalDate.parse(value)).isNotNull();
			case "url" -> assertThat(URI.create(value).getScheme()).startsWith("http");
			case "topic" -> assertThat(property.getType().getValues().orElseThrow()).containsKey(value);
			default -> assertThat(value.length()).as("%s.%s length", id, property.getName())
				.isLessThanOrEqualTo(property.getMaxLength() > 0 ? property.getMaxLength() : Integer.MAX_VALUE);
		}
	}

	private static final class Merged {

		final Schema schema;

		final Map<Property, Set<String>> values = new LinkedHashMap<>();

		Merged(Schema schema) {
			this.schema = schema;
		}

	}

}
