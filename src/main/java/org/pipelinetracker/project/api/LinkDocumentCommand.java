package org.pipelinetracker.project.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Keeps a document of the project: a link ({@code url}) with its title and description in each language (language
 * tag → text, in the order published), its IANA media type ({@code format}), its IATI DocumentCategory codes, the
 * ISO 639-1 languages it is written in and its date, effective from {@code linkedOn}. Linking the same
 * {@code documentId} again replaces what is kept of it.
 */
public record LinkDocumentCommand(@TargetAggregateIdentifier ProjectId projectId, String documentId,
		DocumentSource source, String url, Map<String, String> titles, Map<String, String> descriptions, String format,
		List<String> categories, List<String> languages, LocalDate documentDate, LocalDate linkedOn) {
}
