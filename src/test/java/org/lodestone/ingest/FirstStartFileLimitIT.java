package org.lodestone.ingest;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.lodestone.LodestoneApplication;
import org.lodestone.support.FreePorts;
import org.lodestone.support.TestStores;

import org.springframework.boot.builder.SpringApplicationBuilder;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The first start reads the bundled dataset under the same file size limit as every other import
 * ({@code lodestone.import.max-file-size}), so raising it lets a large first-start dataset in, and lowering it keeps
 * a large one out. An application of its own, on a fresh store.
 */
class FirstStartFileLimitIT {

	@Test
	void theFirstStartAppliesTheConfiguredFileSizeLimit() {
		Path store = TestStores.create("first-start-limit");
		assertThatThrownBy(() -> new SpringApplicationBuilder(LodestoneApplication.class)
			.run("--server.port=0", "--lodestone.neo4j.directory=" + store,
					"--lodestone.neo4j.bolt-port=" + FreePorts.next(), "--lodestone.neo4j.http-port=" + FreePorts.next(),
					"--lodestone.import.max-file-size=4KB")
			.close())
			.hasStackTraceContaining("nothing was imported")
			.hasStackTraceContaining("data/relationships-chips.csv: is larger than 4096 bytes")
			.hasStackTraceContaining("lodestone.import.max-file-size");
	}

}
