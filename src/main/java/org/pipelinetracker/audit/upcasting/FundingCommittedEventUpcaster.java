package org.pipelinetracker.audit.upcasting;

import org.pipelinetracker.project.api.FundingCommittedEvent;
import org.springframework.stereotype.Component;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code FundingCommittedEvent} without a revision → revision "2".
 * <p>
 * The change: credit facilities gave the event a nullable {@code facilityId} (the facility the commitment draws on).
 * Commitments recorded before that have no such property; those recorded after it but before the revision was
 * introduced have it. Both were stored with no revision. This upcaster adds {@code "facilityId": null} to a payload
 * that lacks it (the commitment draws on no facility) and leaves a present value untouched. Every other property is
 * unchanged. Revision "2" payloads are not touched.
 * <p>
 * No revision "1" was ever stored: "2" marks the second shape of the event, the first being the unrevisioned one.
 */
@Component
class FundingCommittedEventUpcaster extends RevisionStepUpcaster {

	static final String PAYLOAD_TYPE = FundingCommittedEvent.class.getName();
	static final String TO_REVISION = "2";
	static final String FACILITY_ID = "facilityId";

	FundingCommittedEventUpcaster() {
		super(PAYLOAD_TYPE, null, TO_REVISION);
	}

	@Override
	ObjectNode upcast(ObjectNode payload) {
		return withNullIfAbsent(payload, FACILITY_ID);
	}
}
