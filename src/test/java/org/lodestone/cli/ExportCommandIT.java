package org.lodestone.cli;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lodestone.IntegrationTest;
import org.lodestone.export.ExportService;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code export} command on the shared test graph: the same exports as the API, written to a file; mistakes
 * exit with 1 and write nothing.
 */
class ExportCommandIT extends IntegrationTest {

	@Autowired
	ExportService exports;

	@Test
	void writesTheExportToTheFile(@TempDir Path dir) throws Exception {
		Path file = dir.resolve("path.gexf");
		ExportCommand command = new ExportCommand(this.exports);
		command.run(new DefaultApplicationArguments("export", "gexf", file.toString(), "--scope=path", "--from=H20",
				"--to=NdPr", "--k=3"));
		assertThat(command.getExitCode()).isZero();
		assertThat(Files.readString(file)).contains("<gexf").contains("product:nvidia-h20").contains("mineral:ndpr");
	}

	@Test
	void mistakesExitWithOneAndWriteNothing(@TempDir Path dir) throws Exception {
		Path file = dir.resolve("graph.svg");
		for (String[] args : new String[][] { { "export", "svg", file.toString() },
				{ "export", "json", file.toString(), "--scpoe=path" }, { "export", "json" },
				{ "export", "json", file.toString(), "--scope=neighborhood", "--id=Zanzibar Chips" } }) {
			ExportCommand command = new ExportCommand(this.exports);
			command.run(new DefaultApplicationArguments(args));
			assertThat(command.getExitCode()).as(String.join(" ", args)).isOne();
			assertThat(file).doesNotExist();
		}
	}

}
