package org.lodestone.request;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Limits on what one request may send or get, so oversized or deeply nested input is refused quickly (413 or 400)
 * instead of taking memory or time. Upload sizes are {@code lodestone.import.max-file-size} and Spring's
 * {@code spring.servlet.multipart.*}.
 *
 * @param maxJsonBody the largest JSON (or other non-multipart) request body; a larger declared length gives 413,
 * a larger streamed body 400
 * @param maxJsonDepth the deepest nesting of JSON arrays and objects in a request body
 * @param maxJsonStringLength the longest string value in a JSON request body, in characters
 * @param maxJsonTokens the most tokens (values, names, brackets) in one JSON request body
 * @param maxExportElementsAnonymous the most nodes plus relationships an export may contain when the request carries
 * no credential; larger exports need a READ credential (read by {@code GET /api/export})
 */
@ConfigurationProperties("lodestone.limits")
public record RequestLimits(
		@DefaultValue("1MB") DataSize maxJsonBody,
		@DefaultValue("32") int maxJsonDepth,
		@DefaultValue("100000") int maxJsonStringLength,
		@DefaultValue("100000") long maxJsonTokens,
		@DefaultValue("10000") int maxExportElementsAnonymous) {
}
