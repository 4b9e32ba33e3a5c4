package org.pipelinetracker.project.api;

import java.time.LocalDate;

/**
 * Funding was committed (IATI transaction type 2), with the IATI finance and flow types it maps to.
 */
public record FundingCommittedEvent(ProjectId projectId, String fundingId, FundingSource source, EximbankInstrument instrument, String funder, Money amount, LocalDate committedOn, LoanTerms terms, String financeType, String flowType, String facilityId) implements ProjectEvent {

	@Override
	public LocalDate effectiveDate() {
		return committedOn;
	}
}
