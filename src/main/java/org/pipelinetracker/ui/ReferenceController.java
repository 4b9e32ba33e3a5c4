package org.pipelinetracker.ui;

import org.pipelinetracker.reference.Codelists;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Duration;
import java.util.List;

/**
 * {@code GET /api/reference}: what the forms offer to choose from (the Uzbek regions, the DAC sector codes); the
 * server checks every value again when a form is sent.
 */
@RestController
class ReferenceController {

	private final Codelists codelists;

	ReferenceController(Codelists codelists) {
		this.codelists = codelists;
	}

	record Sector(String code, String name) {
	}

	record Reference(List<String> regions, List<Sector> sectors) {
	}

	@GetMapping(path = "/api/reference", produces = "application/json")
	ResponseEntity<Reference> reference() {
		List<Sector> sectors = codelists.sectors().entrySet().stream().map(e -> new Sector(e.getKey(), e.getValue()))
				.toList();
		return ResponseEntity.ok().cacheControl(CacheControl.maxAge(Duration.ofHours(1)).cachePrivate())
				.body(new Reference(codelists.uzbekRegions(), sectors));
	}
}
