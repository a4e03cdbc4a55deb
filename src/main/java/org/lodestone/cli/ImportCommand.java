package org.lodestone.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.lodestone.ingest.Dataset;
import org.lodestone.ingest.DatasetFile;
import org.lodestone.ingest.GraphImporter;
import org.lodestone.ingest.ImportReport;
import org.lodestone.ingest.InvalidDatasetException;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * {@code import [dir|file]}: validates the directory's CSV files (or one file, such as a JSON graph export) and
 * imports them in one transaction, showing rows done and the rate as it goes.
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
			report = this.importer.importDataset(dataset, (done, total) -> bar.stepTo(done));
		}
		System.out.println("Committed: " + report);
	}

	@Override
	public int getExitCode() {
		return this.exitCode;
	}

}
