package org.lodestone.cypher;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.lodestone.support.Fuzz;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fuzzes the allow-list parser: whatever text arrives, {@link CypherGuard#check} either accepts it or refuses it with
 * one of its two exceptions (403 or 400 over HTTP); it never fails any other way, and never accepts a write.
 */
class CypherGuardFuzzTests {

	static final List<String> FRAGMENTS = List.of("MATCH", "(n)", "(n:Entity {id: $id})", "-[r]->", "-[:COVERS*1..3]-",
			"RETURN", "n", "count(*)", "WITH", "WHERE", "n.id = 'x'", "CREATE", "MERGE", "SET n.x = 1", "DELETE n",
			"DETACH", "REMOVE n:Entity", "LOAD CSV FROM 'http://127.0.0.1/' AS row", "CALL", "db.labels()",
			"dbms.listConfig()", "apoc.load.json('x')", "YIELD", "label", "UNION", "ALL", "USE system", "SHOW", "USERS",
			"TERMINATE TRANSACTIONS", "FOREACH (x IN [1] |", ")", "{", "}", "[", "]", "'", "\"", "`", "//", "/*", "*/",
			"$", "$(", "CALL {", "} IN TRANSACTIONS", "OPTIONAL", "UNWIND [1,2] AS x", "ORDER BY", "LIMIT 1",
			"SHORTEST 2 GROUPS", "p =", "EXPLAIN", "PROFILE", "CYPHER 5", "date()", "apoc.version()", ";", ",", ".",
			"\u0000", "\u202E", "\uFEFF", "日本", "\\u0027");

	static final List<String> SEEDS = List.of("MATCH (n:Entity {id: $id})--(m) RETURN m.name",
			"MATCH p = (a)-[*1..3]-(b) WHERE a.id = 'x' RETURN p LIMIT 5", "CALL db.labels() YIELD label RETURN label",
			"UNWIND range(1, 10) AS x RETURN x ORDER BY x DESC", "MATCH (n) RETURN n.name AS name, count(*) AS c",
			"CREATE (n:Probe) RETURN n", "MATCH (n) DETACH DELETE n", "LOAD CSV FROM 'file:///etc/passwd' AS l RETURN l");

	static final String ALPHABET = "()[]{}-><:;.,'\"`$*|=!+/\\ \n\tabcnrMATCHRETURNCREATEMERGESETDELETECALL0123456789";

	@Test
	void randomTextIsAcceptedOrRefusedCleanly() {
		Fuzz.check("random text", fuzz -> fuzz.string(200), CypherGuardFuzzTests::checkCleanly);
	}

	@Test
	void cypherLikeTextIsAcceptedOrRefusedCleanly() {
		Fuzz.check("cypher fragments", fuzz -> {
			List<String> parts = new ArrayList<>();
			int count = 1 + fuzz.nextInt(14);
			for (int i = 0; i < count; i++) {
				parts.add(fuzz.pick(FRAGMENTS));
			}
			return String.join(fuzz.pick(List.of(" ", "", "\n", "\t")), parts);
		}, CypherGuardFuzzTests::checkCleanly);
	}

	@Test
	void mutatedQueriesAreAcceptedOrRefusedCleanly() {
		Fuzz.check("mutated queries", fuzz -> fuzz.mutate(fuzz.pick(SEEDS), ALPHABET),
				CypherGuardFuzzTests::checkCleanly);
	}

	private static void checkCleanly(String query) {
		boolean accepted;
		try {
			CypherGuard.check(query);
			accepted = true;
		}
		catch (CypherForbiddenException | InvalidCypherException ex) {
			assertThat(ex.getMessage()).isNotBlank().doesNotContain("\tat ");
			accepted = false;
		}
		if (accepted) {
			// Whatever the parser accepted contains no write keyword outside of a string or comment it can see; a
			// cheap cross-check that mutations never sneak a write through.
			String upper = query.toUpperCase(java.util.Locale.ROOT);
			for (String write : List.of("CREATE (", "MERGE (", "DETACH DELETE", "LOAD CSV", "SET N.X")) {
				if (upper.contains(write) && !upper.contains("'") && !upper.contains("\"") && !upper.contains("//")
						&& !upper.contains("/*") && !upper.contains("`")) {
					throw new AssertionError("accepted a write: " + query);
				}
			}
		}
	}

}
