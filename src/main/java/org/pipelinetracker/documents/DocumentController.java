package org.pipelinetracker.documents;

import org.pipelinetracker.http.Problems;
import org.pipelinetracker.http.Problems.Kind;
import org.pipelinetracker.kernel.AuditContext;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Principal;
import java.util.List;
import java.util.Optional;

/**
 * {@code /api/projects/{id}/documents}: upload a file (multipart, the file in {@code file}), list every document of
 * the project (IATI links and uploads together) and download an upload's bytes, checked against their hash first.
 */
@RestController
@RequestMapping(path = "/api/projects/{id}/documents")
class DocumentController {

	private final DocumentUploads uploads;
	private final ProjectDocuments documents;
	private final DocumentContents contents;

	DocumentController(DocumentUploads uploads, ProjectDocuments documents, DocumentContents contents) {
		this.uploads = uploads;
		this.documents = documents;
		this.contents = contents;
	}

	@PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Upload a document (multipart: the file in file, up to tracker.documents.max-size)")
	@ApiResponse(responseCode = "201", description = "Kept; Location names the file's content", useReturnTypeSchema = true)
	ResponseEntity<DocumentUploads.Uploaded> upload(@PathVariable String id, @RequestPart("file") MultipartFile file,
			@RequestParam(required = false) String title, @RequestParam(required = false) String category,
			@RequestParam(required = false) String language, @RequestParam(required = false) String documentDate,
			@RequestParam(required = false) String attachedTo, @RequestParam(required = false) String supersedes,
			Principal principal) {
		DocumentUploads.Uploaded uploaded = uploads.upload(id, file,
				new DocumentUploads.UploadForm(title, category, language, documentDate, attachedTo, supersedes),
				AuditContext.of(principal));
		return ResponseEntity.created(URI.create(uploaded.contentUrl())).body(uploaded);
	}

	@GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
	List<DocumentEntry> list(@PathVariable String id) {
		return documents.list(id);
	}

	/**
	 * The stored bytes, copied to a temporary file while their hash is computed: bytes that fail the hash the event
	 * recorded are never sent (409 problem naming both hashes); bytes that pass are streamed from the copy.
	 */
	@GetMapping("/{documentId}/content")
	@Operation(summary = "An uploaded document's bytes, served only while they match the hash its event recorded",
			responses = {
			@ApiResponse(responseCode = "200", description = "The file, in the media type detected when it was "
					+ "uploaded; Content-Disposition attachment, X-Content-Type-Options nosniff, ETag its SHA-256",
					content = {
					@Content(mediaType = "application/pdf", schema = @Schema(type = "string", format = "binary")),
					@Content(mediaType = "image/png", schema = @Schema(type = "string", format = "binary")),
					@Content(mediaType = "image/jpeg", schema = @Schema(type = "string", format = "binary")),
					@Content(mediaType = "image/gif", schema = @Schema(type = "string", format = "binary")),
					@Content(mediaType = "image/webp", schema = @Schema(type = "string", format = "binary")),
					@Content(mediaType = "image/tiff", schema = @Schema(type = "string", format = "binary")),
					@Content(mediaType = "application/msword", schema = @Schema(type = "string", format = "binary")),
					@Content(mediaType = "application/vnd.ms-excel", schema = @Schema(type = "string", format = "binary")),
					@Content(mediaType = "application/vnd.ms-powerpoint", schema = @Schema(type = "string", format = "binary")),
					@Content(mediaType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document", schema = @Schema(type = "string", format = "binary")),
					@Content(mediaType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", schema = @Schema(type = "string", format = "binary")),
					@Content(mediaType = "application/vnd.openxmlformats-officedocument.presentationml.presentation", schema = @Schema(type = "string", format = "binary")),
					@Content(mediaType = "application/vnd.oasis.opendocument.text", schema = @Schema(type = "string", format = "binary")),
					@Content(mediaType = "application/vnd.oasis.opendocument.spreadsheet", schema = @Schema(type = "string", format = "binary")),
					@Content(mediaType = "application/vnd.oasis.opendocument.presentation", schema = @Schema(type = "string", format = "binary")),
					@Content(mediaType = "text/plain", schema = @Schema(type = "string", format = "binary")),
					@Content(mediaType = "text/csv", schema = @Schema(type = "string", format = "binary"))}),
			@ApiResponse(responseCode = "409", description = "The stored file fails its hash (expectedSha256, "
					+ "actualSha256): it is not served", content = @Content(mediaType = "application/problem+json"))})
	ResponseEntity<StreamingResponseBody> content(@PathVariable String id, @PathVariable String documentId)
			throws IOException {
		DocumentEntry document = documents.find(id, documentId).filter(d -> d.sha256() != null)
				.orElseThrow(() -> Problems.of(Kind.DOCUMENT_NOT_FOUND, id, documentId).exception());
		Path copy = Files.createTempFile("document-", ".bin");
		boolean served = false;
		try {
			Optional<Sha256.Digest> digest = contents.read(document.sha256(), in -> {
				try (OutputStream out = Files.newOutputStream(copy)) {
					return Sha256.of(in, out, Long.MAX_VALUE);
				}
			});
			String actual = digest.map(Sha256.Digest::hex).orElse(null);
			if (!document.sha256().equals(actual)) {
				throw Problems.of(Kind.STORED_FILE_FAILS_HASH, id, documentId, document.sha256(),
						actual == null ? "-" : actual).with("expectedSha256", document.sha256())
						.with("actualSha256", actual).exception();
			}
			StreamingResponseBody body = out -> {
				try (InputStream in = Files.newInputStream(copy)) {
					in.transferTo(out);
				}
				finally {
					Files.deleteIfExists(copy);
				}
			};
			served = true;
			return ResponseEntity.ok()
					.contentType(MediaType.parseMediaType(document.mediaType()))
					.contentLength(digest.get().size())
					.header(HttpHeaders.CONTENT_DISPOSITION, SafeFileName.contentDisposition(document.fileName()))
					.header("X-Content-Type-Options", "nosniff")
					.header(HttpHeaders.ETAG, "\"" + document.sha256() + "\"")
					.header(HttpHeaders.CACHE_CONTROL, "private, no-transform")
					.body(body);
		}
		catch (UncheckedIOException e) {
			throw e.getCause();
		}
		finally {
			if (!served) {
				Files.deleteIfExists(copy);
			}
		}
	}
}
