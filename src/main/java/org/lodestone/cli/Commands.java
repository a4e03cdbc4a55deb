package org.lodestone.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

import org.lodestone.export.CypherScriptExporter;
import org.lodestone.ingest.Dataset;
import org.lodestone.ingest.DatasetFile;
import org.lodestone.ingest.DatasetGraph;
import org.lodestone.ingest.DatasetProblem;
import org.lodestone.ingest.DatasetReader;
import org.lodestone.ingest.DataLint;
import org.lodestone.ingest.FtmCrossReference;
import org.lodestone.ingest.InvalidDatasetException;
import org.lodestone.ingest.LintAcceptance;
import org.lodestone.ingest.LintReport;
import org.lodestone.neo4j.Neo4jSchema;
import org.lodestone.synth.SyntheticGraph;

/**
 * Runs a command given on the command line. {@code validate}, {@code lint}, {@code seed}, {@code generate} and
 * {@code xref} work on files alone and need no database; {@code import}, {@code export} and {@code refresh} are
 * handed to a Spring context without a web server ({@link ImportCommand}, {@link ExportCommand},
 * {@link RefreshCommand}).
 */
public final class Commands {

	/** The commands that need the graph, and so a Spring context. */
	public static final List<String> GRAPH_COMMANDS = List.of("import", "export", "refresh", "export-data");

	static final String SEED_HEADER_COMMAND = "./mvnw -q spring-boot:run -Dspring-boot.run.arguments=seed";

	private Commands() {
	}

	/**
	 * @param args the command line
	 * @param out where results go
	 * @param err where problems go
	 * @return the exit code when the command line named a file-only command, empty otherwise
	 */
	public static OptionalInt runFileCommand(String[] args, PrintStream out, PrintStream err) {
		if (args.length == 0) {
			return OptionalInt.empty();
		}
		return switch (args[0]) {
			case "validate" -> OptionalInt.of(validate(argument(args, 1, "data"), out, err));
			case "lint" -> OptionalInt.of(lint(argument(args, 1, "data"), out, err));
			case "seed" -> OptionalInt.of(seed(argument(args, 1, "data"), argument(args, 2, "cypher/seed.cypher"), out,
					err));
			case "generate" -> OptionalInt.of(generate(args, out, err));
			case "xref" -> OptionalInt.of(xref(args, out, err));
			case "help", "--help" -> {
				out.println(usage());
				yield OptionalInt.of(0);
			}
			default -> OptionalInt.empty();
		};
	}

	/**
	 * @param args the command line
	 * @return whether it names a command that needs the graph
	 */
	public static boolean isGraphCommand(String[] args) {
		return args.length > 0 && GRAPH_COMMANDS.contains(args[0]);
	}

	static String usage() {
		return """
				Usage: lodestone [command]
				  (no command)           run the application: API, embedded Neo4j and Browser
				  import [dir|file]      validate and import the CSV files in dir (default: data), or one JSON graph export
				  export <format> <file> [--from=X --to=Y | --id=X --depth=N] [--scope=graph|path|neighborhood] [--asOf=YYYY-MM-DD]
				                         write the graph, a path result or a neighbourhood to file; formats: graphml, gexf,
				                         dot, cytoscape, csv (neo4j-admin, zipped), cypher, json, ftm, svg (path/neighborhood);
				                         without --scope, --from/--to export a path, --id a neighbourhood, neither the graph;
				                         path options as in /api/paths (--mode, --k, --maxDepth, --types, ...)
				  refresh <connector> [url|file]  run a connector (federal-register, opensanctions, usgs-mcs) on its configured
				                         URL, or on the URL or file given, and put what it proposes in the inbox for review;
				                         writes no fact (refresh opensanctions <file.ftm.json>: xref's matches as
				                         designations; refresh usgs-mcs <World_Data.zip|csv>: world production shares)
				  export-data [dir]      write the rows of every accepted proposal to dir/*-inbox.csv (default: data)
				  mcp                    serve the MCP tools to a desktop AI assistant over stdio (standard input and output),
				                         on the same graph; logs go to standard error; ends when standard input closes
				  xref <file> [dir]      list the entities of a FollowTheMoney file (e.g. an OpenSanctions dataset) that may be
				                         actors in dir (default: data): same Wikidata id, LEI, credit code, OpenSanctions id,
				                         or name; candidates to confirm, nothing is imported
				  validate [dir]         check the CSV files in dir (default: data) and list every problem
				  lint [dir]             list what in the valid dataset in dir is probably wrong or weak, less what
				                         docs/lint-accepted.csv beside dir accepts; exits 1 while any is left
				  seed [dir] [file]      write the dataset in dir as an idempotent Cypher script (default: cypher/seed.cypher)
				  generate S|M|L dir [seed]  write a synthetic graph of 10k, 100k or 1M relationships into dir""";
	}

