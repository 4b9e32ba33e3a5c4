package org.pipelinetracker.audit.upcasting;

import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;
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
class AgreementSignedEventUpcaster extends SingleEventUpcaster {

	static final String PAYLOAD_TYPE = AgreementSignedEvent.class.getName();
	static final String TO_REVISION = "2";
	static final String DOCUMENT_ID = "documentId";

	@Override
	protected boolean canUpcast(IntermediateEventRepresentation representation) {
		return PAYLOAD_TYPE.equals(representation.getType().getName())
				&& representation.getType().getRevision() == null;
	}

	@Override
	protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
		return representation.upcastPayload(new SimpleSerializedType(PAYLOAD_TYPE, TO_REVISION), ObjectNode.class,
				payload -> {
					if (!payload.has(DOCUMENT_ID)) {
						payload.putNull(DOCUMENT_ID);
					}
					return payload;
				});
	}
}
