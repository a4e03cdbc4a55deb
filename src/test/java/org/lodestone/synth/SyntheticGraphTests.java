package org.lodestone.synth;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lodestone.ingest.Dataset;
import org.lodestone.ingest.DatasetFile;
import org.lodestone.ingest.DatasetReader;

import static org.assertj.core.api.Assertions.assertThat;

class SyntheticGraphTests {

	@Test
	void writesAGraphTheRealReaderAcceptsWithTheExactRelationshipCount(@TempDir Path dir) throws Exception {
		SyntheticGraph.write(SyntheticGraph.Size.S, 7, dir);
		Dataset dataset = DatasetReader.read(DatasetFile.fromDirectory(dir));
		assertThat(dataset.relationships()).hasSize(10_000);
		assertThat(dataset.entities()).hasSizeGreaterThanOrEqualTo(2_400);
		assertThat(dataset.entities()).allSatisfy(entity -> assertThat(entity.name()).startsWith("Synthetic"));
		assertThat(dataset.sources()).allSatisfy(source -> assertThat(source.url()).startsWith("https://example.org/"));
	}

	@Test
	void theSameSeedGivesTheSameBytesAndAnotherSeedDoesNot(@TempDir Path dir) throws Exception {
		SyntheticGraph.write(SyntheticGraph.Size.S, 7, dir.resolve("a"));
		SyntheticGraph.write(SyntheticGraph.Size.S, 7, dir.resolve("b"));
		SyntheticGraph.write(SyntheticGraph.Size.S, 8, dir.resolve("c"));
		for (String file : new String[] { "sources.csv", "entities.csv", "relationships.csv" }) {
			assertThat(Files.readAllBytes(dir.resolve("a").resolve(file)))
				.isEqualTo(Files.readAllBytes(dir.resolve("b").resolve(file)));
		}
		assertThat(Files.readAllBytes(dir.resolve("a").resolve("relationships.csv")))
			.isNotEqualTo(Files.readAllBytes(dir.resolve("c").resolve("relationships.csv")));
	}

	@Test
	void degreesAreSkewedWithHubs(@TempDir Path dir) throws Exception {
		SyntheticGraph.write(SyntheticGraph.Size.S, 7, dir);
		Dataset dataset = DatasetReader.read(DatasetFile.fromDirectory(dir));
		Map<String, Integer> degree = new HashMap<>();
		dataset.relationships().forEach(r -> {
			degree.merge(r.from(), 1, Integer::sum);
			degree.merge(r.to(), 1, Integer::sum);
		});
		int[] sorted = degree.values().stream().mapToInt(Integer::intValue).sorted().toArray();
		int median = sorted[sorted.length / 2];
		int max = Arrays.stream(sorted).max().orElseThrow();
		assertThat(max).isGreaterThan(20 * Math.max(1, median));
	}

}
