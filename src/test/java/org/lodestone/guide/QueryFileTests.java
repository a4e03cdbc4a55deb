package org.lodestone.guide;

import java.net.URI;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class QueryFileTests {

	@Test
	void headerCommentSplitsIntoTitleDescriptionParametersAndParamCommands() {
		QueryFile query = QueryFile.parse("what-depends-on-ndpr.cypher", """
				// What depends on a mineral such as NdPr? Follows USED_IN from the mineral
				// through components to end uses.
				// Parameters: mineral (a Mineral id). In Browser, run this first:
				// :param mineral => 'mineral:ndpr';
				MATCH p = (m:Mineral {id: $mineral})-[:USED_IN*1..4]->(user:Entity)
				RETURN user.name; // trailing comment
				""");
		assertThat(query.title()).isEqualTo("What depends on a mineral such as NdPr?");
		assertThat(query.description()).isEqualTo("Follows USED_IN from the mineral through components to end uses.");
		assertThat(query.parameters()).isEqualTo("mineral (a Mineral id)");
		assertThat(query.paramCommands()).containsExactly(":param mineral => 'mineral:ndpr'");
		assertThat(query.statements())
			.containsExactly("MATCH p = (m:Mineral {id: $mineral})-[:USED_IN*1..4]->(user:Entity)\nRETURN user.name");
	}

	@Test
	void titleStopsAtAColonAndIgnoresEllipses() {
		assertThat(QueryFile.parse("a.cypher", "// The timeline of one entity: every event.\nRETURN 1;").title())
			.isEqualTo("The timeline of one entity");
		assertThat(QueryFile.parse("a.cypher", "// Which (bans, deals...) held? More.\nRETURN 1;").title())
			.isEqualTo("Which (bans, deals...) held?");
		assertThat(QueryFile.parse("no-comment.cypher", "RETURN 1;").title()).isEqualTo("No comment");
	}

	@Test
	void corsOriginsCoverBrowserUnderBothLoopbackNamesAndTheDefaults() {
		assertThat(GuideCorsConfiguration.origins(URI.create("http://127.0.0.1:17474/browser/"), List.of(" ")))
			.containsExactly("http://127.0.0.1:17474", "http://localhost:17474", "http://127.0.0.1:7474",
					"http://localhost:7474");
		assertThat(GuideCorsConfiguration.origins(null, List.of("https://browser.example.org")))
			.containsExactly("http://127.0.0.1:7474", "http://localhost:7474", "https://browser.example.org");
	}

}
