package org.pipelinetracker.project.api;

import java.time.LocalDate;

/**
 * A file was uploaded to the project as document {@code documentId} ({@link DocumentSource#UPLOAD}): its content's
 * SHA-256 (lower-case hex; the stored bytes are kept under it), size in bytes, media type detected from the bytes,
 * safe file name, title, IATI DocumentCategory code, ISO 639-1 language, date, what it is evidence of and the document
 * it supersedes (each of the last five may be null). Being an event, all of it is covered by the hash chain, so a
 * stored file changed later no longer matches the hash recorded here. Effective from {@code attachedOn}.
 */
public record DocumentAttachedEvent(ProjectId projectId, String documentId, String sha256, long size,
		String mediaType, String fileName, String title, String category, String language, LocalDate documentDate,
		DocumentAttachment attachedTo, String supersedes, LocalDate attachedOn) implements ProjectEvent {

	@Override
	public LocalDate effectiveDate() {
		return attachedOn;
	}
}
