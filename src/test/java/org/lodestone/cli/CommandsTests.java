package org.lodestone.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class CommandsTests {

	private final ByteArrayOutputStream out = new ByteArrayOutputStream();

	private final ByteArrayOutputStream err = new ByteArrayOutputStream();

	@Test
	void validateAcceptsTheBundledData() {
		assertThat(run("validate", "data")).isZero();
		assertThat(this.out.toString(StandardCharsets.UTF_8)).startsWith("data: valid: ");
	}

	@Test
	void validateListsEveryProblemWithFileAndLine(@TempDir Path dir) throws Exception {
		Files.writeString(dir.resolve("entities.csv"), """
				id,subtype,name
				product:x,Chip,X
				product:x,Chip,X again
				""");
		Files.writeString(dir.resolve("relationships.csv"), """
				from,to,type,validFrom,confidence,sources
				product:x,product:y,USED_IN,2025-01-01,0.5,src:none
				""");
		assertThat(run("validate", dir.toString())).isOne();
		String dirName = dir.getFileName().toString();
		assertThat(this.err.toString(StandardCharsets.UTF_8))
			.contains(dirName + "/entities.csv:3: duplicate entity id 'product:x'")
			.contains(dirName + "/relationships.csv:2: 'to' refers to unknown entity 'product:y'")
			.contains(dirName + "/relationships.csv:2: cites unknown source 'src:none'");
	}

	@Test
	void seedWritesTheScript(@TempDir Path dir) throws Exception {
		Path target = dir.resolve("seed.cypher");
		assertThat(run("seed", "data", target.toString())).isZero();
		assertThat(Files.readString(target)).startsWith("// Lodestone's dataset as an idempotent Cypher script");
	}

	@Test
	void lintListsFindingsAndFailsUntilEachIsFixedOrAccepted(@TempDir Path root) throws Exception {
		Path data = Files.createDirectory(root.resolve("data"));
		Files.writeString(data.resolve("sources.csv"), """
				id,publisher,title,date,url,type
				src:a,MOFCOM,A,2025-01-01,https://example.org/a,official
				src:unused,Reuters,B,2025-01-02,https://example.org/b,news
				""");
		Files.writeString(data.resolve("entities.csv"), """
				id,subtype,name,announced,sources
				policy:ban,Ban,Gallium ban,2025-01-10,src:a
				""");
		assertThat(run("lint", data.toString())).isOne();
		assertThat(this.out.toString(StandardCharsets.UTF_8))
			.contains("uncited-source: src:unused: no entity or relationship cites it")
			.contains("policy-without-issuer: policy:ban: no ISSUED edge says who issued it")
			.contains(data + ": 2 to fix (uncited-source 1, policy-without-issuer 1), 0 accepted, "
					+ "0 stale acceptances");
		// Run on the project's data/, it reads the project's list.
		assertThat(Commands.acceptedList(Path.of("data"))).isEqualTo(Path.of("docs", "lint-accepted.csv"));

		// The accepted list beside the dataset's directory sets them aside, with their reasons.
		Path accepted = Files.createDirectory(root.resolve("docs")).resolve("lint-accepted.csv");
		Files.writeString(accepted, """
				rule,where,reason
				uncited-source,src:unused,kept as background reading
				policy-without-issuer,policy:ban,the issuer is not public
				""");
		this.out.reset();
		assertThat(run("lint", data.toString())).isZero();
		assertThat(this.out.toString(StandardCharsets.UTF_8))
			.contains("  uncited-source: src:unused: no entity or relationship cites it (kept as background reading)")
			.contains(data + ": 0 to fix, 2 accepted, 0 stale acceptances");

		// An acceptance that no longer matches a finding fails the run until it is removed.
		Files.writeString(accepted, "single-weak-source,(a)-[:X]->(b),was weak\n", StandardOpenOption.APPEND);
		this.out.reset();
		assertThat(run("lint", data.toString())).isOne();
		assertThat(this.out.toString(StandardCharsets.UTF_8))
			.contains("  single-weak-source: (a)-[:X]->(b) (was weak)")
			.contains(data + ": 0 to fix, 2 accepted, 1 stale acceptance");
	}

	@Test
	void lintRefusesAnInvalidDatasetOrAcceptedList(@TempDir Path root) throws Exception {
		Path data = Files.createDirectory(root.resolve("data"));
		Files.writeString(data.resolve("entities.csv"), "id,subtype,name\nproduct:x,Spaceship,X\n");
		assertThat(run("lint", data.toString())).isOne();
		assertThat(this.err.toString(StandardCharsets.UTF_8)).contains("unknown subtype 'Spaceship'");

		Files.writeString(data.resolve("entities.csv"), "id,subtype,name\nproduct:x,Chip,X\n");
		Files.writeString(Files.createDirectory(root.resolve("docs")).resolve("lint-accepted.csv"),
				"rule,where,reason\nno-such-rule,product:x,because\n");
		this.err.reset();
		assertThat(run("lint", data.toString())).isOne();
		assertThat(this.err.toString(StandardCharsets.UTF_8))
			.contains("lint-accepted.csv:2: unknown rule 'no-such-rule'");
	}

	@Test
	void xrefListsTheActorsAnFtmFileMayNameAndFailsOnAMalformedLine(@TempDir Path dir) throws Exception {
		Path file = dir.resolve("sanctions.ftm.json");
		Files.writeString(file, """
				{"id": "NK-x", "schema": "Company", "properties": {"name": ["Some Holding"], "leiCode": ["724500Y6DUVHQD6OXN27"]}}
				""");
		assertThat(run("xref", file.toString(), "data")).isZero();
		assertThat(this.out.toString(StandardCharsets.UTF_8))
			.contains("company:asml <- NK-x (Company 'Some Holding'): lei 724500Y6DUVHQD6OXN27")
			.contains(": 1 candidate for actors in data, 0 malformed lines");
		Files.writeString(file, "{\"id\": \"NK-x\"}\n");
		assertThat(run("xref", file.toString(), "data")).isOne();
		assertThat(this.err.toString(StandardCharsets.UTF_8)).contains("sanctions.ftm.json:1: is not an FtM entity");
		assertThat(run("xref")).isEqualTo(2);
	}

	@Test
	void otherArgumentsAreLeftToTheApplication() {
		assertThat(Commands.runFileCommand(new String[] { "--server.port=9000" }, System.out, System.err)).isEmpty();
		assertThat(Commands.isGraphCommand(new String[] { "import", "data" })).isTrue();
		assertThat(Commands.isGraphCommand(new String[] { "export", "svg", "path.svg" })).isTrue();
		assertThat(Commands.usage()).contains("export <format> <file>").contains("lint [dir]");
	}

	private int run(String... args) {
		return Commands.runFileCommand(args, new PrintStream(this.out, true, StandardCharsets.UTF_8),
				new PrintStream(this.err, true, StandardCharsets.UTF_8)).orElseThrow();
	}

}
