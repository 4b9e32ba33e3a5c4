package org.pipelinetracker.fx;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.SchemaProperty;
import org.pipelinetracker.http.Problems;
import org.pipelinetracker.kernel.InvalidRequestException;
import org.pipelinetracker.kernel.Text;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.Principal;

/**
 * {@code POST /api/fx-rates/imports}: the Central Bank's daily rates uploaded as its JSON, in the body or as the
 * multipart field {@code file} (ADMIN); {@code POST /api/fx-rates/fetches}: the configured fetch, now (ADMIN).
 */
@RestController
@RequestMapping(path = "/api/fx-rates", produces = "application/json")
class FxImportController {

	static final String UPLOADED = "upload";

	private final ImportOfficialRates imports;
	private final CbuRatesFetch fetch;

	FxImportController(ImportOfficialRates imports, CbuRatesFetch fetch) {
		this.imports = imports;
		this.fetch = fetch;
	}

	/**
	 * @param name the file's name, kept as the rates' origin (default {@code upload})
	 */
	@PostMapping(path = "/imports", consumes = "application/json")
	@io.swagger.v3.oas.annotations.parameters.RequestBody(description = "The Central Bank's JSON: an array of its "
			+ "daily rates, as the body or as the part 'file' of a multipart form", content = {
					@Content(mediaType = "application/json", array = @ArraySchema(schema = @Schema(type = "object",
							additionalProperties = Schema.AdditionalPropertiesValue.TRUE))),
					@Content(mediaType = "multipart/form-data", schemaProperties = @SchemaProperty(name = "file",
							schema = @Schema(type = "string", format = "binary")))})
	ImportReport importJson(@RequestBody(required = false) byte[] body, @RequestParam(required = false) String name,
			Principal user) {
		if (body == null || body.length == 0) {
			throw InvalidRequestException.of("body", Text.of("problem.fx.import.noFile"));
		}
		return imports.run(body, origin(name, UPLOADED), user.getName(), LocaleContextHolder.getLocale());
	}

	@PostMapping(path = "/imports", consumes = "multipart/form-data")
	ImportReport importUpload(@RequestPart(name = "file", required = false) MultipartFile file, Principal user) {
		if (file == null || file.isEmpty()) {
			throw InvalidRequestException.of("file", Text.of("problem.fx.import.noFile"));
		}
		try {
			return imports.run(file.getBytes(), origin(file.getOriginalFilename(), UPLOADED), user.getName(),
					LocaleContextHolder.getLocale());
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** What a fetch did: the import's report, or why it failed (the rates in force are kept). */
	record FetchAnswer(boolean fetched, ImportReport report, String failure, CbuRatesFetch.Status status) {
	}

	/**
	 * The configured fetch, now: 200 with the import's report; 502 when the fetch failed (the rates in force are
	 * kept); 409 when no URL is configured.
	 */
	@PostMapping("/fetches")
	ResponseEntity<FetchAnswer> fetchNow() {
		if (!fetch.enabled()) {
			throw Problems.of(Problems.Kind.RULE_VIOLATED, Text.of("problem.fx.fetch.off")
					.with("property", "tracker.fx.cbu.url")).exception();
		}
		return fetch.fetchNow()
				.map(report -> ResponseEntity.ok(new FetchAnswer(true, report, null, fetch.status())))
				.orElseGet(() -> ResponseEntity.status(HttpStatus.BAD_GATEWAY)
						.body(new FetchAnswer(false, null, fetch.status().lastFailureReason(), fetch.status())));
	}

	private static String origin(String name, String fallback) {
		if (name == null || name.isBlank()) {
			return fallback;
		}
		String trimmed = name.strip();
		return trimmed.length() > 300 ? trimmed.substring(0, 300) : trimmed;
	}
}
