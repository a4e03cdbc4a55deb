package org.lodestone.entity;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a search sends to Lucene: the words typed, each as itself, a prefix or a near miss, and nothing a user could
 * use to change the query.
 */
class LuceneQueryTests {

	// The only text the builder itself writes around a word.
	private static final String SKELETON = "\\^3|\\*\\^2|~1|~2| OR | AND |[()]";

	@Test
	void aWordMatchesItselfFirstThenAsAPrefixThenOneEditAway() {
		assertThat(LuceneQuery.matching("NdPr")).isEqualTo("(ndpr^3 OR ndpr*^2 OR ndpr~1)");
	}

	@Test
	void wordsOfThreeCharactersOrFewerGetNoNearMissesSoH20DoesNotMatchEveryThreeLetterName() {
		assertThat(LuceneQuery.matching("H20")).isEqualTo("(h20^3 OR h20*^2)");
	}

	@Test
	void everyWordTypedMustMatch() {
		assertThat(LuceneQuery.matching("rare earth")).isEqualTo(
				"(rare^3 OR rare*^2 OR rare~1) AND (earth^3 OR earth*^2 OR earth~1)");
	}

	@Test
	void closeMatchesTakeAnyWordTwoEditsAway() {
		assertThat(LuceneQuery.closeTo("Nvidiaa Corporashun")).isEqualTo("nvidiaa~2 OR corporashun~2");
	}

	@Test
	void capitalsAndPunctuationDoNotChangeWhatIsSearched() {
		assertThat(LuceneQuery.matching("NEODYMIUM-PRAESODYMIUM!")).isEqualTo(LuceneQuery.matching("neodymium praesodymium"));
		assertThat(LuceneQuery.closeTo("U.S. Commerce")).isEqualTo("u~2 OR s~2 OR commerce~2");
	}

	@Test
	void lettersOfEveryScriptAreWords() {
		assertThat(LuceneQuery.matching("稀土")).isEqualTo("(稀土^3 OR 稀土*^2)");
		assertThat(LuceneQuery.matching("Škoda")).isEqualTo("(škoda^3 OR škoda*^2 OR škoda~1)");
	}

	@Test
	void textWithoutALetterOrDigitSearchesNothing() {
		assertThat(LuceneQuery.matching("")).isNull();
		assertThat(LuceneQuery.matching("*:* -- ~")).isNull();
		assertThat(LuceneQuery.closeTo("\"()\"")).isNull();
	}

	@Test
	void lucenesOwnSyntaxTypedByAUserArrivesAsPlainWords() {
		assertThat(LuceneQuery.matching("name:gallium^10 OR *:*")).isEqualTo(
				"(name^3 OR name*^2 OR name~1) AND (gallium^3 OR gallium*^2 OR gallium~1) AND (10^3 OR 10*^2)"
						+ " AND (or^3 OR or*^2)");
		for (String hostile : List.of("id:\"mineral:ndpr\"", "NOT gallium", "gallium AND NOT ndpr", "[a TO z]",
				"{a TO z}", "/gall.*/", "gall?um", "gallium~0.1", "\"rare earth\"~5", "ndpr^100", "+ndpr -h20",
				"ndpr && h20 || china", "\\(escaped\\)", "a\u0000b", "<script>alert(1)</script>", "' OR 1=1 --",
				"})-[r]-() DETACH DELETE n //")) {
			for (String query : new String[] { LuceneQuery.matching(hostile), LuceneQuery.closeTo(hostile) }) {
				assertThat(query.replaceAll(SKELETON, "")).as(hostile).matches("[\\p{L}\\p{N} ]*");
				assertThat(query).as(hostile).doesNotContain(" NOT ", " TO ", "&&", "||", ":");
			}
		}
	}

}
