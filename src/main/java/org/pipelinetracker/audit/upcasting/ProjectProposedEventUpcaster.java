package org.pipelinetracker.audit.upcasting;

import org.pipelinetracker.project.api.ContentLanguage;
import org.pipelinetracker.project.api.ProjectProposedEvent;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code ProjectProposedEvent} without a revision → revision "2".
 * <p>
 * The change: a project's title and description are recorded with their language, and the proposal carries the
 * language of its texts ({@code language}, a BCP 47 tag). Every proposal stored before has no revision and no such
 * property; its texts were English (the only language the application had), so this upcaster adds
 * {@code "language": "en"}. A payload that has a {@code language} keeps it. Every other property is unchanged;
 * revision "2" payloads are not touched, and the stored bytes never change (the hash chain covers them). Runs before
 * {@link ProposedPartnersUpcaster}, which takes revision "2" to "3".
 */
@Component
@Order(ProjectProposedEventUpcaster.ORDER)
class ProjectProposedEventUpcaster extends RevisionStepUpcaster {

	static final int ORDER = 100;

	static final String PAYLOAD_TYPE = ProjectProposedEvent.class.getName();
	static final String TO_REVISION = "2";
	static final String LANGUAGE = "language";

	ProjectProposedEventUpcaster() {
		super(PAYLOAD_TYPE, null, TO_REVISION);
	}

	@Override
	ObjectNode upcast(ObjectNode payload) {
		if (!payload.hasNonNull(LANGUAGE)) {
			payload.put(LANGUAGE, ContentLanguage.DEFAULT);
		}
		return payload;
	}
}
