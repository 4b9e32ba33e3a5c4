package org.pipelinetracker.period.query;

import java.time.Instant;
import java.time.LocalDate;

/** A restating event: which project, which event, effective when, recorded when and by whom, and why. */
public record RestatementView(String projectId, String eventType, LocalDate effectiveDate, Instant recordedAt,
		String recordedBy, String reason) {
}
