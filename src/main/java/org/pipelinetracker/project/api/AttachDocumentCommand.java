package org.pipelinetracker.project.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/**
 * Attaches an uploaded file to the project as document {@code documentId}: its content by SHA-256 ({@code sha256},
 * lower-case hex), {@code size} in bytes and the media type detected from its bytes, the file name it was uploaded
 * under (already made safe), its title, IATI DocumentCategory code, ISO 639-1 language and date (each may be null),
 * what it is evidence of ({@code attachedTo}, may be null) and the document it is a new version of
 * ({@code supersedes}, may be null; both stay). Effective from {@code attachedOn}.
 */
public record AttachDocumentCommand(@TargetAggregateIdentifier ProjectId projectId, String documentId, String sha256,
		long size, String mediaType, String fileName, String title, String category, String language,
		LocalDate documentDate, DocumentAttachment attachedTo, String supersedes, LocalDate attachedOn) {
}
