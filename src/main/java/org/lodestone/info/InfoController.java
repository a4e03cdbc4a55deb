package org.lodestone.info;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/info")
class InfoController {

	private final InfoService info;

	InfoController(InfoService info) {
		this.info = info;
	}

	@GetMapping
	ApplicationInfo info() {
		return this.info.info();
	}

}
