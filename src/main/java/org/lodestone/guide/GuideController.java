package org.lodestone.guide;

import java.nio.charset.StandardCharsets;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Serves the Neo4j Browser guide: {@code :play http://localhost:8080/guide}. Browser fetches it from its own origin,
 * so {@link GuideCorsConfiguration} allows Browser's origins on this path.
 */
@RestController
class GuideController {

	static final MediaType HTML = new MediaType("text", "html", StandardCharsets.UTF_8);

	private final Guide guide;

	GuideController(Guide guide) {
		this.guide = guide;
	}

	@GetMapping(path = "/guide", produces = MediaType.TEXT_HTML_VALUE)
	ResponseEntity<String> guide() {
		String appUrl = ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString();
		return ResponseEntity.ok().contentType(HTML).cacheControl(CacheControl.noCache()).body(this.guide.html(appUrl));
	}

}
