package org.lodestone.request;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.lodestone.graph.RelationshipType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Request parameters as typed into a URL or a command line: what is accepted, what counts as absent, and a refusal
 * that names the parameter and says what it takes.
 */
class RequestValuesTests {

	@Test
	void wholeNumbersMayCarrySpacesAndSignsTheCallerChecksTheRange() {
		assertThat(RequestValues.integer("k", " 7 ")).isEqualTo(7);
		assertThat(RequestValues.integer("depth", "-3")).isEqualTo(-3);
	}

	@Test
	void aNumberThatIsNotWholeOrTooLargeIsRefusedNamingTheParameter() {
		for (String value : new String[] { "7.5", "five", "", "99999999999", "1e3" }) {
			assertThatExceptionOfType(InvalidRequestException.class)
				.isThrownBy(() -> RequestValues.integer("maxDepth", value))
				.satisfies(ex -> assertThat(ex.parameter()).isEqualTo("maxDepth"))
				.withMessage("maxDepth must be a whole number, got '" + value + "'");
		}
	}

	@Test
	void aFractionIsAbsentWhenBlankAndAcceptedFromZeroToOneInclusive() {
		assertThat(RequestValues.fraction("minConfidence", null)).isNull();
		assertThat(RequestValues.fraction("minConfidence", "  ")).isNull();
		assertThat(RequestValues.fraction("minConfidence", "0")).isZero();
		assertThat(RequestValues.fraction("minConfidence", " 0.75 ")).isEqualTo(0.75);
		assertThat(RequestValues.fraction("minConfidence", "1")).isEqualTo(1.0);
	}

	@Test
	void aFractionOutsideZeroToOneOrNotANumberIsRefusedWithWhatItAccepts() {
		for (String value : new String[] { "1.01", "-0.1", "NaN", "Infinity" }) {
			assertThatExceptionOfType(InvalidRequestException.class)
				.isThrownBy(() -> RequestValues.fraction("minConfidence", value))
				.satisfies(ex -> assertThat(ex.parameter()).isEqualTo("minConfidence"))
				.withMessage("minConfidence must be between 0 and 1, got " + value);
		}
		assertThatExceptionOfType(InvalidRequestException.class)
			.isThrownBy(() -> RequestValues.fraction("minConfidence", "high"))
			.withMessage("minConfidence must be a number between 0 and 1, got 'high'");
	}

	@Test
	void aDateIsAbsentWhenBlankAndOtherwiseAnIsoCalendarDay() {
		assertThat(RequestValues.date("asOf", null)).isNull();
		assertThat(RequestValues.date("asOf", "")).isNull();
		assertThat(RequestValues.date("asOf", " 2025-05-15 ")).isEqualTo(LocalDate.of(2025, 5, 15));
		assertThat(RequestValues.date("asOf", "2024-02-29")).isEqualTo(LocalDate.of(2024, 2, 29));
	}

	@Test
	void aDateThatIsNotOnTheCalendarOrNotWrittenYyyyMmDdIsRefused() {
		for (String value : new String[] { "2025-02-29", "2025-13-01", "15/05/2025", "2025-5-15", "yesterday",
				"2025-05-15T00:00" }) {
			assertThatExceptionOfType(InvalidRequestException.class)
				.isThrownBy(() -> RequestValues.date("from", value))
				.satisfies(ex -> assertThat(ex.parameter()).isEqualTo("from"))
				.withMessage("from must be a date as YYYY-MM-DD, got '" + value + "'");
		}
	}

	@Test
	void typeListsIgnoreCaseSpacesEmptyItemsAndRepeatsAndKeepTheOrderGiven() {
		assertThat(RequestValues.types("types", null)).isEmpty();
		assertThat(RequestValues.types("types", " ")).isEmpty();
		assertThat(RequestValues.types("types", "licensed_for, Covers,,LICENSED_FOR ,")).containsExactly(
				RelationshipType.LICENSED_FOR, RelationshipType.COVERS);
	}

	@Test
	void anUnknownTypeIsRefusedNamingItTheParameterAndEveryKnownType() {
		assertThatExceptionOfType(InvalidRequestException.class)
			.isThrownBy(() -> RequestValues.types("excludeTypes", "COVERS, SMUGGLES"))
			.satisfies(ex -> {
				assertThat(ex.parameter()).isEqualTo("excludeTypes");
				assertThat(ex.getMessage()).startsWith("unknown relationship type 'SMUGGLES' in excludeTypes; known types: ")
					.contains("ISSUED, RESTRICTS", "MEMBER_OF");
			});
	}

	@Test
	void instantsTakeUtcOffsetsAndDatesMeanTheStartOfTheDayInUtc() {
		assertThat(RequestValues.instant("knownAt", "2026-03-01T12:30:00Z"))
			.isEqualTo(java.time.Instant.parse("2026-03-01T12:30:00Z"));
		assertThat(RequestValues.instant("knownAt", "2026-03-01T14:30:00+02:00"))
			.isEqualTo(java.time.Instant.parse("2026-03-01T12:30:00Z"));
		assertThat(RequestValues.instant("since", "2026-03-01")).isEqualTo(java.time.Instant.parse("2026-03-01T00:00:00Z"));
		assertThat(RequestValues.instant("since", " ")).isNull();
		assertThatExceptionOfType(InvalidRequestException.class)
			.isThrownBy(() -> RequestValues.instant("since", "2026-03-01T25:00:00Z"))
			.satisfies(ex -> assertThat(ex.parameter()).isEqualTo("since"));
	}

}
