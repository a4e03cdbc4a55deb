package org.lodestone.ingest;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the bundled dataset is and whether, and how, a first start loads it.
 *
 * @param location a Spring resource location holding the dataset's CSV files
 * @param loadOnStart whether to import it when the graph holds no entities
 * @param offlineFirstStart whether the embedded engine loads it into a new store with Neo4j's offline importer,
 * rather than through the transactional importer after the engine started
 */
@ConfigurationProperties("lodestone.data")
record DataProperties(@DefaultValue("classpath:data/") String location, @DefaultValue("true") boolean loadOnStart,
		@DefaultValue("true") boolean offlineFirstStart) {
}
