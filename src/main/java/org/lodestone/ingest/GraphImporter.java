package org.lodestone.ingest;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.stream.Stream;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.lodestone.graph.GraphEdge;
import org.lodestone.graph.GraphNode;
import org.lodestone.graph.Kind;
import org.lodestone.graph.RelationshipType;
import org.lodestone.graph.Subtype;
import org.lodestone.neo4j.CypherResources;
import org.lodestone.request.InvalidRequestException;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;
import org.neo4j.driver.Transaction;
import org.neo4j.driver.TransactionConfig;
import org.neo4j.driver.exceptions.Neo4jException;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.util.unit.DataSize;

/**
 * Writes a validated dataset into the graph in one transaction: either all of it lands or none of it does, and a
 * crash midway leaves the previous graph as it was (Neo4j recovers from its write-ahead log). Rows are merged on their
 * ids, so importing the same files again changes nothing. What an import adds, corrects or retracts is recorded as
 * versions beside the current graph, in the same transaction (see {@code docs/architecture.md}, "Recorded history").
 */
@Service
public class GraphImporter {

	private static final Log logger = LogFactory.getLog(GraphImporter.class);

	private static final int BATCH = 10_000;

	private static final int REPLAN_SECONDS = 300;

	// An import that created at least a tenth of the stored nodes and relationships makes Neo4j replan.
	private static final long RESHAPED_SHARE = 10;

	private static final String PREPARE_FOR_REPLANNING = CypherResources.load(GraphImporter.class,
			"prepare-for-replanning.cypher");

	private static final String RESAMPLE_INDEXES = CypherResources.load(GraphImporter.class, "resample-indexes.cypher");

	private static final String STORED_ENTITIES = CypherResources.load(GraphImporter.class, "stored-entities.cypher");

	private static final String STORED_SOURCES = CypherResources.load(GraphImporter.class, "stored-sources.cypher");

	// Both counts come from Neo4j's count store, not a scan.
	private static final String STORED_ELEMENTS = CypherResources.load(GraphImporter.class, "stored-elements.cypher");

	private static final List<String> TYPE_LABELS = Stream
		.concat(Arrays.stream(Kind.values()).filter(kind -> kind != Kind.SOURCE).map(Kind::label),
				Arrays.stream(Subtype.values()).map(Subtype::label))
		.distinct()
		.toList();

	// Taken first in every import's transaction: imports, from this application or any other sharing the database,
	// record their changes one after another, so no two interleave their versions, and change numbers follow commits.
	private static final String NEXT_CHANGE = CypherResources.load(GraphImporter.class, "next-change.cypher");

	private static final String RECORD_CHANGE = CypherResources.load(GraphImporter.class, "record-change.cypher");

	// Every relationship touching the entities to retract, so each is retracted with its own version first.
	static final String RELATIONSHIPS_OF = CypherResources.load(GraphImporter.class, "relationships-of.cypher");

	// A full snapshot retracts what the graph holds and the dataset does not: every key, to compare in Java.
	static final String ENTITY_KEYS = CypherResources.load(GraphImporter.class, "entity-keys.cypher");

	static final String RELATIONSHIP_KEYS = CypherResources.load(GraphImporter.class, "relationship-keys.cypher");

	private final Driver driver;

	private final GraphVersion version;

	private final Duration timeout;

	private final ReentrantLock lock = new ReentrantLock();

	private final long maxFileBytes;

	/**
	 * An importer outside an application context (tools, tests): no one keeps answers to tell.
	 * @param driver the driver
	 * @param timeout the import transaction's timeout
	 * @param maxFileSize the largest data file read
	 */
	public GraphImporter(Driver driver, Duration timeout, DataSize maxFileSize) {
		this(driver, new GraphVersion(event -> {
		}), timeout, maxFileSize);
	}

	@org.springframework.beans.factory.annotation.Autowired
	GraphImporter(Driver driver, GraphVersion version, @Value("${lodestone.import.timeout:30m}") Duration timeout,
			@Value("${lodestone.import.max-file-size:64MB}") DataSize maxFileSize) {
		this.driver = driver;
		this.version = version;
		this.timeout = timeout;
		this.maxFileBytes = maxFileSize.toBytes();
	}

	/**
	 * Reads and validates dataset files; references to entities and sources already in the graph resolve.
	 * @param files the CSV files
	 * @return the validated dataset
	 * @throws InvalidDatasetException with every problem, when there is any
	 */
	public Dataset read(List<DatasetFile> files) {
		return DatasetReader.read(files, new StoredIds(), this.maxFileBytes);
	}

