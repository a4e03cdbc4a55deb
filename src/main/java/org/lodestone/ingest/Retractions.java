package org.lodestone.ingest;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.lodestone.graph.RelationshipType;
import org.lodestone.neo4j.CypherResources;
import org.lodestone.request.InvalidRequestException;
import org.neo4j.driver.Record;
import org.neo4j.driver.Transaction;

/**
 * What one import retracts, worked out inside its transaction: the ids it was told to retract, or, for a full
 * snapshot, whatever the graph holds and the dataset does not; an entity's relationships go with it. Nothing else is
 * ever retracted.
 */
final class Retractions {

	private static final int SHOWN = 10;

	private static final String HELD_ENTITIES = CypherResources.load(Retractions.class, "held-entities.cypher");

	private static final String HELD_RELATIONSHIPS = CypherResources.load(Retractions.class,
			"held-relationships.cypher");

	private final Map<RelationshipType, List<Map<String, Object>>> relationships;

	private final List<Map<String, Object>> entities;

	private Retractions(Map<RelationshipType, List<Map<String, Object>>> relationships,
			List<Map<String, Object>> entities) {
		this.relationships = relationships;
		this.entities = entities;
	}

	/**
	 * Checks the options on their own, before any transaction opens.
	 * @param options the import's options
	 * @throws InvalidRequestException naming {@code retract} or {@code reason}
	 */
	static void check(ImportOptions options) {
		if (options.retract().size() > ImportOptions.MAX_RETRACT) {
			throw new InvalidRequestException("retract", "at most " + ImportOptions.MAX_RETRACT
					+ " ids may be retracted at once, got " + options.retract().size());
		}
		if (options.reason() != null && options.reason().length() > ImportOptions.MAX_REASON) {
			throw new InvalidRequestException("reason", "a reason may have at most " + ImportOptions.MAX_REASON
					+ " characters, got " + options.reason().length());
		}
		options.retract().forEach(Retractions::parse);
	}

	/**
	 * @param tx the import's transaction, after the dataset's rows were written
	 * @param dataset the imported dataset
	 * @param options what to retract
	 * @return the retractions to make
	 * @throws InvalidRequestException when an id to retract is not in the graph, or is also imported
	 */
	static Retractions of(Transaction tx, Dataset dataset, ImportOptions options) {
		if (!options.fullSnapshot() && options.retract().isEmpty()) {
			return new Retractions(Map.of(), List.of());
		}
		Set<String> importedEntities = new HashSet<>();
		dataset.entities().forEach(entity -> importedEntities.add(entity.id()));
		Set<String> importedRelationships = new HashSet<>();
		dataset.relationships()
			.forEach(rel -> importedRelationships.add(rel.type().edgeId(rel.from(), rel.to(), rel.validFrom())));

		Set<String> entityIds = new LinkedHashSet<>();
		Map<String, Map<String, Object>> relationshipRows = new LinkedHashMap<>();
		List<String> problems = new ArrayList<>();
		if (options.fullSnapshot()) {
			tx.run(GraphImporter.ENTITY_KEYS).forEachRemaining(record -> {
				String id = record.get("id").asString();
				if (!importedEntities.contains(id)) {
					entityIds.add(id);
				}
			});
			tx.run(GraphImporter.RELATIONSHIP_KEYS).forEachRemaining(record -> {
				Map<String, Object> row = row(record);
				if (!importedRelationships.contains((String) row.get("key"))) {
					relationshipRows.put((String) row.get("key"), row);
				}
			});
		}
		List<String> explicitEntities = new ArrayList<>();
		List<Map<String, Object>> explicitRelationships = new ArrayList<>();
		for (String id : options.retract()) {
			Map<String, Object> row = parse(id);
			boolean imported = (row == null) ? importedEntities.contains(id)
					: importedRelationships.contains((String) row.get("key"));
			if (imported) {
				problems.add("'" + id + "' is both imported and retracted");
			}
			else if (row == null) {
				explicitEntities.add(id);
			}
			else {
				explicitRelationships.add(row);
			}
		}
		if (!explicitEntities.isEmpty()) {
			Set<String> found = new HashSet<>();
			tx.run(HELD_ENTITIES, Map.of("ids", explicitEntities))
				.forEachRemaining(record -> found.add(record.get("id").asString()));
			for (String id : explicitEntities) {
				if (found.contains(id)) {
					entityIds.add(id);
				}
				else {
					problems.add("entity '" + id + "' is not in the graph");
				}
			}
		}
		if (!explicitRelationships.isEmpty()) {
			Set<String> found = new HashSet<>();
			tx.run(HELD_RELATIONSHIPS, Map.of("rows", explicitRelationships))
				.forEachRemaining(record -> found.add(record.get("key").asString()));
			for (Map<String, Object> row : explicitRelationships) {
				if (found.contains((String) row.get("key"))) {
					relationshipRows.put((String) row.get("key"), row);
				}
				else {
					problems.add("relationship '" + row.get("key") + "' is not in the graph");
				}
			}
		}
		if (!entityIds.isEmpty()) {
			tx.run(GraphImporter.RELATIONSHIPS_OF, Map.of("ids", List.copyOf(entityIds))).forEachRemaining(record -> {
				Map<String, Object> row = row(record);
				String key = (String) row.get("key");
				if (importedRelationships.contains(key)) {
					problems.add("relationship '" + key + "' is imported, but an entity it connects is retracted");
				}
				relationshipRows.putIfAbsent(key, row);
			});
		}
		if (!problems.isEmpty()) {
			throw new InvalidRequestException("retract", problems.size() + " problem"
					+ ((problems.size() == 1) ? "" : "s") + " with what to retract, so nothing was imported: "
					+ String.join("; ", problems.subList(0, Math.min(SHOWN, problems.size())))
					+ ((problems.size() > SHOWN) ? "; ..." : ""));
		}
		Map<RelationshipType, List<Map<String, Object>>> byType = new EnumMap<>(RelationshipType.class);
		relationshipRows.values()
			.forEach(row -> byType.computeIfAbsent(RelationshipType.valueOf((String) ((Map<?, ?>) row.get("ends")).get("type")),
					type -> new ArrayList<>()).add(row));
		List<Map<String, Object>> entityRows = new ArrayList<>();
		entityIds.forEach(id -> entityRows.add(Map.of("key", id, "ends", Map.of())));
		return new Retractions(byType, entityRows);
	}

