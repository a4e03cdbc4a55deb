package org.lodestone.ingest;

import java.time.Duration;

import org.neo4j.driver.Driver;

import org.springframework.util.unit.DataSize;

/**
 * The real {@link GraphImporter} without a Spring context, for the benchmarks, which import into a fresh engine per
 * measurement. The file limit is lifted because the large synthetic graphs exceed the upload limit on purpose.
 */
public final class Importers {

	private Importers() {
	}

	public static GraphImporter create(Driver driver) {
		return new GraphImporter(driver, Duration.ofMinutes(30), DataSize.ofGigabytes(1));
	}

}
