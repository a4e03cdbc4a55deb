package org.lodestone.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * One CSV file of the dataset, wherever it comes from: a directory, the jar, or an upload.
 *
 * @param name the name shown in problems, such as {@code data/relationships-chips.csv}
 * @param content opens the file's bytes
 */
public record DatasetFile(String name, Content content) {

	/**
	 * Opens a file's bytes.
	 */
	@FunctionalInterface
	public interface Content {

		/**
		 * @return a new stream of the file's bytes
		 * @throws IOException when it cannot be read
		 */
		InputStream open() throws IOException;

	}

	/**
	 * @return the part of the name after the last slash
	 */
	public String fileName() {
		int slash = this.name.lastIndexOf('/');
		return (slash >= 0) ? this.name.substring(slash + 1) : this.name;
	}

	/**
	 * @param directory a directory holding the dataset's CSV files
	 * @return its CSV files and JSON graphs, in name order
	 * @throws IOException when the directory cannot be listed
	 */
	public static List<DatasetFile> fromDirectory(Path directory) throws IOException {
		try (Stream<Path> files = Files.list(directory)) {
			return files.filter(file -> isDatasetFile(file.getFileName().toString()))
				.sorted(Comparator.comparing(Path::toString))
				.map(file -> new DatasetFile(directory.getFileName() + "/" + file.getFileName(),
						() -> Files.newInputStream(file)))
				.toList();
		}
	}

	/**
	 * @param path a directory of dataset files, or one file (such as a JSON graph export)
	 * @return the dataset files it holds, or that one file
	 * @throws IOException when the directory cannot be listed
	 */
	public static List<DatasetFile> fromPath(Path path) throws IOException {
		if (Files.isDirectory(path)) {
			return fromDirectory(path);
		}
		return List.of(new DatasetFile(path.toString(), () -> Files.newInputStream(path)));
	}

	/**
	 * @param name a file name
	 * @return whether the importer reads such a file: CSV files and JSON graphs
	 */
	public static boolean isDatasetFile(String name) {
		return name.endsWith(".csv") || name.endsWith(".json");
	}

	/**
	 * @param location a Spring resource location such as {@code classpath:data/}
	 * @return the CSV files directly below it, in name order
	 * @throws IOException when the location cannot be listed
	 */
	public static List<DatasetFile> fromLocation(String location) throws IOException {
		String base = location.endsWith("/") ? location : location + "/";
		Resource[] resources = new PathMatchingResourcePatternResolver().getResources(base + "*.csv");
		List<DatasetFile> files = new ArrayList<>();
		for (Resource resource : resources) {
			files.add(new DatasetFile("data/" + resource.getFilename(), resource::getInputStream));
		}
		files.sort(Comparator.comparing(DatasetFile::name));
		return files;
	}

}
