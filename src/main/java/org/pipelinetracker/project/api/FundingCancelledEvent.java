package org.pipelinetracker.project.api;

import java.time.LocalDate;

/**
 * Part or all of the undisbursed commitment {@code fundingId} was cancelled on {@code cancelledOn}: {@code cancelled}
 * is the amount, {@code remaining} the commitment in force afterwards (never below what was disbursed).
 */
public record FundingCancelledEvent(ProjectId projectId, String fundingId, Money cancelled, Money remaining,
		LocalDate cancelledOn, String reason) implements ProjectEvent {

	@Override
	public LocalDate effectiveDate() {
		return cancelledOn;
	}
}
