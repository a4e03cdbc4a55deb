package org.lodestone.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

import org.lodestone.graph.IndexedGraph;
import org.lodestone.neo4j.NewStoreContent;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

/**
 * The bundled dataset, validated, for the embedded engine to load offline into a new store: the fast way to a first
 * start, taken only when the engine creates its store. It comes with the versions and the change an import of it would
 * record ({@link FirstStartHistory}). Otherwise (an external server, or a store that exists but holds
 * no entities) {@link FirstStartLoader} imports it through the transactional importer.
 */
@Component
class FirstStartDataset implements NewStoreContent {

	private final DataProperties properties;

	private final long maxFileBytes;

	FirstStartDataset(DataProperties properties,
			@Value("${lodestone.import.max-file-size:64MB}") DataSize maxFileSize) {
		this.properties = properties;
		this.maxFileBytes = maxFileSize.toBytes();
	}

	@Override
	public Optional<IndexedGraph> graph() {
		if (!this.properties.loadOnStart() || !this.properties.offlineFirstStart()) {
			return Optional.empty();
		}
		try {
			// Nothing is stored yet, so every reference must resolve within the files, as in any new graph.
			Dataset dataset = DatasetReader.read(DatasetFile.fromLocation(this.properties.location()), KnownIds.NONE,
					this.maxFileBytes);
			// With the history an import of it would record, so knownAt reads have the first start's word.
			return Optional.of(new FirstStartHistory(new DatasetGraph(dataset),
					OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS)));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("The first-start dataset in " + this.properties.location()
					+ " cannot be read: " + ex.getMessage(), ex);
		}
	}

}
