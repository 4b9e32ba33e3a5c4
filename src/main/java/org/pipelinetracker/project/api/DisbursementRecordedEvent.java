package org.pipelinetracker.project.api;

import java.time.LocalDate;

/**
 * Money was disbursed under a commitment (IATI transaction type 3).
 */
public record DisbursementRecordedEvent(ProjectId projectId, String fundingId, Money amount, LocalDate disbursedOn) implements ProjectEvent {

	@Override
	public LocalDate effectiveDate() {
		return disbursedOn;
	}
}
