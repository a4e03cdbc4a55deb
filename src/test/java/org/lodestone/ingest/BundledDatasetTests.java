package org.lodestone.ingest;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.lodestone.support.BundledData;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bundled dataset is valid and as large as promised.
 */
class BundledDatasetTests {

	private final Dataset dataset = BundledData.dataset();

	@Test
	void holdsAtLeast80Entities200RelationshipsAnd40CitedSources() {
		assertThat(this.dataset.entities()).hasSizeGreaterThanOrEqualTo(80);
		assertThat(this.dataset.relationships()).hasSizeGreaterThanOrEqualTo(200);
		Set<String> cited = new HashSet<>();
		this.dataset.relationships().forEach(relationship -> cited.addAll(relationship.sources()));
		assertThat(cited).hasSizeGreaterThanOrEqualTo(40);
	}

	@Test
	void everySourceIsCitedSomewhere() {
		Set<String> cited = new HashSet<>();
		this.dataset.relationships().forEach(relationship -> cited.addAll(relationship.sources()));
		this.dataset.entities().forEach(entity -> cited.addAll(entity.sources()));
		assertThat(this.dataset.sources()).allSatisfy(source -> assertThat(cited).contains(source.id()));
	}

	@Test
	void theSeedArticleIsASource() {
		assertThat(this.dataset.sources()).anySatisfy(source -> {
			assertThat(source.id()).isEqualTo("src:rareearthexchanges-2025-07-15-chips-for-magnets");
			assertThat(source.url()).startsWith("https://rareearthexchanges.com/");
		});
	}

}
