package org.pipelinetracker.project.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/**
 * Records a commitment from another source (KOICA grant, private investment, Uzbek budget, other).
 */
public record CommitFundingCommand(@TargetAggregateIdentifier ProjectId projectId, String fundingId, FundingSource source, String funder, Money amount, LocalDate committedOn, String flowType) {
}
