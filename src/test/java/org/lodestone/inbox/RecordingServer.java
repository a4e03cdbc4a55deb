package org.lodestone.inbox;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;

import com.sun.net.httpserver.HttpServer;

/**
 * A local HTTP server on the loopback interface that serves recorded documents (and broken variants of them) to the
 * connector tests, as the real source would over the network: the connectors fetch through their own
 * {@link DocumentFetcher}, so nothing in the fetch is bypassed.
 */
final class RecordingServer implements AutoCloseable {

	private final HttpServer server;

	private final String contentType;

	/**
	 * @param contentType the {@code Content-Type} every document is served with
	 */
	RecordingServer(String contentType) {
		this.contentType = contentType;
		try {
			this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * @param path where to serve it
	 * @param status the HTTP status
	 * @param body the bytes, none for an empty body
	 * @return this server
	 */
	RecordingServer serve(String path, int status, byte[] body) {
		this.server.createContext(path, exchange -> {
			exchange.getResponseHeaders().add("Content-Type", this.contentType);
			exchange.sendResponseHeaders(status, (body.length == 0) ? -1 : body.length);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(body);
			}
		});
		return this;
	}

	/**
	 * Starts serving what was added.
	 * @return this server
	 */
	RecordingServer start() {
		this.server.start();
		return this;
	}

	/**
	 * @param path a served path
	 * @return its URL on this server
	 */
	String url(String path) {
		return "http://127.0.0.1:" + this.server.getAddress().getPort() + path;
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

}
