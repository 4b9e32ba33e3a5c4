package org.pipelinetracker.project.api;

import java.time.LocalDate;

/**
 * A deadline found the project stalled: no funding after its binding agreement, or no disbursement under a
 * commitment ({@code fundingId}), within the configured number of days. Effective on the day the deadline fell due.
 */
public record ProjectStalledEvent(ProjectId projectId, StallKind kind, String fundingId, int days, LocalDate dueOn)
		implements ProjectEvent {

	@Override
	public LocalDate effectiveDate() {
		return dueOn;
	}
}
