package org.lodestone.ingest;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the bundled dataset is and whether a first start loads it.
 *
 * @param location a Spring resource location holding the dataset's CSV files
 * @param loadOnStart whether to import it when the graph holds no entities
 */
@ConfigurationProperties("lodestone.data")
record DataProperties(@DefaultValue("classpath:data/") String location, @DefaultValue("true") boolean loadOnStart) {
}
