package org.pipelinetracker.project.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/**
 * Records money paid out under a commitment. {@code published}: the disbursement is a publisher's (the IATI import),
 * kept as published even when it falls outside the loan's effectiveness and closing dates (the importer notes it).
 */
public record RecordDisbursementCommand(@TargetAggregateIdentifier ProjectId projectId, String fundingId, Money amount,
		LocalDate disbursedOn, boolean published) {

	/** A typed disbursement: all the rules apply. */
	public RecordDisbursementCommand(ProjectId projectId, String fundingId, Money amount, LocalDate disbursedOn) {
		this(projectId, fundingId, amount, disbursedOn, false);
	}
}
