package org.pipelinetracker.project.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

import java.time.LocalDate;

/**
 * Corrects the amount of a commitment; the original event stays as it was. {@code expectedVersion} (optional) makes
 * it fail if the project changed since that version was read.
 */
public record CorrectFundingCommitmentCommand(@TargetAggregateIdentifier ProjectId projectId, String fundingId, Money newAmount, String reason, LocalDate correctedOn,
		@TargetAggregateVersion Long expectedVersion) {
}
