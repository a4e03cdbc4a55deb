package org.lodestone.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP listener on a free loopback port that counts the connections it receives, to prove that a query never
 * reached out (SSRF): put its {@link #url(String)} in a {@code LOAD CSV} and expect {@link #connections()} to be 0.
 */
public final class LoopbackListener implements AutoCloseable {

	private final ServerSocket socket;

	private final AtomicInteger connections = new AtomicInteger();

	private final Thread acceptor;

	public LoopbackListener() {
		try {
			this.socket = new ServerSocket();
			this.socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		this.acceptor = new Thread(() -> {
			while (!this.socket.isClosed()) {
				try (Socket client = this.socket.accept()) {
					this.connections.incrementAndGet();
					client.getOutputStream()
						.write("HTTP/1.0 200 OK\r\nContent-Type: text/csv\r\n\r\nprobe\n".getBytes());
				}
				catch (IOException ex) {
					// closed
				}
			}
		}, "loopback-listener");
		this.acceptor.setDaemon(true);
		this.acceptor.start();
	}

	public int port() {
		return this.socket.getLocalPort();
	}

	public String url(String path) {
		return "http://127.0.0.1:" + port() + path;
	}

	public int connections() {
		return this.connections.get();
	}

	@Override
	public void close() {
		try {
			this.socket.close();
		}
		catch (IOException ex) {
			// nothing to do
		}
	}

}
