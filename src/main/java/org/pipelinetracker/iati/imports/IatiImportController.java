package org.pipelinetracker.iati.imports;

import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.servlet.http.HttpServletRequest;
import org.pipelinetracker.kernel.AuditContext;
import org.pipelinetracker.kernel.InvalidRequestException;
import org.pipelinetracker.http.Problems;
import org.pipelinetracker.http.Problems.Kind;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.io.InputStream;
import java.security.Principal;

/**
 * {@code POST /api/import/iati}: an IATI activity file as the body ({@code application/xml}, {@code text/xml};
 * read as a stream, never buffered whole) or as the part {@code file} of a {@code multipart/form-data} upload.
 * Answers the {@link ImportReport}. {@code GET /api/import/iati/progress} shows the running (or last) import.
 */
@RestController
@RequestMapping(path = "/api/import/iati", produces = "application/json")
class IatiImportController {

	private final IatiImporter importer;
	private final long maxBytes;

	IatiImportController(IatiImporter importer, @Value("${tracker.iati.import.max-bytes:209715200}") long maxBytes) {
		this.importer = importer;
		this.maxBytes = maxBytes;
	}

	@PostMapping(consumes = {"application/xml", "text/xml"})
	@io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, description = "An IATI activities file "
			+ "(XML) as the body, or as the part 'file' of a multipart form", content = {
					@Content(mediaType = "application/xml", schema = @Schema(type = "string")),
					@Content(mediaType = "text/xml", schema = @Schema(type = "string"))})
	ImportReport importBody(HttpServletRequest request,
			@RequestParam(name = "fileName", required = false) String fileName,
			Principal principal) throws IOException {
		AuditContext audit = AuditContext.of(principal);
		long length = request.getContentLengthLong();
		if (maxBytes > 0 && length > maxBytes) {
			throw new ImportTooLargeException(maxBytes);
		}
		try (InputStream in = request.getInputStream()) {
			return importer.importFile(in, fileName, audit, length >= 0 ? length : null, maxBytes);
		}
	}

	@PostMapping(consumes = "multipart/form-data")
	ImportReport importUpload(@RequestPart(name = "file", required = false) MultipartFile file,
			Principal principal) throws IOException {
		AuditContext audit = AuditContext.of(principal);
		if (file == null || file.isEmpty()) {
			throw InvalidRequestException.of("file", "a non-empty part named 'file' is required");
		}
		if (maxBytes > 0 && file.getSize() > maxBytes) {
			throw new ImportTooLargeException(maxBytes);
		}
		try (InputStream in = file.getInputStream()) {
			return importer.importFile(in, file.getOriginalFilename(), audit, file.getSize(), maxBytes);
		}
	}

	@GetMapping("/progress")
	ImportProgress progress() {
		return importer.progress();
	}

	@ExceptionHandler(ImportTooLargeException.class)
	ResponseEntity<ProblemDetail> tooLarge(ImportTooLargeException e) {
		return Problems.of(Kind.FILE_TOO_LARGE, e.getMessage()).response();
	}
}
