package org.lodestone.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.lodestone.inbox.DataExport;
import org.lodestone.ingest.InvalidDatasetException;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * {@code export-data [dir]}: writes the rows of every accepted proposal into {@code dir/*-inbox.csv} (default
 * {@code data}), so the accepted facts can be committed and reviewed in a pull request.
 */
@Component
@Order(100)
@ConditionalOnProperty(name = "lodestone.command", havingValue = "export-data")
class ExportDataCommand implements ApplicationRunner, ExitCodeGenerator {

	private final DataExport export;

	private int exitCode;

	ExportDataCommand(DataExport export) {
		this.export = export;
	}

	@Override
	public void run(ApplicationArguments args) throws IOException {
		List<String> words = args.getNonOptionArgs();
		Path directory = Path.of((words.size() > 1) ? words.get(1) : "data");
		try {
			DataExport.Report report = this.export.export(directory);
			System.out.println("Wrote the rows of " + report.proposals() + " accepted proposal(s) to " + directory
					+ "/*-inbox.csv: " + report.sources() + " sources, " + report.entities() + " entities, "
					+ report.relationships() + " relationships");
			if (!report.elsewhere().isEmpty()) {
				System.out.println("Already held by another file of " + directory + " (not written; carry any change "
						+ "over by hand):");
				report.elsewhere().forEach(key -> System.out.println("  " + key));
			}
		}
		catch (InvalidDatasetException ex) {
			System.err.println(ex.getMessage());
			this.exitCode = 1;
		}
	}

	@Override
	public int getExitCode() {
		return this.exitCode;
	}

}
