package org.pipelinetracker.audit.upcasting;

import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;
import tools.jackson.databind.node.ObjectNode;

import java.util.Objects;

/**
 * One step of an event's stored shape: payloads of {@code payloadType} at {@code fromRevision} (null: stored without a
 * revision) are read as {@code toRevision} after {@link #upcast} changed their JSON; every other payload is not
 * touched, and the stored bytes never change (the hash chain covers them).
 */
abstract class RevisionStepUpcaster extends SingleEventUpcaster {

	private final String payloadType;
	private final String fromRevision;
	private final String toRevision;

	RevisionStepUpcaster(String payloadType, String fromRevision, String toRevision) {
		this.payloadType = payloadType;
		this.fromRevision = fromRevision;
		this.toRevision = toRevision;
	}

	/** The payload in the next shape (it may be changed in place and returned). */
	abstract ObjectNode upcast(ObjectNode payload);

	/** Adds {@code property} as null where the payload lacks it; a present value stays. */
	static ObjectNode withNullIfAbsent(ObjectNode payload, String property) {
		if (!payload.has(property)) {
			payload.putNull(property);
		}
		return payload;
	}

	@Override
	protected boolean canUpcast(IntermediateEventRepresentation representation) {
		return payloadType.equals(representation.getType().getName())
				&& Objects.equals(fromRevision, representation.getType().getRevision());
	}

	@Override
	protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
		return representation.upcastPayload(new SimpleSerializedType(payloadType, toRevision), ObjectNode.class,
				this::upcast);
	}
}
