package org.pipelinetracker.project.api;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A document of the project was kept (or, for a {@code documentId} kept before, replaced): where it comes from
 * ({@code source}), its {@code url}, its title and description in each language (language tag → text, in the order
 * published; either may be empty), its IANA media type ({@code format}, may be null), its IATI DocumentCategory codes,
 * the ISO 639-1 languages it is written in and its date ({@code documentDate}, may be null). Effective from
 * {@code linkedOn}.
 */
public record DocumentLinkedEvent(ProjectId projectId, String documentId, DocumentSource source, String url,
		Map<String, String> titles, Map<String, String> descriptions, String format, List<String> categories,
		List<String> languages, LocalDate documentDate, LocalDate linkedOn) implements ProjectEvent {

	@Override
	public LocalDate effectiveDate() {
		return linkedOn;
	}
}
