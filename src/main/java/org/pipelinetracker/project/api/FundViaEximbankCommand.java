package org.pipelinetracker.project.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/**
 * Records a Korea Eximbank commitment (EDCF loan or export credit); needs a binding agreement. It may draw on a
 * credit facility ({@code facilityId}, optional), whose headroom the write path reserves first. The loan's
 * effectiveness and closing dates ({@code dates}) are optional.
 */
public record FundViaEximbankCommand(@TargetAggregateIdentifier ProjectId projectId, String fundingId, EximbankInstrument instrument, Money amount, LocalDate committedOn, LoanTerms terms, String facilityId, LoanDates dates) {

	public FundViaEximbankCommand(ProjectId projectId, String fundingId, EximbankInstrument instrument, Money amount, LocalDate committedOn, LoanTerms terms, String facilityId) {
		this(projectId, fundingId, instrument, amount, committedOn, terms, facilityId, null);
	}
}
