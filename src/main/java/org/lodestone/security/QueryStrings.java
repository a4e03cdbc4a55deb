package org.lodestone.security;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Whether a raw query string decodes: every {@code %} starts two hex digits, and the bytes they and the plain
 * characters make are well-formed UTF-8.
 */
final class QueryStrings {

	private QueryStrings() {
	}

	/**
	 * @param raw the query string as received, or {@code null}
	 * @return whether it decodes; no query string does
	 */
	static boolean decodable(String raw) {
		if (raw == null || raw.indexOf('%') < 0) {
			return true;
		}
		ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
		for (int i = 0; i < raw.length(); i++) {
			char c = raw.charAt(i);
			if (c == '%') {
				if (i + 2 >= raw.length()) {
					return false;
				}
				int high = Character.digit(raw.charAt(i + 1), 16);
				int low = Character.digit(raw.charAt(i + 2), 16);
				if (high < 0 || low < 0) {
					return false;
				}
				bytes.write(high * 16 + low);
				i += 2;
			}
			else {
				byte[] plain = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
				bytes.write(plain, 0, plain.length);
			}
		}
		try {
			StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(bytes.toByteArray()));
			return true;
		}
		catch (CharacterCodingException ex) {
			return false;
		}
	}

}
