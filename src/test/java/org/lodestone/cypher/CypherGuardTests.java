package org.lodestone.cypher;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNoException;

/**
 * The allow-list on its own, with no engine: what it refuses never reaches a database.
 */
class CypherGuardTests {

	@ParameterizedTest
	@ValueSource(strings = { "CREATE (n:Probe) RETURN n", "MERGE (n:Probe {id: 'x'}) RETURN n",
			"MATCH (n:Entity) SET n.name = 'changed'", "MATCH (n:Entity) REMOVE n:Mineral", "MATCH (n) DETACH DELETE n",
			"MATCH (n:Entity) FOREACH (x IN [1] | SET n.x = x)", "LOAD CSV FROM 'file:///../../etc/passwd' AS line RETURN line",
			"LOAD CSV FROM 'http://127.0.0.1:8080/api/info' AS line RETURN line", "SHOW SETTINGS", "SHOW TRANSACTIONS",
			"TERMINATE TRANSACTIONS 'neo4j-transaction-1'", "CALL dbms.listConfig()", "CALL dbms.killQueries(['x'])",
			"CALL apoc.export.csv.all('out.csv', {})", "CALL apoc.load.json('http://127.0.0.1/')",
			"CREATE INDEX probe FOR (n:Probe) ON (n.id)", "DROP CONSTRAINT entity_id", "CREATE USER mallory SET PASSWORD 'x'",
			"USE system SHOW USERS", "CALL db.createLabel('Probe')", "RETURN apoc.version()",
			"MATCH (n) CALL (n) { DETACH DELETE n } RETURN 1", "CALL db.index.fulltext.drop('entity_search')",
			"MATCH (n) WITH n CALL { WITH n SET n.x = 1 } RETURN 1", "UNWIND [1] AS x CREATE (:Probe {x: x})" })
	void refusesWritesAdministrationAndUnlistedProceduresWithoutAnEngine(String query) {
		assertThatExceptionOfType(CypherForbiddenException.class).isThrownBy(() -> CypherGuard.check(query))
			.withMessageStartingWith("Only read queries");
	}

	@ParameterizedTest
	@ValueSource(strings = { "MATCH (n) RETURN n; MATCH (m) DETACH DELETE m", "RETURN 1 ) CREATE (x)",
			"MATCH ()) DETACH DELETE n", "MATCH (n) RETURN n garbage", "RETURN 1; RETURN 2",
			"RETURN 1 } CREATE (x)" })
	void refusesTextAfterTheStatementThatTheParserWouldIgnore(String query) {
		assertThatExceptionOfType(InvalidCypherException.class).isThrownBy(() -> CypherGuard.check(query))
			.withMessageContaining("only one statement");
	}

	@ParameterizedTest
	@ValueSource(strings = { "MATCH (n:Entity {id: $id})--(m) RETURN m.name", "RETURN 1;", "RETURN 1 ;  ",
			"MATCH (n) RETURN n // a comment", "CALL db.labels() YIELD label RETURN label",
			"MATCH p = (a)-[*1..3]-(b) RETURN p LIMIT 5" })
	void acceptsReads(String query) {
		assertThatNoException().isThrownBy(() -> CypherGuard.check(query));
	}

	@ParameterizedTest
	@ValueSource(ints = { 5_000, 19_000 })
	void deeplyNestedQueriesAreInvalidNotACrash(int depth) {
		String query = "RETURN " + "(".repeat(depth) + "1" + ")".repeat(depth);
		try {
			CypherGuard.check(query);
		}
		catch (InvalidCypherException | CypherForbiddenException ex) {
			// refused cleanly
		}
	}


	@ParameterizedTest
	@ValueSource(strings = { "RETURN size(range(1, 2000000000)) AS n", "RETURN [x IN range(0, 2000000000, 2) | x] AS n",
			"WITH range(1, 200001) AS xs RETURN size(xs)", "MATCH (a)--(b)--(c)--(d)--(e)--(f)--(g)--(h)--(i)--(j)"
					+ "--(k)--(l)--(m)--(n)--(o)--(p)--(q) RETURN a LIMIT 1" })
	void refusesQueriesThatAskForMoreWorkThanTheBoundsAllow(String query) {
		assertThatExceptionOfType(QueryTooLargeException.class).isThrownBy(() -> CypherGuard.check(query));
	}

	@ParameterizedTest
	@ValueSource(strings = { "UNWIND range(1, 2000000000) AS x WITH x WHERE x < 0 RETURN count(x)",
			"RETURN size(range(1, 100000)) AS n", "RETURN range(0, size([1, 2]) - 1) AS n",
			"RETURN [x IN range(10, 1) | x] AS n" })
	void acceptsQueriesWithinTheBounds(String query) {
		assertThatNoException().isThrownBy(() -> CypherGuard.check(query));
	}

	@org.junit.jupiter.api.Test
	void boundsAParameterisedRangeByItsParameters() {
		assertThatExceptionOfType(QueryTooLargeException.class).isThrownBy(() -> CypherGuard
			.check("RETURN size(range($from, $to)) AS n", java.util.Map.of("from", 1, "to", 5_000_000),
					QueryBounds.DEFAULT))
			.withMessageContaining("range() of 5000000 elements");
		assertThatNoException().isThrownBy(() -> CypherGuard.check("RETURN size(range($from, $to)) AS n",
				java.util.Map.of("from", 1, "to", 50), QueryBounds.DEFAULT));
	}

	@org.junit.jupiter.api.Test
	void refusesChainsOfClausesAndDeepExpressions() {
		assertThatExceptionOfType(QueryTooLargeException.class)
			.isThrownBy(() -> CypherGuard.check("WITH 1 AS x " + "WITH x AS x ".repeat(150) + "RETURN x"))
			.withMessageContaining("clauses");
		assertThatExceptionOfType(QueryTooLargeException.class)
			.isThrownBy(() -> CypherGuard.check("RETURN " + "(1 + ".repeat(150) + "1" + ")".repeat(150)))
			.withMessageContaining("levels deep");
	}

}
