package org.lodestone.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * Sends one request exactly as written, over a plain socket, and reads what comes back: for the headers a browser
 * page controls and Java's HTTP client refuses to set ({@code Host}, {@code Origin}, {@code Upgrade}).
 */
public final class RawHttp {

	private RawHttp() {
	}

	/**
	 * @param port a loopback port
	 * @param request the whole request, lines ending in CRLF, ending with an empty line
	 * @return the response's first 16 KB, or what came before the server closed the connection
	 * @throws IOException when the connection fails
	 */
	public static String exchange(int port, String request) throws IOException {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
			socket.setSoTimeout(5000);
			OutputStream out = socket.getOutputStream();
			out.write(request.getBytes(StandardCharsets.ISO_8859_1));
			out.flush();
			InputStream in = socket.getInputStream();
			ByteArrayOutputStream read = new ByteArrayOutputStream();
			byte[] buffer = new byte[4096];
			try {
				int n;
				while (read.size() < 16_384 && (n = in.read(buffer)) > 0) {
					read.write(buffer, 0, n);
					String text = read.toString(StandardCharsets.ISO_8859_1);
					if (complete(text)) {
						break;
					}
				}
			}
			catch (java.net.SocketTimeoutException ex) {
				// the server kept the connection open; what arrived is the answer
			}
			return read.toString(StandardCharsets.ISO_8859_1);
		}
	}

	// The server may keep the connection open (a 101, or a refusal before the declared body was sent): stop at the end
	// of the headers and of the body their Content-Length announces.
	private static boolean complete(String text) {
		int end = text.indexOf("\r\n\r\n");
		if (end < 0) {
			return false;
		}
		if (text.startsWith("HTTP/1.1 101")) {
			return true;
		}
		for (String line : text.substring(0, end).split("\r\n")) {
			if (line.toLowerCase(java.util.Locale.ROOT).startsWith("content-length:")) {
				long length = Long.parseLong(line.substring(15).strip());
				return text.length() - end - 4 >= length;
			}
		}
		return false;
	}

	/**
	 * @param response a raw response
	 * @return its status code
	 */
	public static int status(String response) {
		if (!response.startsWith("HTTP/1.")) {
			throw new AssertionError("Not an HTTP response: " + response);
		}
		return Integer.parseInt(response.substring(9, 12));
	}

}
