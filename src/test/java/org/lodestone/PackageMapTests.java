package org.lodestone;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docs/architecture.md's package map ("Packages") names every package the code has, and no other; each package says
 * what it holds in a one-sentence Javadoc in its {@code package-info.java}.
 */
class PackageMapTests {

	private static final Path SOURCES = Path.of("src/main/java");

	private static final Path ARCHITECTURE = Path.of("docs/architecture.md");

	private static final String ROOT = "org.lodestone";

	// A row of the map: | `name` | what it holds |
	private static final Pattern ROW = Pattern.compile("^\\|\\s*`([a-z0-9.]+)`\\s*\\|");

	private static final Pattern JAVADOC = Pattern.compile("/\\*\\*(.*?)\\*/\\s*package\\s+([a-z0-9.]+)\\s*;",
			Pattern.DOTALL);

	// The end of a sentence followed by the start of another.
	private static final Pattern SENTENCE_BREAK = Pattern.compile("[.!?][\"')\\]]*\\s+[A-Z]");

	@Test
	void everyPackageWithCodeHasAPackageInfo() throws IOException {
		List<String> missing = new ArrayList<>();
		try (Stream<Path> files = Files.walk(SOURCES)) {
			files.filter((file) -> file.toString().endsWith(".java"))
				.map(Path::getParent)
				.distinct()
				.filter((directory) -> !Files.exists(directory.resolve("package-info.java")))
				.forEach((directory) -> missing.add(SOURCES.relativize(directory).toString()));
		}
		assertThat(missing).as("packages without a package-info.java").isEmpty();
	}

	@Test
	void theMapListsEveryPackageAndNoOther() throws IOException {
		assertThat(mappedPackages()).as("the packages in docs/architecture.md's map")
			.containsExactlyInAnyOrderElementsOf(packageInfos().keySet());
	}

	@Test
	void everyPackageInfoSaysWhatThePackageHoldsInOneSentence() throws IOException {
		Map<String, String> javadocs = packageInfos();
		assertThat(javadocs).isNotEmpty();
		javadocs.forEach((name, javadoc) -> {
			assertThat(javadoc).as("the Javadoc of %s", name).isNotBlank().endsWith(".");
			assertThat(SENTENCE_BREAK.matcher(javadoc).find()).as("the Javadoc of %s is one sentence: %s", name, javadoc)
				.isFalse();
		});
	}

	/**
	 * @return each package's name in the map's notation (the root in full, the others relative to it) and the text
	 * of its package-info's Javadoc, inline tags reduced to their text
	 */
	private static Map<String, String> packageInfos() throws IOException {
		Map<String, String> javadocs = new TreeMap<>();
		List<Path> packageInfos;
		try (Stream<Path> files = Files.walk(SOURCES)) {
			packageInfos = files.filter((file) -> file.getFileName().toString().equals("package-info.java")).toList();
		}
		for (Path file : packageInfos) {
			String source = Files.readString(file, StandardCharsets.UTF_8);
			Matcher matcher = JAVADOC.matcher(source);
			assertThat(matcher.find()).as("%s has a Javadoc before its package declaration", file).isTrue();
			String javadoc = matcher.group(1)
				.replaceAll("(?m)^\\s*\\*", " ")
				.replaceAll("\\{@\\w+\\s+([^}]*)}", "$1")
				.replaceAll("\\s+", " ")
				.strip();
			javadocs.put(mapName(matcher.group(2)), javadoc);
		}
		return javadocs;
	}

	private static String mapName(String packageName) {
		return packageName.equals(ROOT) ? ROOT : packageName.substring(ROOT.length() + 1);
	}

	/**
	 * @return the package names in the first column of the table under "## Packages"
	 */
	private static TreeSet<String> mappedPackages() throws IOException {
		List<String> lines = Files.readAllLines(ARCHITECTURE, StandardCharsets.UTF_8);
		int start = lines.indexOf("## Packages");
		assertThat(start).as("docs/architecture.md has a '## Packages' section").isNotNegative();
		TreeSet<String> names = new TreeSet<>();
		for (String line : lines.subList(start + 1, lines.size())) {
			if (line.startsWith("## ")) {
				break;
			}
			Matcher row = ROW.matcher(line);
			if (row.find()) {
				names.add(row.group(1));
			}
		}
		return names;
	}

}
