package org.pipelinetracker.audit.upcasting;

import org.pipelinetracker.project.api.AgreementSignedEvent;
import org.springframework.stereotype.Component;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code AgreementSignedEvent} without a revision → revision "2".
 * <p>
 * The change: a project keeps its documents, and an agreement may name the one that is its text ({@code documentId}).
 * Every agreement stored before has no revision and no such property, and names no document: this upcaster adds
 * {@code "documentId": null}. Every other property is unchanged; revision "2" payloads are not touched, and the stored
 * bytes never change (the hash chain covers them).
 */
@Component
class AgreementSignedEventUpcaster extends RevisionStepUpcaster {

	static final String PAYLOAD_TYPE = AgreementSignedEvent.class.getName();
	static final String TO_REVISION = "2";
	static final String DOCUMENT_ID = "documentId";

	AgreementSignedEventUpcaster() {
		super(PAYLOAD_TYPE, null, TO_REVISION);
	}

	@Override
	ObjectNode upcast(ObjectNode payload) {
		return withNullIfAbsent(payload, DOCUMENT_ID);
	}
}
