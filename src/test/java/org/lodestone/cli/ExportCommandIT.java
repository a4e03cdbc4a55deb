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
	void withoutAScopeTheOptionsGivenSayWhatToExport(@TempDir Path dir) throws Exception {
		Path svg = dir.resolve("h20-ndpr.svg");
		ExportCommand path = new ExportCommand(this.exports);
		path.run(new DefaultApplicationArguments("export", "svg", svg.toString(), "--from=H20", "--to=NdPr"));
		assertThat(path.getExitCode()).isZero();
		assertThat(Files.readString(svg)).startsWith("<?xml").contains("<svg").contains("Nvidia H20");
		Path inferred = dir.resolve("inferred.json");
		ExportCommand neighbourhood = new ExportCommand(this.exports);
		neighbourhood.run(new DefaultApplicationArguments("export", "json", inferred.toString(), "--id=NdPr"));
		assertThat(neighbourhood.getExitCode()).isZero();
		Path named = dir.resolve("named.json");
		new ExportCommand(this.exports).run(new DefaultApplicationArguments("export", "json", named.toString(),
				"--scope=neighborhood", "--id=NdPr"));
		assertThat(Files.readString(inferred)).contains("mineral:ndpr").isEqualTo(Files.readString(named));
	}

	@Test
	void optionsOfAnotherScopeThanTheOneAskedForExitWithOneAndWriteNothing(@TempDir Path dir) throws Exception {
		Path file = dir.resolve("graph.json");
		for (String[] args : new String[][] { { "export", "json", file.toString(), "--scope=graph", "--from=H20",
				"--to=NdPr" }, { "export", "json", file.toString(), "--id=NdPr", "--from=H20", "--to=NdPr" } }) {
			ExportCommand command = new ExportCommand(this.exports);
			command.run(new DefaultApplicationArguments(args));
			assertThat(command.getExitCode()).as(String.join(" ", args)).isOne();
			assertThat(file).doesNotExist();
		}
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
