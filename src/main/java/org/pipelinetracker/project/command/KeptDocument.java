package org.pipelinetracker.project.command;

import org.pipelinetracker.project.api.DocumentAttachedEvent;
import org.pipelinetracker.project.api.DocumentLinkedEvent;
import org.pipelinetracker.project.api.DocumentSource;
import org.pipelinetracker.project.api.LinkDocumentCommand;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** What the project keeps of a document, to tell whether linking it again changes anything. Part of the snapshot. */
record KeptDocument(DocumentSource source, String url, Map<String, String> titles, Map<String, String> descriptions,
		String format, List<String> categories, List<String> languages, LocalDate documentDate) {

	static KeptDocument of(DocumentLinkedEvent e) {
		return new KeptDocument(e.source(), e.url(), e.titles(), e.descriptions(), e.format(), e.categories(),
				e.languages(), e.documentDate());
	}

	/** An uploaded file: no URL; its title in its language (when both are known), its media type and category. */
	static KeptDocument of(DocumentAttachedEvent e) {
		Map<String, String> titles = e.title() == null ? Map.of()
				: Map.of(e.language() == null ? "" : e.language(), e.title());
		return new KeptDocument(DocumentSource.UPLOAD, null, titles, Map.of(), e.mediaType(),
				e.category() == null ? List.of() : List.of(e.category()),
				e.language() == null ? List.of() : List.of(e.language()), e.documentDate());
	}

	static KeptDocument of(LinkDocumentCommand c) {
		return new KeptDocument(c.source(), c.url(), c.titles(), c.descriptions(), c.format(), c.categories(),
				c.languages(), c.documentDate());
	}
}