	static int generate(String[] args, PrintStream out, PrintStream err) {
		if (args.length < 3) {
			err.println("Usage: generate S|M|L dir [seed]");
			return 2;
		}
		try {
			SyntheticGraph.Size size = SyntheticGraph.Size.valueOf(args[1].toUpperCase(java.util.Locale.ROOT));
			long seed = (args.length > 3) ? Long.parseLong(args[3]) : 42L;
			SyntheticGraph.write(size, seed, Path.of(args[2]));
			out.println("Wrote a synthetic " + size + " graph (" + size.relationships() + " relationships, seed " + seed
					+ ") into " + args[2]);
			return 0;
		}
		catch (IllegalArgumentException ex) {
			err.println("Usage: generate S|M|L dir [seed]: " + ex.getMessage());
			return 2;
		}
		catch (IOException ex) {
			err.println("Cannot write the synthetic graph: " + ex.getMessage());
			return 1;
		}
	}

	static int validate(Path directory, PrintStream out, PrintStream err) {
		Dataset dataset = readOrReport(directory, err);
		if (dataset == null) {
			return 1;
		}
		out.println(directory + ": valid: " + dataset.sources().size() + " sources, " + dataset.entities().size()
				+ " entities, " + dataset.relationships().size() + " relationships");
		return 0;
	}

	/**
	 * Reads and validates the dataset in a directory, or tells why it cannot.
	 * @return the dataset, or {@code null} after writing every problem (or the read failure) to {@code err}
	 */
	private static Dataset readOrReport(Path directory, PrintStream err) {
		try {
			return DatasetReader.read(DatasetFile.fromDirectory(directory));
		}
		catch (InvalidDatasetException ex) {
			err.println(ex.getMessage());
			return null;
		}
		catch (IOException ex) {
			err.println("Cannot read " + directory + ": " + ex.getMessage());
			return null;
		}
	}

	/**
	 * Lints the dataset in the directory against the accepted list in {@code docs/lint-accepted.csv} beside it (none
	 * when there is no such file). Exits with 1 while a finding is unaccepted or an acceptance matches no finding,
	 * so a script or CI can gate on it.
	 */
	static int lint(Path directory, PrintStream out, PrintStream err) {
		Path acceptedFile = acceptedList(directory);
		Dataset dataset = readOrReport(directory, err);
		if (dataset == null) {
			return 1;
		}
		List<LintAcceptance> acceptances;
		try {
			acceptances = Files.exists(acceptedFile) ? LintAcceptance.read(acceptedFile) : List.of();
		}
		catch (IllegalArgumentException ex) {
			err.println(ex.getMessage());
			return 1;
		}
		catch (IOException ex) {
			err.println("Cannot read " + acceptedFile + ": " + ex.getMessage());
			return 1;
		}
		LintReport report = LintReport.of(DataLint.lint(dataset), acceptances);
		report.problems().forEach(out::println);
		if (!report.accepted().isEmpty()) {
			out.println("Accepted in " + acceptedFile + ":");
			report.accepted().forEach(accepted -> out.println("  " + accepted.finding() + " (" + accepted.reason()
					+ ")"));
		}
		if (!report.stale().isEmpty()) {
			out.println("Stale in " + acceptedFile + ", matching no finding (remove them):");
			report.stale().forEach(stale -> out.println("  " + stale.rule() + ": " + stale.where() + " ("
					+ stale.reason() + ")"));
		}
		String byRule = LintReport.countsByRule(report.problems());
		out.println(directory + ": " + report.problems().size() + " to fix"
				+ (byRule.isEmpty() ? "" : " (" + byRule + ")") + ", " + report.accepted().size() + " accepted, "
				+ report.stale().size() + " stale acceptance" + ((report.stale().size() == 1) ? "" : "s"));
		return report.passes() ? 0 : 1;
	}

