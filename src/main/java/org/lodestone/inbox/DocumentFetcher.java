package org.lodestone.inbox;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

import org.springframework.stereotype.Component;

/**
 * Retrieves a connector's document: over HTTP(S), or from a file (a recorded fixture, a download made elsewhere).
 * Reads at most {@code lodestone.inbox.max-document-size} bytes, follows no redirect, and treats anything but 200 as
 * a failure. The content is only ever parsed as data, never executed or rendered.
 */
@Component
class DocumentFetcher {

	private final HttpClient client;

	private final long maxBytes;

	private final Duration timeout;

	private final Clock clock;

	@org.springframework.beans.factory.annotation.Autowired
	DocumentFetcher(InboxProperties properties) {
		this(properties.maxDocumentSize().toBytes(), properties.fetchTimeout(), Clock.systemUTC());
	}

	DocumentFetcher(long maxBytes, Duration timeout, Clock clock) {
		this.maxBytes = maxBytes;
		this.timeout = timeout;
		this.clock = clock;
		this.client = HttpClient.newBuilder()
			.connectTimeout(timeout)
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
	}

	/**
	 * @param connector the connector asking, for messages
	 * @param location an {@code http(s)://} URL or a file path
	 * @return the bytes with their hash and retrieval time
	 * @throws ConnectorException when it cannot be retrieved whole
	 */
	FetchedDocument fetch(String connector, String location) {
		if (location.startsWith("https://") || location.startsWith("http://")) {
			return fetchUrl(connector, location);
		}
		Path file = Path.of(location);
		try {
			if (Files.size(file) > this.maxBytes) {
				throw new ConnectorException(connector, location + " is larger than " + this.maxBytes + " bytes");
			}
			return FetchedDocument.of(file.toAbsolutePath().toUri().toString(), Files.readAllBytes(file),
					this.clock.instant());
		}
		catch (IOException ex) {
			throw new ConnectorException(connector, "cannot read " + location + ": " + ex.getMessage(), ex);
		}
	}

	/**
	 * @param connector the connector the upload is for, for messages
	 * @param name the uploaded file's name, as the client gave it
	 * @param bytes its content
	 * @return the upload as a document located at {@code upload:<name>}
	 * @throws ConnectorException when it is larger than a connector reads
	 */
	FetchedDocument uploaded(String connector, String name, byte[] bytes) {
		if (bytes.length > this.maxBytes) {
			throw new ConnectorException(connector, "the upload is larger than " + this.maxBytes + " bytes");
		}
		// The client's file name is only a label in the provenance: kept short and to plain characters.
		String label = (name == null || name.isBlank()) ? "document"
				: name.replaceAll("[^A-Za-z0-9._-]+", "_");
		return FetchedDocument.of("upload:" + label.substring(0, Math.min(label.length(), 200)), bytes,
				this.clock.instant());
	}

	private FetchedDocument fetchUrl(String connector, String location) {
		HttpRequest request;
		try {
			request = HttpRequest.newBuilder(URI.create(location))
				.timeout(this.timeout)
				.header("Accept", "application/json")
				.header("User-Agent", "Lodestone inbox connector")
				.GET()
				.build();
		}
		catch (IllegalArgumentException ex) {
			throw new ConnectorException(connector, "not a URL: " + location, ex);
		}
		try {
			HttpResponse<InputStream> response = this.client.send(request, HttpResponse.BodyHandlers.ofInputStream());
			try (InputStream body = response.body()) {
				if (response.statusCode() != 200) {
					throw new ConnectorException(connector,
							location + " answered HTTP " + response.statusCode() + " instead of 200");
				}
				long declared = response.headers().firstValueAsLong("Content-Length").orElse(-1);
				if (declared > this.maxBytes) {
					throw new ConnectorException(connector, location + " declares " + declared
							+ " bytes, more than the " + this.maxBytes + " allowed");
				}
				byte[] bytes = body.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, this.maxBytes + 1));
				if (bytes.length > this.maxBytes) {
					throw new ConnectorException(connector,
							location + " sent more than the " + this.maxBytes + " bytes allowed");
				}
				return FetchedDocument.of(location, bytes, this.clock.instant());
			}
		}
		catch (IOException ex) {
			throw new ConnectorException(connector, "cannot fetch " + location + ": " + ex.getMessage(), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new ConnectorException(connector, "interrupted while fetching " + location, ex);
		}
	}

}
