package org.pipelinetracker.project.api;

import java.time.LocalDate;

/**
 * A budget of the project was recorded ({@link RecordBudgetCommand}): {@code value} planned for {@code periodStart} to
 * {@code periodEnd}, for the commitment {@code fundingId} or (null) the whole project, IATI BudgetType {@code type}
 * and BudgetStatus {@code status}; {@code valueDate} may be null. Effective on {@code recordedOn}, the day the plan
 * was known. A later budget for the same funding and period revises it; both stay.
 */
public record BudgetRecordedEvent(ProjectId projectId, String fundingId, LocalDate periodStart, LocalDate periodEnd,
		Money value, String type, String status, LocalDate valueDate, LocalDate recordedOn) implements ProjectEvent {

	/** IATI BudgetType 1, original. */
	public static final String ORIGINAL = "1";
	/** IATI BudgetType 2, revised. */
	public static final String REVISED = "2";
	/** IATI BudgetStatus 1, indicative. */
	public static final String INDICATIVE = "1";
	/** IATI BudgetStatus 2, committed. */
	public static final String COMMITTED = "2";

	@Override
	public LocalDate effectiveDate() {
		return recordedOn;
	}
}