	/**
	 * {@code docs/lint-accepted.csv} in the directory that holds the dataset's directory: the project's list for
	 * {@code data}, and none for a dataset elsewhere unless its project has one.
	 */
	static Path acceptedList(Path directory) {
		Path absolute = directory.toAbsolutePath().normalize();
		Path project = (absolute.getParent() != null) ? absolute.getParent() : absolute;
		Path file = project.resolve("docs").resolve("lint-accepted.csv");
		Path workingDirectory = Path.of("").toAbsolutePath();
		return file.startsWith(workingDirectory) ? workingDirectory.relativize(file) : file;
	}

	/**
	 * Lists the entities of a FollowTheMoney file (an OpenSanctions dataset, say) that may be actors of the dataset in
	 * dir, by shared identifier or name; exits 1 when the file or the dataset cannot be read or a line is malformed.
	 */
	static int xref(String[] args, PrintStream out, PrintStream err) {
		if (args.length < 2) {
			err.println("xref needs an FtM entity file: xref <file.ftm.json> [dir]");
			return 2;
		}
		Path file = Path.of(args[1]);
		Path directory = argument(args, 2, "data");
		Dataset dataset = readOrReport(directory, err);
		if (dataset == null) {
			return 1;
		}
		List<DatasetProblem> problems = new ArrayList<>();
		List<FtmCrossReference.Candidate> candidates;
		try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
			candidates = new FtmCrossReference(dataset).candidates(file.toString(), in, problems);
		}
		catch (IOException | UncheckedIOException ex) {
			err.println("Cannot read " + file + ": " + ex.getMessage());
			return 1;
		}
		candidates.forEach(out::println);
		problems.forEach(err::println);
		out.println(file + ": " + candidates.size() + " candidate" + ((candidates.size() == 1) ? "" : "s")
				+ " for actors in " + directory + ", " + problems.size() + " malformed line"
				+ ((problems.size() == 1) ? "" : "s"));
		return problems.isEmpty() ? 0 : 1;
	}

	static int seed(Path directory, Path target, PrintStream out, PrintStream err) {
		try {
			Dataset dataset = DatasetReader.read(DatasetFile.fromDirectory(directory));
			String script = seedScript(dataset);
			Files.writeString(target, script, StandardCharsets.UTF_8);
			out.println("Wrote " + target + " from " + directory);
			return 0;
		}
		catch (InvalidDatasetException ex) {
			err.println(ex.getMessage());
			return 1;
		}
		catch (IOException ex) {
			err.println("Cannot write the seed script: " + ex.getMessage());
			return 1;
		}
	}

	/**
	 * @param dataset a validated dataset
	 * @return the dataset as the idempotent Cypher script kept in {@code cypher/seed.cypher}
	 */
	public static String seedScript(Dataset dataset) {
		CypherScriptExporter exporter = new CypherScriptExporter(List.of(
				"Lodestone's dataset as an idempotent Cypher script: load it into any Neo4j 5 with Browser or cypher-shell.",
				"Generated from data/ by `" + SEED_HEADER_COMMAND + "`. Do not edit by hand; edit data/ instead.",
				dataset.sources().size() + " sources, " + dataset.entities().size() + " entities, "
						+ dataset.relationships().size() + " relationships."),
				Neo4jSchema.statements());
		try {
			Writer text = new StringWriter();
			exporter.export(new DatasetGraph(dataset), text);
			return text.toString();
		}
		catch (IOException ex) {
			throw new IllegalStateException("Writing to memory failed", ex);
		}
	}

	private static Path argument(String[] args, int index, String fallback) {
		return Path.of((args.length > index) ? args[index] : fallback);
	}

}
