package org.lodestone.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

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
	void otherArgumentsAreLeftToTheApplication() {
		assertThat(Commands.runFileCommand(new String[] { "--server.port=9000" }, System.out, System.err)).isEmpty();
		assertThat(Commands.isGraphCommand(new String[] { "import", "data" })).isTrue();
		assertThat(Commands.isGraphCommand(new String[] { "export", "svg", "path.svg" })).isTrue();
		assertThat(Commands.usage()).contains("export <format> <file>");
	}

	private int run(String... args) {
		return Commands.runFileCommand(args, new PrintStream(this.out, true, StandardCharsets.UTF_8),
				new PrintStream(this.err, true, StandardCharsets.UTF_8)).orElseThrow();
	}

}