	/**
	 * Imports the dataset, all or nothing, as an unattended import: corrections need no reason and nothing is
	 * retracted.
	 * @param dataset a validated dataset
	 * @param progress told after every batch
	 * @return what changed
	 * @throws ImportInProgressException when another import is running
	 */
	public ImportReport importDataset(Dataset dataset, ImportProgress progress) {
		return importDataset(dataset, ImportOptions.unattended("importer"), progress);
	}

	/**
	 * Imports the dataset, all or nothing, and records what it changed as one change in the graph's history: the
	 * versions it closed and opened, and a {@code :Change} with when, who and why. An import that changes nothing
	 * records nothing.
	 * @param dataset a validated dataset
	 * @param options who imports, why, and what to retract
	 * @param progress told after every batch
	 * @return what changed
	 * @throws ImportInProgressException when another import is running
	 * @throws org.lodestone.request.InvalidRequestException when the retraction list or the reason is not acceptable;
	 * nothing is written then
	 */
	public ImportReport importDataset(Dataset dataset, ImportOptions options, ImportProgress progress) {
		Retractions.check(options);
		if (!this.lock.tryLock()) {
			throw new ImportInProgressException();
		}
		try {
			long started = System.nanoTime();
			Batches batches = new Batches(dataset.size(), progress);
			try (Session session = this.driver.session();
					Transaction tx = session.beginTransaction(TransactionConfig.builder()
						.withTimeout(this.timeout)
						.withMetadata(Map.of("app", "lodestone-import"))
						.build())) {
				long seq = tx.run(NEXT_CHANGE).single().get("seq").asLong();
				// Taken once the change log is locked, so that change times follow the order changes commit in.
				OffsetDateTime at = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS);
				String change = "change:" + seq;
				Map<String, Object> history = Map.of("change", change, "at", at);
				ImportReport.Counts sources = batches.write(tx, ImportStatements.WRITE_SOURCES, dataset.sources(),
						GraphImporter::sourceRow, with(history, "of", "source"));
				ImportReport.Counts entities = batches.write(tx, ImportStatements.WRITE_ENTITIES, dataset.entities(),
						GraphImporter::entityRow, with(with(history, "of", "entity"), "typeLabels", TYPE_LABELS));
				ImportReport.Counts relationships = ImportReport.Counts.NONE;
				Map<RelationshipType, List<Dataset.Relationship>> byType = new EnumMap<>(RelationshipType.class);
				dataset.relationships()
					.forEach(rel -> byType.computeIfAbsent(rel.type(), type -> new ArrayList<>()).add(rel));
				for (Map.Entry<RelationshipType, List<Dataset.Relationship>> group : byType.entrySet()) {
					String statement = ImportStatements.WRITE_RELATIONSHIPS.get(group.getKey());
					relationships = relationships.plus(batches.write(tx, statement, group.getValue(),
							GraphImporter::relationshipRow, with(history, "of", "relationship")));
				}
				Retractions retractions = Retractions.of(tx, dataset, options);
				relationships = relationships.plus(retractions.retractRelationships(tx, history));
				entities = entities.plus(retractions.retractEntities(tx, history));
				ImportReport report = new ImportReport(sources, entities, relationships,
						Duration.ofNanos(System.nanoTime() - started), change, at);
				if (!report.changedAnything()) {
					// Nothing to record: rolling back also returns the change number taken above.
					tx.rollback();
					report = new ImportReport(sources, entities, relationships,
							Duration.ofNanos(System.nanoTime() - started));
					logger.info("Import changed nothing: " + report);
					return report;
				}
				if (options.reasonRequired() && options.reason() == null
						&& report.corrected() + report.retracted() > 0) {
					tx.rollback();
					throw new InvalidRequestException("reason", "this import corrects " + report.corrected()
							+ " and retracts " + report.retracted()
							+ " elements; a correction or retraction needs a reason, so nothing was imported");
				}
				Map<String, Object> recorded = new HashMap<>(history);
				recorded.put("seq", seq);
				recorded.put("by", options.by());
				recorded.put("reason", options.reason());
				recorded.put("fullSnapshot", options.fullSnapshot());
				recorded.put("added", report.added());
				recorded.put("corrected", report.corrected());
				recorded.put("retracted", report.retracted());
				recorded.put("unchanged", report.unchanged());
				tx.run(RECORD_CHANGE, recorded).consume();
				tx.commit();
				replanIfReshaped(sources.created() + entities.created() + relationships.created());
				this.version.advance();
				logger.info("Import committed: " + report);
				return report;
			}
		}
		finally {
			this.lock.unlock();
		}
	}

	private static Map<String, Object> with(Map<String, Object> parameters, String key, Object value) {
		Map<String, Object> all = new HashMap<>(parameters);
		all.put(key, value);
		return all;
	}

	/**
	 * Makes the next queries plan with the imported graph's statistics when the import is a large share of the graph.
	 * Neo4j keeps plans it made before the import, and its index samples lag behind a large transaction: right after a
	 * first start, the unique id index still looked empty, so path queries found their two ends by scanning every
	 * entity, 50,000 reads per query on M instead of 4 (docs/benchmarks.md). Smaller imports are left to Neo4j's
	 * background sampling: resampling every index and clearing every plan would make them cost seconds on a large
	 * graph. The data is committed by now, so a failure here is logged, not thrown.
	 * @param created the nodes and relationships the import created
	 */
	private void replanIfReshaped(long created) {
		try (Session session = this.driver.session()) {
			long stored = session.run(STORED_ELEMENTS).single().get("stored").asLong();
			if (created * RESHAPED_SHARE < stored) {
				return;
			}
			session.run(PREPARE_FOR_REPLANNING, Map.of("seconds", REPLAN_SECONDS)).consume();
		}
		catch (Neo4jException ex) {
			// prepareForReplanning needs an admin on an external server; resampling alone is open to every user,
			// and Neo4j replans once it sees the new statistics diverge.
			logger.warn("Could not resample indexes and clear query plans after the import (" + ex.code()
					+ "); scheduling a resample of outdated indexes instead: " + ex.getMessage());
			try (Session session = this.driver.session()) {
				session.run(RESAMPLE_INDEXES).consume();
			}
			catch (Neo4jException again) {
				logger.warn("Could not schedule index resampling after the import: " + again.getMessage());
			}
		}
	}

	private static Map<String, Object> sourceRow(Dataset.Source source) {
		GraphNode node = DatasetGraph.node(source);
		return Map.of("id", node.id(), "key", node.id(), "ends", Map.of(), "props", node.properties());
	}

	private static Map<String, Object> entityRow(Dataset.Entity entity) {
		GraphNode node = DatasetGraph.node(entity);
		return Map.of("id", node.id(), "key", node.id(), "ends", Map.of(), "props", node.properties(), "labels",
				node.labels().subList(1, node.labels().size()));
	}

	private static Map<String, Object> relationshipRow(Dataset.Relationship relationship) {
		GraphEdge edge = DatasetGraph.edge(relationship);
		return Map.of("from", edge.from(), "to", edge.to(), "props", edge.properties(), "key",
				relationship.type().edgeId(edge.from(), edge.to(), relationship.validFrom()), "ends",
				Map.of("from", edge.from(), "type", relationship.type().name(), "to", edge.to()));
	}

	private final class StoredIds implements KnownIds {

		@Override
		public Map<String, Subtype> entities(Set<String> ids) {
			Map<String, Subtype> found = new HashMap<>();
			GraphImporter.this.driver
				.executableQuery(STORED_ENTITIES)
				.withParameters(Map.of("ids", List.copyOf(ids)))
				.execute()
				.records()
				.forEach(record -> {
					Subtype subtype = Subtype.fromLabel(record.get("subtype").asString(""));
					if (subtype != null) {
						found.put(record.get("id").asString(), subtype);
					}
				});
			return found;
		}

		@Override
		public Set<String> sources(Set<String> ids) {
			Set<String> found = new HashSet<>();
			GraphImporter.this.driver.executableQuery(STORED_SOURCES)
				.withParameters(Map.of("ids", List.copyOf(ids)))
				.execute()
				.records()
				.forEach(record -> found.add(record.get("id").asString()));
			return found;
		}

	}

	private static final class Batches {

		private final long total;

		private final ImportProgress progress;

		private long done;

		Batches(long total, ImportProgress progress) {
			this.total = total;
			this.progress = progress;
		}

		<T> ImportReport.Counts write(Transaction tx, String query, List<T> items,
				Function<T, Map<String, Object>> toRow, Map<String, Object> parameters) {
			ImportReport.Counts counts = ImportReport.Counts.NONE;
			for (int start = 0; start < items.size(); start += BATCH) {
				List<Map<String, Object>> rows = new ArrayList<>();
				for (T item : items.subList(start, Math.min(items.size(), start + BATCH))) {
					rows.add(toRow.apply(item));
				}
				Map<String, Object> all = new LinkedHashMap<>(parameters);
				all.put("rows", rows);
				for (var record : tx.run(query, all).list()) {
					counts = counts.plus(record.get("outcome").asString(), record.get("count").asLong());
				}
				this.done += rows.size();
				this.progress.rowsWritten(this.done, this.total);
			}
			return counts;
		}

	}

}
