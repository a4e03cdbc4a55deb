package org.lodestone;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
 * feature, statements built from shared fragments are Cypher-DSL, and no Java text block or one-line string literal
 * holds Cypher.
 */
class CypherPlacementTests {

	private static final Path JAVA = Path.of("src/main/java");

	private static final Path STATEMENTS = Path.of("src/main/resources/org/lodestone");

	private static final Pattern TEXT_BLOCK = Pattern.compile("\"\"\"(.*?)\"\"\"", Pattern.DOTALL);

	private static final Pattern CYPHER = Pattern.compile("\\b(MATCH|RETURN|MERGE|UNWIND|CREATE|DELETE|YIELD)\\b");

	// Statements that are a query's fixed tail rather than a whole query: what precedes them when they are parsed.
	private static final Map<String, String> TAILS = Map.of("path/rank-and-project.cypher",
			"CALL () { MATCH p = (a)-[*1..2]-(b) RETURN p } ");

	// Administration commands, which Cypher-DSL's parser does not read: the inbox's constraint (kept out of
	// cypher/schema/, see docs/architecture.md) and the check for Graph Data Science's procedures.
	private static final Set<String> COMMANDS = Set.of("inbox/proposal-schema.cypher", "analysis/gds-available.cypher");

	// A one-line string literal that starts with a Cypher clause.
	private static final Pattern LITERAL = Pattern
		.compile("\"\\s*(MATCH|OPTIONAL\\s+MATCH|CALL|UNWIND|MERGE|CREATE|RETURN|WITH)\\b[^\"\\n]*\"");

	// The only Java files whose string literals may start with a Cypher clause, and why:
	// - CypherScriptExporter writes a Cypher script as an export's output: its literals are the format, filled with
	//   Cypher-DSL literals of the snapshot's values, not statements the application runs.
	// - Guide shows example statements to a reader of the Browser guide, as text in its HTML.
	// - PathStatement wraps its rendered Cypher-DSL statement in a CALL subquery before its fixed tail
	//   (path/rank-and-project.cypher).
	private static final List<String> LITERALS_ALLOWED = List.of("org/lodestone/export/CypherScriptExporter.java",
			"org/lodestone/guide/Guide.java", "org/lodestone/path/PathStatement.java");

	@Test
	void noJavaTextBlockHoldsCypher() throws IOException {
		List<String> offenders = new ArrayList<>();
		try (Stream<Path> files = Files.walk(JAVA)) {
			for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
				Matcher block = TEXT_BLOCK.matcher(Files.readString(file, StandardCharsets.UTF_8));
				while (block.find()) {
					if (CYPHER.matcher(block.group(1)).find()) {
						offenders.add(JAVA.relativize(file).toString());
					}
				}
			}
		}
		assertThat(offenders).as("Java files with Cypher in text blocks").isEmpty();
	}

	@Test
	void noJavaStringLiteralStartsWithACypherClause() throws IOException {
		List<String> offenders = new ArrayList<>();
		try (Stream<Path> files = Files.walk(JAVA)) {
			for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
				String name = JAVA.relativize(file).toString();
				if (LITERALS_ALLOWED.contains(name)) {
					continue;
				}
				Matcher literal = LITERAL.matcher(TEXT_BLOCK.matcher(Files.readString(file, StandardCharsets.UTF_8))
					.replaceAll(""));
				while (literal.find()) {
					offenders.add(name + ": " + literal.group());
				}
			}
		}
		assertThat(offenders).as("Java string literals holding Cypher").isEmpty();
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
			if (COMMANDS.contains(name)) {
				continue;
			}
			String statement = TAILS.getOrDefault(name, "") + statements.get(0);
			assertThatNoException().as(name).isThrownBy(() -> CypherParser.parse(statement));
		}
	}

}
