package org.pipelinetracker.project.api;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/**
 * Funding was committed (IATI transaction type 2), with the IATI finance and flow types it maps to.
 * <p>
 * Revision "2": {@code facilityId} is always present (null when the commitment draws on no facility). Commitments
 * stored without a revision are brought to this shape by {@code audit.upcasting.FundingCommittedEventUpcaster}.
 */
@Revision("2")
public record FundingCommittedEvent(ProjectId projectId, String fundingId, FundingSource source, EximbankInstrument instrument, String funder, Money amount, LocalDate committedOn, LoanTerms terms, String financeType, String flowType, String facilityId) implements ProjectEvent {

	@Override
	public LocalDate effectiveDate() {
		return committedOn;
	}
}
