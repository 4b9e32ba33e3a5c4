package org.pipelinetracker.project.command;

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

	static KeptDocument of(LinkDocumentCommand c) {
		return new KeptDocument(c.source(), c.url(), c.titles(), c.descriptions(), c.format(), c.categories(),
				c.languages(), c.documentDate());
	}
}
