package org.lodestone.ingest;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.lodestone.IntegrationTest;
import org.neo4j.driver.Driver;
import org.neo4j.driver.exceptions.TransientException;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Eight importers write the same keys at the same moment. One application allows one import at a time, so each
 * thread has its own {@link GraphImporter}, as eight application instances sharing one database would: the
 * uniqueness constraints and MERGE's locking must leave exactly one node per id and one relationship per
 * (from, type, to).
 */
class MergeRaceIT extends IntegrationTest {

	static final int THREADS = 8;

	static final int ENTITIES = 150;

	@Autowired
	Driver driver;

	@AfterEach
	void removeRaceData() {
		this.driver.executableQuery("MATCH (n) WHERE n.id STARTS WITH 'company:race-' OR n.id = $source DETACH DELETE n")
			.withParameters(java.util.Map.of("source", "src:race-2025-01-01-merge"))
			.execute();
	}

	@Test
	void concurrentImportsOfTheSameKeysCreateNoDuplicates() throws Exception {
		StringBuilder entities = new StringBuilder("id,subtype,name,aliases,description,announced,effective,suspendedUntil,rescinded,sources\n");
		StringBuilder relationships = new StringBuilder("from,to,type,validFrom,validTo,confidence,sources,quote,share,note\n");
		for (int i = 0; i < ENTITIES; i++) {
			entities.append("company:race-").append(i).append(",Company,Race ").append(i).append(",,,,,,,\n");
			relationships.append("company:race-").append(i).append(",company:race-").append((i + 1) % ENTITIES)
				.append(",MEMBER_OF,2025-01-01,,0.5,src:race-2025-01-01-merge,,,\n");
		}
		String sources = """
				id,publisher,title,date,url,type
				src:race-2025-01-01-merge,Lodestone test suite,Merge race,2025-01-01,https://example.org/race,data
				""";
		Dataset dataset = DatasetReader.read(DatasetReaderTests.files(sources, entities.toString(),
				relationships.toString()));

		ExecutorService threads = Executors.newFixedThreadPool(THREADS);
		CountDownLatch start = new CountDownLatch(1);
		List<Future<Integer>> results = new ArrayList<>();
		try {
			for (int t = 0; t < THREADS; t++) {
				GraphImporter importer = new GraphImporter(this.driver, Duration.ofSeconds(60), DataSize.ofMegabytes(1));
				results.add(threads.submit(() -> {
					start.await();
					// A deadlock between two writers is a transient error the client retries, as any driver
					// application would; it never leaves partial data, since each import is one transaction.
					for (int attempt = 1;; attempt++) {
						try {
							importer.importDataset(dataset, ImportProgress.NONE);
							return attempt;
						}
						catch (TransientException ex) {
							if (attempt == 20) {
								throw ex;
							}
							Thread.sleep(20L * attempt);
						}
					}
				}));
			}
			start.countDown();
			for (Future<Integer> result : results) {
				assertThat(result.get(120, TimeUnit.SECONDS)).isPositive();
			}
		}
		finally {
			threads.shutdownNow();
		}

		long nodes = count("MATCH (n:Entity) WHERE n.id STARTS WITH 'company:race-' RETURN count(n) AS n");
		long duplicateNodes = count("""
				MATCH (n) WHERE n.id STARTS WITH 'company:race-' OR n.id = 'src:race-2025-01-01-merge'
				WITH n.id AS id, count(*) AS copies WHERE copies > 1 RETURN count(id) AS n
				""");
		long relationshipsStored = count("""
				MATCH (a:Entity)-[r:MEMBER_OF]->(b:Entity) WHERE a.id STARTS WITH 'company:race-' RETURN count(r) AS n
				""");
		long duplicateRelationships = count("""
				MATCH (a:Entity)-[r]->(b:Entity) WHERE a.id STARTS WITH 'company:race-'
				WITH a, type(r) AS type, b, count(r) AS copies WHERE copies > 1 RETURN count(*) AS n
				""");
		assertThat(nodes).isEqualTo(ENTITIES);
		assertThat(duplicateNodes).isZero();
		assertThat(relationshipsStored).isEqualTo(ENTITIES);
		assertThat(duplicateRelationships).isZero();
	}

	private long count(String query) {
		return this.driver.executableQuery(query).execute().records().get(0).get("n").asLong();
	}

}
