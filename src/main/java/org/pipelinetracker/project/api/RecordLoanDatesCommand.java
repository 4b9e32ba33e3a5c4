package org.pipelinetracker.project.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/**
 * Records the effectiveness date and/or the closing (final disbursement) date of commitment {@code fundingId}, as
 * known on {@code recordedOn}; a date left null stays as it was. Recording a later closing date is how an extension
 * of the closing date is kept: each recording is a new event, so earlier dates stay in the history.
 */
public record RecordLoanDatesCommand(@TargetAggregateIdentifier ProjectId projectId, String fundingId,
		LocalDate effectiveOn, LocalDate closingOn, LocalDate recordedOn) {
}
