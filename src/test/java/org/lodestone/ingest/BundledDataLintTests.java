package org.lodestone.ingest;

import java.io.IOException;
import java.nio.file.Path;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lodestone.support.BundledData;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bundled dataset passes its own lint: every finding is fixed or accepted in {@code docs/lint-accepted.csv}
 * with a reason, and every acceptance there still matches a finding. On failure it lists them all, rule by rule.
 */
class BundledDataLintTests {

	static final Path ACCEPTED = Path.of("docs", "lint-accepted.csv");

	private static LintReport report;

	@BeforeAll
	static void lint() throws IOException {
		report = LintReport.of(DataLint.lint(BundledData.dataset()), LintAcceptance.read(ACCEPTED));
	}

	@Test
	void everyFindingIsFixedOrAccepted() {
		assertThat(report.problems()).withFailMessage(() -> report.problems().size() + " unaccepted finding(s) on "
				+ BundledData.DIRECTORY + " (" + LintReport.countsByRule(report.problems()) + "); fix the data or "
				+ "accept them in " + ACCEPTED + ":\n" + lines(report.problems().stream().map(LintFinding::toString)))
			.isEmpty();
	}

	@Test
	void everyAcceptanceStillMatchesAFinding() {
		assertThat(report.stale()).withFailMessage(() -> report.stale().size() + " stale acceptance(s) in "
				+ ACCEPTED + ", matching no finding; remove them:\n"
				+ lines(report.stale().stream().map(stale -> stale.rule() + ": " + stale.where())))
			.isEmpty();
	}

	private static String lines(Stream<String> lines) {
		return lines.collect(Collectors.joining("\n  ", "  ", ""));
	}

}
