package org.pipelinetracker.documents;

import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.pipelinetracker.http.Problems;
import org.pipelinetracker.http.Problems.Kind;
import org.pipelinetracker.kernel.AuditContext;
import org.pipelinetracker.kernel.InvalidRequestException;
import org.pipelinetracker.kernel.Text;
import org.pipelinetracker.kernel.Violations;
import org.pipelinetracker.project.api.AttachDocumentCommand;
import org.pipelinetracker.project.api.ContentLanguage;
import org.pipelinetracker.project.api.DocumentAttachment;
import org.pipelinetracker.project.api.ProjectId;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.unit.DataSize;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Use case: upload a document to a project. The file is read as a stream four times from where the server keeps the
 * multipart upload (hash and size, media type, storing), never held whole in memory here. The content row, the
 * reference to it and the event are written in ONE transaction: a refused command leaves nothing behind (the command
 * bus joins the transaction, so the event store, {@code document_content} and {@code document_file} commit or roll
 * back together). A content already stored under the same hash is not stored again.
 */
@Service
class DocumentUploads {

	/** The fields of the upload form, as sent (each may be null or blank). */
	record UploadForm(String title, String category, String language, String documentDate, String attachedTo,
			String supersedes) {
	}

	/** What an upload answers: the new document, its content's hash, size and type, and the project's version. */
	record Uploaded(String projectId, String documentId, long version, String sha256, long size, String mediaType,
			String fileName, String contentUrl) {
	}

	static final int MAX_TITLE = 500;
	private static final Pattern CATEGORY = Pattern.compile("A(0[1-9]|1[0-2])|B(0[1-9]|1[0-8])");
	private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._/:-]{0,199}");

	private final DocumentContents contents;
	private final CommandGateway commands;
	private final TransactionTemplate transactions;
	private final Clock clock;
	private final long maxSize;

	DocumentUploads(DocumentContents contents, CommandGateway commands, PlatformTransactionManager transactions,
			Clock clock, @Value("${tracker.documents.max-size:50MB}") DataSize maxSize) {
		this.contents = contents;
		this.commands = commands;
		this.transactions = new TransactionTemplate(transactions);
		this.clock = clock;
		this.maxSize = maxSize.toBytes();
	}

	long maxSize() {
		return maxSize;
	}

	Uploaded upload(String projectId, MultipartFile file, UploadForm form, AuditContext audit) {
		if (!ProjectId.isValid(projectId)) {
			throw new AggregateNotFoundException(String.valueOf(projectId), "no project " + projectId);
		}
		Violations v = new Violations();
		String title = blankToNull(form.title());
		v.check(title == null || title.length() <= MAX_TITLE, "title",
				Text.of("problem.document.title").with("max", MAX_TITLE));
		String category = blankToNull(form.category());
		v.check(category == null || CATEGORY.matcher(category.toUpperCase(Locale.ROOT)).matches(), "category",
				Text.of("problem.field.documentCategory"));
		String language = blankToNull(form.language());
		if (language != null) {
			String canonical = ContentLanguage.canonical(language).orElse(null);
			v.check(canonical != null, "language", Text.of("problem.field.languageTag").with("tag", language)
					.with("examples", ContentLanguage.EXAMPLES));
			language = canonical;
		}
		LocalDate documentDate = date(v, form.documentDate());
		DocumentAttachment attachedTo = attachment(v, form.attachedTo());
		String supersedes = blankToNull(form.supersedes());
		v.check(supersedes == null || ID.matcher(supersedes).matches(), "supersedes",
				Text.of("problem.document.id"));
		v.throwIfAny();

		String fileName = SafeFileName.of(file.getOriginalFilename());
		Sha256.Digest digest = digest(file);
		if (digest.size() > maxSize) {
			throw Problems.of(Kind.FILE_TOO_LARGE, Text.of("problem.document.tooLarge").with("limit", maxSize))
					.with("limit", maxSize).exception();
		}
		if (digest.size() == 0) {
			throw InvalidRequestException.of("file", Text.of("problem.document.empty"));
		}
		String mediaType = mediaType(file, fileName);
		if (!MediaTypePolicy.accepts(mediaType)) {
			throw InvalidRequestException.of("file", Text.of("problem.document.type").with("mediaType", mediaType));
		}
		String documentId = "doc-" + UUID.randomUUID();
		AttachDocumentCommand command = new AttachDocumentCommand(ProjectId.of(projectId), documentId, digest.hex(),
				digest.size(), mediaType, fileName, title, category == null ? null : category.toUpperCase(Locale.ROOT),
				language, documentDate, attachedTo, supersedes, LocalDate.now(clock));
		Object version = transactions.execute(status -> {
			if (!contents.exists(digest.hex())) {
				try (InputStream in = file.getInputStream()) {
					contents.insert(digest.hex(), digest.size(), mediaType, in);
				}
				catch (IOException e) {
					throw new UncheckedIOException(e);
				}
			}
			contents.reference(projectId, documentId, digest.hex());
			return commands.sendAndWait(GenericCommandMessage.asCommandMessage(command)
					.andMetaData(audit.toMetaData()));
		});
		return new Uploaded(projectId, documentId, ((Number) version).longValue(), digest.hex(), digest.size(),
				mediaType, fileName, "/api/projects/" + projectId + "/documents/" + documentId + "/content");
	}

	private Sha256.Digest digest(MultipartFile file) {
		try (InputStream in = file.getInputStream()) {
			return Sha256.of(in, null, maxSize);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private static String mediaType(MultipartFile file, String fileName) {
		try {
			return MediaTypePolicy.detect(file::getInputStream, fileName);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private static LocalDate date(Violations v, String text) {
		String value = blankToNull(text);
		if (value == null) {
			return null;
		}
		try {
			return LocalDate.parse(value);
		}
		catch (DateTimeParseException e) {
			v.add("documentDate", Text.of("problem.document.date").with("value", value));
			return null;
		}
	}

	/** {@code KIND:id}, e.g. {@code FUNDING:EDCF-1} or {@code DISBURSEMENT:EDCF-1/2024-05-01}. */
	private static DocumentAttachment attachment(Violations v, String text) {
		String value = blankToNull(text);
		if (value == null) {
			return null;
		}
		int colon = value.indexOf(':');
		DocumentAttachment.Kind kind = null;
		if (colon > 0) {
			try {
				kind = DocumentAttachment.Kind.valueOf(value.substring(0, colon).trim().toUpperCase(Locale.ROOT));
			}
			catch (IllegalArgumentException e) {
				kind = null;
			}
		}
		String id = colon > 0 ? value.substring(colon + 1).trim() : "";
		if (kind == null || !ID.matcher(id).matches()) {
			v.add("attachedTo", Text.of("problem.document.attachedTo"));
			return null;
		}
		return new DocumentAttachment(kind, id);
	}

	private static String blankToNull(String s) {
		return s == null || s.isBlank() ? null : s.strip();
	}
}
