package org.lodestone.cli;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.lodestone.entity.AmbiguousEntityException;
import org.lodestone.entity.EntityNotFoundException;
import org.lodestone.export.ExportRequest;
import org.lodestone.export.ExportService;
import org.lodestone.request.InvalidRequestException;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * {@code export <format> <file> [--from=... --to=... | --id=... --depth=...] [--scope=graph|path|neighborhood]
 * [--asOf=YYYY-MM-DD]}: the same export as {@code GET /api/export}, written to a file. Options take the API's
 * parameter names, written {@code --name=value}; without {@code --scope}, they say what to export as they do for the
 * API ({@link ExportRequest}).
 */
@Component
@Order(100)
@ConditionalOnProperty(name = "lodestone.command", havingValue = "export")
class ExportCommand implements ApplicationRunner, ExitCodeGenerator {

	private final ExportService exports;

	private int exitCode;

	ExportCommand(ExportService exports) {
		this.exports = exports;
	}

	@Override
	public void run(ApplicationArguments args) throws IOException {
		List<String> words = args.getNonOptionArgs();
		if (words.size() != 3) {
			System.err.println("Usage: export <format> <file> [--scope=graph|path|neighborhood] [options]; see help");
			this.exitCode = 1;
			return;
		}
		for (String option : args.getOptionNames()) {
			// Dotted names are Spring properties (--server.port=...), the rest must be export parameters.
			if (!option.contains(".") && !ExportRequest.PARAMETERS.contains(option)) {
				System.err.println("Unknown option --" + option + "; export takes --" + String.join(", --",
						ExportRequest.PARAMETERS.subList(1, ExportRequest.PARAMETERS.size())));
				this.exitCode = 1;
				return;
			}
		}
		Path target = Path.of(words.get(2));
		ExportService.Export export;
		try {
			export = this.exports.prepare(ExportRequest.of(name -> "format".equals(name) ? words.get(1)
					: (args.getOptionValues(name) != null && !args.getOptionValues(name).isEmpty())
							? args.getOptionValues(name).get(0) : null));
		}
		catch (InvalidRequestException | EntityNotFoundException | AmbiguousEntityException ex) {
			System.err.println(ex.getMessage());
			this.exitCode = 1;
			return;
		}
		try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(target))) {
			export.writeTo(out);
		}
		catch (IOException | RuntimeException ex) {
			Files.deleteIfExists(target);
			throw ex;
		}
		System.out.println("Wrote " + target + " (" + export.mediaType() + ", " + Files.size(target) + " bytes)");
	}

	@Override
	public int getExitCode() {
		return this.exitCode;
	}

}
