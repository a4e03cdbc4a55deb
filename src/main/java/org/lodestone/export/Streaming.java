package org.lodestone.export;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.function.Consumer;

import javax.xml.stream.XMLStreamException;

/**
 * Lets exporters write from inside a snapshot's visitor, whose {@link Consumer} cannot throw checked exceptions: a
 * failed write travels out as an {@link UncheckedIOException} and {@link #run} turns it back into the
 * {@link IOException} the exporter contract declares.
 */
final class Streaming {

	private Streaming() {
	}

	@FunctionalInterface
	interface Step<T> {

		void accept(T value) throws IOException, XMLStreamException;

	}

	@FunctionalInterface
	interface Walk {

		void run() throws IOException, XMLStreamException;

	}

	static <T> Consumer<T> each(Step<T> step) {
		return value -> {
			try {
				step.accept(value);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			catch (XMLStreamException ex) {
				throw new UncheckedIOException(new IOException("Writing XML failed: " + ex.getMessage(), ex));
			}
		};
	}

	static void run(Walk walk) throws IOException {
		try {
			walk.run();
		}
		catch (UncheckedIOException ex) {
			throw ex.getCause();
		}
		catch (XMLStreamException ex) {
			throw new IOException("Writing XML failed: " + ex.getMessage(), ex);
		}
	}

	/**
	 * @param text any text
	 * @return the text without the characters XML 1.0 cannot carry at all (most control characters), which a StAX
	 * writer would otherwise write through and make the document unreadable
	 */
	static String xmlSafe(String text) {
		StringBuilder safe = null;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			boolean allowed = c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c != 0xFFFE && c != 0xFFFF);
			if (!allowed && safe == null) {
				safe = new StringBuilder(text.substring(0, i));
			}
			if (safe != null && allowed) {
				safe.append(c);
			}
		}
		return (safe != null) ? safe.toString() : text;
	}

}
