package org.pipelinetracker.iati.imports;

import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.servlet.http.HttpServletRequest;
import org.pipelinetracker.kernel.AuditContext;
import org.pipelinetracker.kernel.InvalidRequestException;
import org.pipelinetracker.http.Problems;
import org.pipelinetracker.http.Problems.Kind;
import org.pipelinetracker.http.Problem;
import org.pipelinetracker.kernel.FieldViolation;
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
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.Principal;
import java.util.List;

/**
 * {@code POST /api/import/iati}: an IATI activity file as the body ({@code application/xml}, {@code text/xml};
 * streamed to a temporary file, never held in memory, since the import reads it twice: to check it, then to import
 * it) or as the part {@code file} of a {@code multipart/form-data} upload. Answers the {@link ImportReport}; a file
 * refused whole is a 400 problem naming the line and column ({@link IatiFileRefusedException}), nothing imported.
 * {@code GET /api/import/iati/progress} shows the running (or last) import.
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
		Path spooled = Files.createTempFile("iati-import-", ".xml");
		try {
			CountingStream in = new CountingStream(request.getInputStream(), maxBytes);
			try (in) {
				Files.copy(in, spooled, StandardCopyOption.REPLACE_EXISTING);
			}
			catch (IOException e) {
				if (in.exceeded()) {
					throw new ImportTooLargeException(maxBytes);
				}
				throw e;
			}
			long size = Files.size(spooled);
			return importer.importFile(() -> Files.newInputStream(spooled), fileName, audit, size, maxBytes);
		}
		finally {
			Files.deleteIfExists(spooled);
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
		return importer.importFile(file::getInputStream, file.getOriginalFilename(), audit, file.getSize(), maxBytes);
	}

	@GetMapping("/progress")
	ImportProgress progress() {
		return importer.progress();
	}

	/** A file refused whole: 400, the field {@code file}, with the line and column where it went wrong. */
	@ExceptionHandler(IatiFileRefusedException.class)
	ResponseEntity<ProblemDetail> refused(IatiFileRefusedException e) {
		Problem problem = Problems.invalid(List.of(new FieldViolation("file", e.reason())));
		if (e.line() != null) {
			problem = problem.with("line", e.line());
		}
		if (e.column() != null) {
			problem = problem.with("column", e.column());
		}
		return problem.response();
	}

	@ExceptionHandler(ImportTooLargeException.class)
	ResponseEntity<ProblemDetail> tooLarge(ImportTooLargeException e) {
		return Problems.of(Kind.FILE_TOO_LARGE, e.getMessage()).response();
	}
}
