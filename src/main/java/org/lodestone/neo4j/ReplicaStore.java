package org.lodestone.neo4j;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;

import org.lodestone.graph.IndexedGraph;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.connectors.HttpsConnector;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.graphdb.Transaction;
import org.neo4j.io.ByteUnit;

import org.springframework.util.FileSystemUtils;

/**
 * A throwaway, in-process copy of a graph: written with the offline importer into a directory of its own, opened by
 * an engine with no Bolt, HTTP or Browser, given the same schema as the live store, and read through the same
 * {@link GraphReads} code as the live embedded engine. Nothing writes to it after it is built; closing it stops its
 * engine and deletes its directory.
 */
public final class ReplicaStore implements AutoCloseable {

	private final Path home;

	private final DatabaseManagementService service;

	private final GraphReads reads;

	private final OfflineImport.Result loaded;

	private ReplicaStore(Path home, DatabaseManagementService service, GraphReads reads, OfflineImport.Result loaded) {
		this.home = home;
		this.service = service;
		this.reads = reads;
		this.loaded = loaded;
	}

	/**
	 * Builds the replica; on failure nothing is left in {@code home}.
	 * @param home a directory of its own, which holds no store yet
	 * @param graph the graph to copy
	 * @param timeout the timeout of reads that name none
	 * @param pageCache the replica engine's page cache, in Neo4j's notation ({@code 64m})
	 * @return the running replica
	 */
	public static ReplicaStore build(Path home, IndexedGraph graph, Duration timeout, String pageCache) {
		DatabaseManagementService service = null;
		try {
			OfflineImport.Result loaded = OfflineImport.load(home, graph);
			service = new DatabaseManagementServiceBuilder(home.toAbsolutePath())
				.setConfig(BoltConnector.enabled, false)
				.setConfig(HttpConnector.enabled, false)
				.setConfig(HttpsConnector.enabled, false)
				.setConfig(GraphDatabaseSettings.pagecache_memory, ByteUnit.parse(pageCache))
				.setConfig(GraphDatabaseSettings.transaction_timeout, Duration.ofMinutes(5))
				.setConfig(GraphDatabaseSettings.forbid_exhaustive_shortestpath, true)
				.build();
			GraphDatabaseService database = service.database(OfflineImport.DATABASE);
			// The live store's schema, so every statement plans on the replica as it does on the live graph.
			for (String statement : Neo4jSchema.statements()) {
				database.executeTransactionally(statement);
			}
			try (Transaction tx = database.beginTx()) {
				tx.schema().awaitIndexesOnline(5, java.util.concurrent.TimeUnit.MINUTES);
				tx.commit();
			}
			return new ReplicaStore(home, service, new EmbeddedGraphReads(database, timeout), loaded);
		}
		catch (RuntimeException ex) {
			if (service != null) {
				service.shutdown();
			}
			delete(home);
			throw ex;
		}
	}

	/**
	 * @return the replica's reads
	 */
	public GraphReads reads() {
		return this.reads;
	}

	/**
	 * @return what was written into it, and how long that took
	 */
	public OfflineImport.Result loaded() {
		return this.loaded;
	}

	/** Stops the replica's engine and deletes its directory. */
	@Override
	public void close() {
		try {
			this.service.shutdown();
		}
		finally {
			delete(this.home);
		}
	}

	private static void delete(Path home) {
		try {
			FileSystemUtils.deleteRecursively(home);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("The replica in " + home + " could not be deleted", ex);
		}
	}

}
