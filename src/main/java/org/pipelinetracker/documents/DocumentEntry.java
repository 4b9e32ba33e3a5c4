package org.pipelinetracker.documents;

import org.pipelinetracker.project.api.DocumentAttachment;
import org.pipelinetracker.project.api.DocumentSource;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A document of a project, as {@code GET /api/projects/{id}/documents} lists it: an IATI link ({@code url}, titles
 * in each language) or an uploaded file ({@code sha256}, {@code size}, {@code mediaType}, {@code fileName},
 * {@code contentUrl}). {@code versions}: the ids of every version of the same document, oldest first (this one
 * among them); {@code supersedes}/{@code supersededBy}: the version before and after it (null when none).
 */
record DocumentEntry(String documentId, DocumentSource source, String url, Map<String, String> titles,
		List<String> categories, List<String> languages, LocalDate documentDate, String mediaType, String sha256,
		Long size, String fileName, DocumentAttachment attachedTo, String supersedes, String supersededBy,
		List<String> versions, String contentUrl, Instant recordedAt) {

	DocumentEntry versioned(String newer, List<String> allVersions) {
		return new DocumentEntry(documentId, source, url, titles, categories, languages, documentDate, mediaType,
				sha256, size, fileName, attachedTo, supersedes, newer, allVersions, contentUrl, recordedAt);
	}
}
