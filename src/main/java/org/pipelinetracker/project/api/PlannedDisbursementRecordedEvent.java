package org.pipelinetracker.project.api;

import java.time.LocalDate;

/**
 * A planned disbursement was recorded ({@link RecordPlannedDisbursementCommand}): {@code value} expected to be paid
 * out from {@code periodStart} to {@code periodEnd} (null: on {@code periodStart}), under {@code fundingId} or (null)
 * for the whole project; {@code type} (IATI BudgetType), {@code valueDate}, {@code provider} and {@code receiver} may
 * be null. Effective on {@code recordedOn}, the day the plan was known. A later plan for the same funding and period
 * revises it; both stay.
 */
public record PlannedDisbursementRecordedEvent(ProjectId projectId, String fundingId, LocalDate periodStart,
		LocalDate periodEnd, Money value, String type, LocalDate valueDate, String provider, String receiver,
		LocalDate recordedOn) implements ProjectEvent {

	@Override
	public LocalDate effectiveDate() {
		return recordedOn;
	}
}
