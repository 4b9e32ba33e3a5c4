package org.pipelinetracker.audit.upcasting;

import org.pipelinetracker.project.api.ProjectStalledEvent;
import org.springframework.stereotype.Component;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code ProjectStalledEvent} without a revision → revision "2".
 * <p>
 * The change: stall checks judge in valid time, and a check that runs after facts already ended the stall (a
 * backfilled history) records when: the event gained a nullable {@code resolvedOn}. Stalls recorded before that were
 * raised only when no funding (or no disbursement) was recorded at all, so none had ended: this upcaster adds
 * {@code "resolvedOn": null}. Whether such an old stall held at all is judged by the read models, from the facts
 * recorded after it (a commitment dated on or before its due date means it never held): see
 * {@code pipeline.AlertsProjection}. Revision "2" payloads are not touched.
 */
@Component
class ProjectStalledEventUpcaster extends RevisionStepUpcaster {

	static final String PAYLOAD_TYPE = ProjectStalledEvent.class.getName();
	static final String TO_REVISION = "2";
	static final String RESOLVED_ON = "resolvedOn";

	ProjectStalledEventUpcaster() {
		super(PAYLOAD_TYPE, null, TO_REVISION);
	}

	@Override
	ObjectNode upcast(ObjectNode payload) {
		return withNullIfAbsent(payload, RESOLVED_ON);
	}
}
