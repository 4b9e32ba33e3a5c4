package org.pipelinetracker.project.api;

import java.time.LocalDate;

/**
 * The loan dates of commitment {@code fundingId} in force from {@code recordedOn}: its effectiveness date and its
 * closing (final disbursement) date (either null when not known). {@code previousClosingOn} is the closing date in
 * force before (null when there was none): a later one means the closing date was extended.
 */
public record LoanDatesRecordedEvent(ProjectId projectId, String fundingId, LocalDate effectiveOn,
		LocalDate closingOn, LocalDate previousClosingOn, LocalDate recordedOn) implements ProjectEvent {

	@Override
	public LocalDate effectiveDate() {
		return recordedOn;
	}
}
