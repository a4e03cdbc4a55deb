package org.lodestone.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.lodestone.ingest.Dataset;
import org.lodestone.ingest.DatasetFile;
import org.lodestone.ingest.GraphImporter;
import org.lodestone.ingest.ImportOptions;
import org.lodestone.ingest.ImportReport;
import org.lodestone.ingest.InvalidDatasetException;
import org.lodestone.request.InvalidRequestException;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * {@code import [dir|file]}: validates the directory's CSV files (or one file, such as a JSON graph export) and
 * imports them in one transaction, showing rows done and the rate as it goes. {@code --reason=...} says why (required
 * when the import corrects or retracts), {@code --full-snapshot} retracts what the files no longer hold and
 * {@code --retract=id,...} retracts the ids given.
 */
@Component
@Order(100)
@ConditionalOnProperty(name = "lodestone.command", havingValue = "import")
class ImportCommand implements ApplicationRunner, ExitCodeGenerator {

	private final GraphImporter importer;

	private int exitCode;

	ImportCommand(GraphImporter importer) {
		this.importer = importer;
	}

	@Override
	public void run(ApplicationArguments args) throws IOException {
		List<String> words = args.getNonOptionArgs();
		Path directory = Path.of((words.size() > 1) ? words.get(1) : "data");
		Dataset dataset;
		try {
			dataset = this.importer.read(DatasetFile.fromPath(directory));
		}
		catch (InvalidDatasetException ex) {
			System.err.println(ex.getMessage());
			this.exitCode = 1;
			return;
		}
		System.out.println("Importing " + directory + ": " + dataset.sources().size() + " sources, "
				+ dataset.entities().size() + " entities, " + dataset.relationships().size() + " relationships");
		ImportReport report;
		try (ProgressBar bar = new ProgressBarBuilder().setTaskName("Import")
			.setInitialMax(dataset.size())
			.setUnit(" rows", 1)
			.setStyle(ProgressBarStyle.ASCII)
			.showSpeed()
			.setUpdateIntervalMillis(500)
			.build()) {
			report = this.importer.importDataset(dataset, options(args), (done, total) -> bar.stepTo(done));
		}
		catch (InvalidRequestException ex) {
			System.err.println(ex.getMessage());
			this.exitCode = 1;
			return;
		}
		System.out.println("Committed: " + report);
	}

	// --reason=..., --full-snapshot and --retract=id[,id...]; the change is recorded as made by the system user.
	private static ImportOptions options(ApplicationArguments args) {
		List<String> reasons = args.getOptionValues("reason");
		List<String> retract = new ArrayList<>();
		List<String> given = args.getOptionValues("retract");
		if (given != null) {
			given.forEach(value -> Arrays.stream(value.split(",")).map(String::strip).filter(id -> !id.isEmpty())
				.forEach(retract::add));
		}
		return new ImportOptions("cli:" + System.getProperty("user.name", "unknown"),
				(reasons == null || reasons.isEmpty()) ? null : reasons.get(reasons.size() - 1),
				args.containsOption("full-snapshot"), retract, true);
	}

	@Override
	public int getExitCode() {
		return this.exitCode;
	}

}
