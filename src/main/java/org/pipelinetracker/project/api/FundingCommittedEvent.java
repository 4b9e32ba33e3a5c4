package org.pipelinetracker.project.api;

import com.fasterxml.jackson.annotation.JsonIgnore;
import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/**
 * Funding was committed (IATI transaction type 2), with the IATI finance and flow types it maps to.
 * <p>
 * Revision "2": {@code facilityId} is always present (null when the commitment draws on no facility). Commitments
 * stored without a revision are brought to this shape by {@code audit.upcasting.FundingCommittedEventUpcaster}.
 * {@code dates} (a loan's effectiveness and closing dates, optional) came later as an additive field: commitments
 * stored before it read it as null, which means "not known" ({@link LoanDates#NONE}).
 */
@Revision("2")
public record FundingCommittedEvent(ProjectId projectId, String fundingId, FundingSource source, EximbankInstrument instrument, String funder, Money amount, LocalDate committedOn, LoanTerms terms, String financeType, String flowType, String facilityId, LoanDates dates) implements ProjectEvent {

	/** A commitment with no loan dates known. */
	public FundingCommittedEvent(ProjectId projectId, String fundingId, FundingSource source, EximbankInstrument instrument, String funder, Money amount, LocalDate committedOn, LoanTerms terms, String financeType, String flowType, String facilityId) {
		this(projectId, fundingId, source, instrument, funder, amount, committedOn, terms, financeType, flowType, facilityId, null);
	}

	/** The loan dates recorded with the commitment ({@link LoanDates#NONE} when none were). */
	@JsonIgnore
	public LoanDates datesOrNone() {
		return dates == null ? LoanDates.NONE : dates;
	}

	@Override
	public LocalDate effectiveDate() {
		return committedOn;
	}
}
