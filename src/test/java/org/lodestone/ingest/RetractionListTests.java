package org.lodestone.ingest;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.lodestone.request.InvalidRequestException;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RetractionListTests {

	@Test
	void entityAndRelationshipIdsAreAccepted() {
		assertThatCode(() -> Retractions.check(options(List.of("company:smic", "company:a|MEMBER_OF|company:b",
				"country:cn|SUPPLIES|mineral:gallium|2024-01-01"))))
			.doesNotThrowAnyException();
	}

	@Test
	void malformedRelationshipIdsAreRefusedNamingRetract() {
		for (String id : List.of("company:a|NO_SUCH_TYPE|company:b", "company:a|MEMBER_OF", "|MEMBER_OF|company:b",
				"country:cn|SUPPLIES|mineral:gallium", "country:cn|SUPPLIES|mineral:gallium|2024-13-01",
				"company:a|MEMBER_OF|company:b|2024-01-01", " ")) {
			assertThatThrownBy(() -> Retractions.check(options(List.of(id)))).as(id)
				.isInstanceOfSatisfying(InvalidRequestException.class,
						ex -> org.assertj.core.api.Assertions.assertThat(ex.parameter()).isEqualTo("retract"));
		}
	}

	@Test
	void tooManyIdsOrTooLongAReasonAreRefusedBeforeAnyTransaction() {
		List<String> many = java.util.stream.IntStream.rangeClosed(0, ImportOptions.MAX_RETRACT)
			.mapToObj(i -> "company:c" + i).toList();
		assertThatThrownBy(() -> Retractions.check(options(many))).hasMessageContaining("at most 10000 ids");
		assertThatThrownBy(() -> Retractions.check(new ImportOptions("analyst", "x".repeat(2_001), false, List.of(),
				true))).hasMessageContaining("at most 2000 characters");
	}

	private static ImportOptions options(List<String> retract) {
		return new ImportOptions("analyst", "probe", false, retract, true);
	}

}
