package org.lodestone.support;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Ports nobody listens on, so tests never collide with a running Lodestone or with each other.
 * <p>
 * The ports come from below Linux's ephemeral range (32768 and up). A port the kernel hands out with {@code bind(0)}
 * is an ephemeral one, which any outgoing connection of the suite (thousands of them) may take as its local port
 * between the moment a test picks it and the moment the engine binds it; that made the engine's start fail now and
 * then in CI. No port is handed out twice in one JVM: a forked process or an engine still starting has not bound
 * its ports yet, so a bind check alone would pass the same port to the next one.
 */
public final class FreePorts {

	private static final int LOWEST = 20_000;

	private static final int HIGHEST = 32_000;

	private static final Set<Integer> handedOut = ConcurrentHashMap.newKeySet();

	private FreePorts() {
	}

	public static int next() {
		for (int attempt = 0; attempt < 1_000; attempt++) {
			int port = ThreadLocalRandom.current().nextInt(LOWEST, HIGHEST);
			if (!handedOut.contains(port) && bindable(port) && handedOut.add(port)) {
				return port;
			}
		}
		throw new IllegalStateException("No free port between " + LOWEST + " and " + HIGHEST);
	}

	// Without SO_REUSEADDR, so a port with connections still in TIME_WAIT counts as taken too.
	private static boolean bindable(int port) {
		try (ServerSocket socket = new ServerSocket()) {
			socket.setReuseAddress(false);
			socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

}
