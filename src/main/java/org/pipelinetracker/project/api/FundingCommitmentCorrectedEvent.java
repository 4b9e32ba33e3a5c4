package org.pipelinetracker.project.api;

import java.time.LocalDate;

/**
 * A commitment's amount was corrected; the original commitment event is unchanged.
 */
public record FundingCommitmentCorrectedEvent(ProjectId projectId, String fundingId, Money previousAmount, Money newAmount, String reason, LocalDate correctedOn) implements ProjectEvent {

	@Override
	public LocalDate effectiveDate() {
		return correctedOn;
	}
}
