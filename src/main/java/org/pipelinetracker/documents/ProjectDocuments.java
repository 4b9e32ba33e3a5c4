package org.pipelinetracker.documents;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.pipelinetracker.http.Problems;
import org.pipelinetracker.http.Problems.Kind;
import org.pipelinetracker.project.api.DocumentAttachedEvent;
import org.pipelinetracker.project.api.DocumentLinkedEvent;
import org.pipelinetracker.project.api.DocumentSource;
import org.pipelinetracker.project.api.ProjectId;
import org.springframework.stereotype.Service;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The documents of a project, read from its events (every {@link DocumentLinkedEvent} and
 * {@link DocumentAttachedEvent}, as the last one for each id left it), so a list is always as current as the project
 * itself on every node. Uploads are linked into versions through {@code supersedes}.
 */
@Service
class ProjectDocuments {

	private final EventStore events;

	ProjectDocuments(EventStore events) {
		this.events = events;
	}

	/** Every document of the project, in the order first recorded; 404 problem when there is no such project. */
	List<DocumentEntry> list(String projectId) {
		if (!ProjectId.isValid(projectId)) {
			throw Problems.of(Kind.PROJECT_NOT_FOUND, projectId).exception();
		}
		Map<String, DocumentEntry> documents = new LinkedHashMap<>();
		boolean found = false;
		DomainEventStream stream = events.readEvents(projectId, 0);
		while (stream.hasNext()) {
			DomainEventMessage<?> message = stream.next();
			found = true;
			Object payload = message.getPayload();
			if (payload instanceof DocumentLinkedEvent e) {
				documents.put(e.documentId(), new DocumentEntry(e.documentId(), e.source(), e.url(), e.titles(),
						e.categories(), e.languages(), e.documentDate(), e.format(), null, null, null, null, null,
						null, List.of(e.documentId()), null, message.getTimestamp()));
			}
			else if (payload instanceof DocumentAttachedEvent e) {
				documents.put(e.documentId(), new DocumentEntry(e.documentId(), DocumentSource.UPLOAD, null,
						e.title() == null ? Map.of() : Map.of(e.language() == null ? "und" : e.language(), e.title()),
						e.category() == null ? List.of() : List.of(e.category()),
						e.language() == null ? List.of() : List.of(e.language()), e.documentDate(), e.mediaType(),
						e.sha256(), e.size(), e.fileName(), e.attachedTo(), e.supersedes(), null, List.of(),
						"/api/projects/" + projectId + "/documents/" + e.documentId() + "/content",
						message.getTimestamp()));
			}
		}
		if (!found) {
			throw Problems.of(Kind.PROJECT_NOT_FOUND, projectId).exception();
		}
		return withVersions(documents);
	}

	/** The document, if the project has one with this id. */
	Optional<DocumentEntry> find(String projectId, String documentId) {
		return list(projectId).stream().filter(d -> d.documentId().equals(documentId)).findFirst();
	}

	/** Each document with the chain of versions it belongs to, oldest first, and the version after it. */
	private static List<DocumentEntry> withVersions(Map<String, DocumentEntry> documents) {
		Map<String, String> newer = new HashMap<>();
		documents.values().stream().filter(d -> d.supersedes() != null)
				.forEach(d -> newer.putIfAbsent(d.supersedes(), d.documentId()));
		List<DocumentEntry> result = new ArrayList<>();
		for (DocumentEntry d : documents.values()) {
			String first = d.documentId();
			while (documents.containsKey(first) && documents.get(first).supersedes() != null
					&& documents.containsKey(documents.get(first).supersedes())) {
				first = documents.get(first).supersedes();
			}
			List<String> versions = new ArrayList<>();
			for (String id = first; id != null && versions.size() <= documents.size(); id = newer.get(id)) {
				versions.add(id);
			}
			result.add(d.versioned(newer.get(d.documentId()), List.copyOf(versions)));
		}
		return result;
	}
}
