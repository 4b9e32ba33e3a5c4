package org.pipelinetracker.project.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/**
 * Records money paid out under a commitment.
 */
public record RecordDisbursementCommand(@TargetAggregateIdentifier ProjectId projectId, String fundingId, Money amount, LocalDate disbursedOn) {
}
