package org.lodestone.cli;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.lodestone.support.BundledData;

import static org.assertj.core.api.Assertions.assertThat;

class SeedScriptTests {

	@Test
	void committedSeedScriptIsUpToDateWithData() throws Exception {
		String committed = Files.readString(Path.of("cypher", "seed.cypher"), StandardCharsets.UTF_8);
		assertThat(committed)
			.as("cypher/seed.cypher is out of date with data/; regenerate it with: " + Commands.SEED_HEADER_COMMAND)
			.isEqualTo(Commands.seedScript(BundledData.dataset()));
	}

	@Test
	void seedScriptIsIdempotentCypher() {
		String script = Commands.seedScript(BundledData.dataset());
		assertThat(script).contains("CREATE CONSTRAINT entity_id IF NOT EXISTS")
			.doesNotContain("CREATE (")
			.contains("MERGE (n:Entity {id: 'product:nvidia-h20'}) SET n = {")
			.contains("MERGE (n:Source {id: 'src:rareearthexchanges-2025-07-15-chips-for-magnets'})");
	}

}
