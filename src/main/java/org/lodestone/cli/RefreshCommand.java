package org.lodestone.cli;

import java.util.List;

import org.lodestone.inbox.ConnectorException;
import org.lodestone.inbox.InboxService;
import org.lodestone.inbox.RefreshService;
import org.lodestone.ingest.InvalidDatasetException;
import org.lodestone.request.InvalidRequestException;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * {@code refresh <connector> [url|file]}: runs a connector once and puts its proposals in the inbox. It writes no fact
 * to the graph; a reviewer accepts or rejects each proposal through {@code /api/inbox}.
 */
@Component
@Order(100)
@ConditionalOnProperty(name = "lodestone.command", havingValue = "refresh")
class RefreshCommand implements ApplicationRunner, ExitCodeGenerator {

	private final RefreshService refresh;

	private int exitCode;

	RefreshCommand(RefreshService refresh) {
		this.refresh = refresh;
	}

	@Override
	public void run(ApplicationArguments args) {
		List<String> words = args.getNonOptionArgs();
		if (words.size() < 2 || words.size() > 3) {
			System.err.println("Usage: refresh <connector> [url|file]; connectors: "
					+ String.join(", ", RefreshService.CONNECTORS));
			this.exitCode = 2;
			return;
		}
		try {
			RefreshService.RefreshReport report = this.refresh.refresh(words.get(1),
					(words.size() > 2) ? words.get(2) : null);
			System.out.println(report.connector() + ": read " + report.location() + " (SHA-256 "
					+ report.contentSha256() + ")");
			for (InboxService.Proposed proposed : report.proposals()) {
				System.out.println("  " + (proposed.created() ? "proposed " : "already in the inbox ") + proposed.id()
						+ ": " + proposed.title());
			}
			report.skipped().forEach(skipped -> System.out.println("  skipped " + skipped));
			System.out.println(report.created() + " new proposal(s), " + (report.proposals().size() - report.created())
					+ " already in the inbox, " + report.skipped().size() + " document(s) skipped");
		}
		catch (ConnectorException | InvalidRequestException | InvalidDatasetException ex) {
			System.err.println(ex.getMessage());
			System.err.println("Nothing was proposed.");
			this.exitCode = 1;
		}
	}

	@Override
	public int getExitCode() {
		return this.exitCode;
	}

}
