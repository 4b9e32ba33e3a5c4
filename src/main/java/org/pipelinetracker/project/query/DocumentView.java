package org.pipelinetracker.project.query;

import org.pipelinetracker.project.api.DocumentSource;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A document of the project as last kept: its id, where it comes from, its URL, title and description in each
 * language (language tag → text, in the order published), IANA media type, IATI DocumentCategory codes, the languages
 * it is written in, its date, and the agreements it is the text of ({@code agreementIds}).
 */
public record DocumentView(String documentId, DocumentSource source, String url, Map<String, String> titles,
		Map<String, String> descriptions, String format, List<String> categories, List<String> languages,
		LocalDate documentDate, List<String> agreementIds) {

	DocumentView withAgreement(String agreementId) {
		List<String> ids = new java.util.ArrayList<>(agreementIds);
		ids.add(agreementId);
		return new DocumentView(documentId, source, url, titles, descriptions, format, categories, languages,
				documentDate, List.copyOf(ids));
	}
}
