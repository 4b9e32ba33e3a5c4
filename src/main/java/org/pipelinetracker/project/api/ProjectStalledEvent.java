package org.pipelinetracker.project.api;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/**
 * A stall check found the project stalled in valid time: on the day it fell due ({@code dueOn}) there was no funding
 * dated on or before it after its binding agreement, or no disbursement under a commitment ({@code fundingId}), within
 * the configured number of {@code days}. Effective on the due date.
 * <p>
 * {@code resolvedOn}: when facts already recorded at the check, all dated after the due date, end the stall (see
 * {@link StallPeriod}), the date of the first of them; null while it holds. A check runs late for a backfilled
 * history (an import, a user typing a project's past), which may already hold what ended the stall.
 * <p>
 * Revision "2": {@code resolvedOn} is always present. Stalls stored without a revision (before valid-time checks)
 * are brought to this shape by {@code audit.upcasting.ProjectStalledEventUpcaster} ({@code resolvedOn} null: the old
 * check flagged only a project with no funding or disbursement recorded at all).
 */
@Revision("2")
public record ProjectStalledEvent(ProjectId projectId, StallKind kind, String fundingId, int days, LocalDate dueOn,
		LocalDate resolvedOn) implements ProjectEvent {

	@Override
	public LocalDate effectiveDate() {
		return dueOn;
	}
}
