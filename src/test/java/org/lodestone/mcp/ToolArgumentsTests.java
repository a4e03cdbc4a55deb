package org.lodestone.mcp;

import java.time.LocalDate;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.lodestone.request.InvalidRequestException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ToolArgumentsTests {

	static ToolArguments of(Map<String, Object> values) {
		return new ToolArguments(values, Set.of("q", "k", "asOf", "types", "parameters"));
	}

	@Test
	void anUndeclaredArgumentIsRefusedByName() {
		assertThatThrownBy(() -> of(Map.of("depht", 2))).isInstanceOf(InvalidRequestException.class)
			.hasMessageContaining("unknown argument 'depht'");
	}

	@Test
	void textIsBoundedAndBlankIsAbsent() {
		assertThat(of(Map.of("q", "  NdPr ")).text("q")).isEqualTo("NdPr");
		assertThat(of(Map.of("q", "  ")).text("q")).isNull();
		assertThatThrownBy(() -> of(Map.of("q", "x".repeat(201))).text("q")).hasMessageContaining("at most 200");
		assertThatThrownBy(() -> of(Map.of("q", 5)).text("q")).hasMessageContaining("must be a string");
	}

	@Test
	void numbersAreWholeAndWithinRange() {
		assertThat(of(Map.of()).integer("k", 1, 50, 5)).isEqualTo(5);
		assertThat(of(Map.of("k", 3.0)).integer("k", 1, 50, 5)).isEqualTo(3);
		assertThatThrownBy(() -> of(Map.of("k", 2.5)).integer("k", 1, 50, 5)).hasMessageContaining("whole number");
		assertThatThrownBy(() -> of(Map.of("k", 51)).integer("k", 1, 50, 5)).hasMessageContaining("between 1 and 50");
	}

	@Test
	void datesAndListsAreChecked() {
		assertThat(of(Map.of("asOf", "2025-05-15")).date("asOf")).isEqualTo(LocalDate.of(2025, 5, 15));
		assertThatThrownBy(() -> of(Map.of("asOf", "15 May")).date("asOf")).isInstanceOf(InvalidRequestException.class);
		assertThat(of(Map.of("types", List.of("USED_IN", "SUPPLIES"))).commaList("types")).isEqualTo("USED_IN,SUPPLIES");
		assertThatThrownBy(() -> of(Map.of("types", Collections.nCopies(51, "USED_IN"))).strings("types", 50))
			.hasMessageContaining("at most 50 items");
		assertThatThrownBy(() -> of(Map.of("types", List.of(""))).strings("types", 50))
			.hasMessageContaining("non-blank");
		assertThatThrownBy(() -> of(Map.of("parameters", List.of())).object("parameters", 5))
			.hasMessageContaining("must be an object");
	}

	@Test
	void proposedRowsAreListsOfStringCellsWithinTheirBoundsAndADocumentIsKeptVerbatim() {
		Set<String> lists = Set.of("sources", "entities", "relationships");
		ToolArguments claim = new ToolArguments(Map.of("claim", Map.of("relationships",
				List.of(Map.of("from", "a:b", "confidence", "0.8"))), "text", "  Line one.\n"), Set.of("claim", "text"));
		assertThat(claim.rows("claim", lists, 2, 10)).containsOnlyKeys("relationships");
		assertThat(claim.rows("claim", lists, 2, 10).get("relationships").get(0)).containsEntry("confidence", "0.8");
		assertThat(claim.requiredVerbatim("text", 100)).as("offsets of quotes count from the first character")
			.isEqualTo("  Line one.\n");
		assertThatThrownBy(() -> new ToolArguments(Map.of("claim", Map.of("relations", List.of())), Set.of("claim"))
			.rows("claim", lists, 2, 10)).hasMessageContaining("unknown list 'relations'");
		assertThatThrownBy(() -> new ToolArguments(Map.of("claim", Map.of("entities", List.of(Map.of("id", 5)))),
				Set.of("claim")).rows("claim", lists, 2, 10)).hasMessageContaining("is a string");
		assertThatThrownBy(() -> new ToolArguments(Map.of("claim", Map.of("entities", List.of(Map.of("id",
				"x".repeat(11))))), Set.of("claim")).rows("claim", lists, 2, 10)).hasMessageContaining("at most 10");
		assertThatThrownBy(() -> new ToolArguments(Map.of("claim", Map.of("sources",
				Collections.nCopies(3, Map.of("id", "src:x")))), Set.of("claim")).rows("claim", lists, 2, 10))
			.hasMessageContaining("at most 2 rows");
	}

}
