package org.pipelinetracker.project.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/**
 * Corrects the amount of a commitment; the original event stays as it was.
 */
public record CorrectFundingCommitmentCommand(@TargetAggregateIdentifier ProjectId projectId, String fundingId, Money newAmount, String reason, LocalDate correctedOn) {
}