	ImportReport.Counts retractRelationships(Transaction tx, Map<String, Object> history) {
		ImportReport.Counts counts = ImportReport.Counts.NONE;
		for (Map.Entry<RelationshipType, List<Map<String, Object>>> group : this.relationships.entrySet()) {
			counts = counts.plus(run(tx, ImportStatements.RETRACT_RELATIONSHIPS.get(group.getKey()), group.getValue(),
					history, "relationship"));
		}
		return counts;
	}

	ImportReport.Counts retractEntities(Transaction tx, Map<String, Object> history) {
		return run(tx, ImportStatements.RETRACT_ENTITIES, this.entities, history, "entity");
	}

	private static ImportReport.Counts run(Transaction tx, String statement, List<Map<String, Object>> rows,
			Map<String, Object> history, String of) {
		if (rows.isEmpty()) {
			return ImportReport.Counts.NONE;
		}
		Map<String, Object> parameters = new HashMap<>(history);
		parameters.put("of", of);
		parameters.put("rows", rows);
		ImportReport.Counts counts = ImportReport.Counts.NONE;
		for (Record record : tx.run(statement, parameters).list()) {
			counts = counts.plus(record.get("outcome").asString(), record.get("count").asLong());
		}
		return counts;
	}

	private static Map<String, Object> row(Record record) {
		String from = record.get("from").asString();
		String to = record.get("to").asString();
		RelationshipType type = RelationshipType.valueOf(record.get("type").asString());
		LocalDate validFrom = record.get("validFrom").isNull() ? null : record.get("validFrom").asLocalDate();
		return relationshipRow(type, from, to, validFrom);
	}

	private static Map<String, Object> relationshipRow(RelationshipType type, String from, String to,
			LocalDate validFrom) {
		Map<String, Object> row = new HashMap<>();
		row.put("key", type.edgeId(from, to, validFrom));
		row.put("from", from);
		row.put("to", to);
		row.put("validFrom", type.keyedByPeriod() ? validFrom : null);
		row.put("ends", Map.of("from", from, "type", type.name(), "to", to));
		return row;
	}

	/**
	 * @param id an entity id or a relationship id
	 * @return the relationship's row, or {@code null} for an entity id
	 * @throws InvalidRequestException when the id is neither
	 */
	private static Map<String, Object> parse(String id) {
		if (id == null || id.isBlank() || id.length() > 1_000) {
			throw new InvalidRequestException("retract", "an id to retract may not be blank or longer than 1000 characters");
		}
		if (!id.contains("|")) {
			return null;
		}
		String[] parts = id.split("\\|", -1);
		RelationshipType type = (parts.length >= 3) ? RelationshipType.fromName(parts[1]) : null;
		if (type == null || parts.length != (type.keyedByPeriod() ? 4 : 3) || parts[0].isBlank()
				|| parts[2].isBlank()) {
			throw new InvalidRequestException("retract", "'" + id
					+ "' is neither an entity id nor a relationship id (from|TYPE|to, or from|TYPE|to|validFrom for "
					+ "a type keyed by period)");
		}
		LocalDate validFrom = null;
		if (type.keyedByPeriod()) {
			try {
				validFrom = LocalDate.parse(parts[3]);
			}
			catch (DateTimeParseException ex) {
				throw new InvalidRequestException("retract", "'" + parts[3] + "' in '" + id + "' is not a date");
			}
		}
		return relationshipRow(type, parts[0], parts[2], validFrom);
	}

}
