package org.lodestone;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.lodestone.neo4j.CypherScript;
import org.neo4j.cypherdsl.parser.CypherParser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;

/**
 * The placement rule of docs/architecture.md holds: fixed statements live in {@code .cypher} files beside their
 * feature, statements built from shared fragments are Cypher-DSL, and no Java text block holds Cypher.
 */
class CypherPlacementTests {

	private static final Path JAVA = Path.of("src/main/java");

	private static final Path STATEMENTS = Path.of("src/main/resources/org/lodestone");

	private static final Pattern TEXT_BLOCK = Pattern.compile("\"\"\"(.*?)\"\"\"", Pattern.DOTALL);

	private static final Pattern CYPHER = Pattern.compile("\\b(MATCH|RETURN|MERGE|UNWIND|CREATE|DELETE|YIELD)\\b");

	// Statements that are a query's fixed tail rather than a whole query: what precedes them when they are parsed.
	private static final Map<String, String> TAILS = Map.of("path/rank-and-project.cypher",
			"CALL () { MATCH p = (a)-[*1..2]-(b) RETURN p } ");

	// The importer's write statements change with recorded history (issue 20); they move to .cypher files with it.
	private static final List<String> NOT_YET = List.of("org/lodestone/ingest/GraphImporter.java");

	@Test
	void noJavaTextBlockHoldsCypher() throws IOException {
		List<String> offenders = new ArrayList<>();
		try (Stream<Path> files = Files.walk(JAVA)) {
			for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
				Matcher block = TEXT_BLOCK.matcher(Files.readString(file, StandardCharsets.UTF_8));
				while (block.find()) {
					if (CYPHER.matcher(block.group(1)).find() && !NOT_YET.contains(JAVA.relativize(file).toString())) {
						offenders.add(JAVA.relativize(file).toString());
					}
				}
			}
		}
		assertThat(offenders).as("Java files with Cypher in text blocks").isEmpty();
	}

	@Test
	void everyStatementFileHoldsOneStatementCypherCanParse() throws IOException {
		List<Path> files;
		try (Stream<Path> walk = Files.walk(STATEMENTS)) {
			files = walk.filter(f -> f.toString().endsWith(".cypher")).toList();
		}
		assertThat(files).isNotEmpty();
		for (Path file : files) {
			String name = STATEMENTS.relativize(file).toString();
			List<String> statements = CypherScript.statements(Files.readString(file, StandardCharsets.UTF_8));
			assertThat(statements).as(name).hasSize(1);
			String statement = TAILS.getOrDefault(name, "") + statements.get(0);
			assertThatNoException().as(name).isThrownBy(() -> CypherParser.parse(statement));
		}
	}

}
