package org.lodestone.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;

import org.lodestone.ingest.Dataset;
import org.lodestone.ingest.DatasetFile;
import org.lodestone.ingest.DatasetReader;

/**
 * The dataset in the repository's {@code data/} directory, read the way the command line reads it.
 */
public final class BundledData {

	public static final Path DIRECTORY = Path.of("data");

	private BundledData() {
	}

	public static List<DatasetFile> files() {
		try {
			return DatasetFile.fromDirectory(DIRECTORY);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public static Dataset dataset() {
		return DatasetReader.read(files());
	}

}
