package org.pipelinetracker.project.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/**
 * Cancels part ({@code amount}) or all ({@code amount} null: the whole undisbursed balance) of the undisbursed
 * commitment {@code fundingId} on {@code cancelledOn}: the commitment in force falls by that much, never below what
 * was disbursed or received under it.
 */
public record CancelFundingCommand(@TargetAggregateIdentifier ProjectId projectId, String fundingId, Money amount,
		LocalDate cancelledOn, String reason) {
}
