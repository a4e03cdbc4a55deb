package org.lodestone.ingest;

import java.io.IOException;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.lodestone.neo4j.CypherResources;
import org.neo4j.driver.Driver;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Loads the bundled dataset on the first start, that is, into a graph with no entities. Later starts leave the graph
 * alone, so nothing a user imported or edited is overwritten.
 */
@Component
@Order(10)
class FirstStartLoader implements ApplicationRunner {

	private static final Log logger = LogFactory.getLog(FirstStartLoader.class);

	private static final String ENTITY_COUNT = CypherResources.load(FirstStartLoader.class, "entity-count.cypher");

	private final DataProperties properties;

	private final Driver driver;

	private final GraphImporter importer;

	FirstStartLoader(DataProperties properties, Driver driver, GraphImporter importer) {
		this.properties = properties;
		this.driver = driver;
		this.importer = importer;
	}

	@Override
	public void run(ApplicationArguments args) throws IOException {
		if (!this.properties.loadOnStart()) {
			return;
		}
		long entities = this.driver.executableQuery(ENTITY_COUNT).execute().records()
			.get(0).get("n").asLong();
		if (entities > 0) {
			logger.info("Graph holds " + entities + " entities; the bundled dataset is not loaded again");
			return;
		}
		// Through the importer, so the first start has the same file size limit as every other import.
		Dataset dataset = this.importer.read(DatasetFile.fromLocation(this.properties.location()));
		ImportReport report = this.importer.importDataset(dataset, ImportOptions.unattended("first-start"),
				ImportProgress.NONE);
		logger.info("First start: loaded the bundled dataset from " + this.properties.location() + ": " + report);
	}

}
