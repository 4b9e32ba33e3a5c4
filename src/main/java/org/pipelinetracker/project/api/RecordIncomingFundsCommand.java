package org.pipelinetracker.project.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/**
 * Records money the project received for its use (IATI transaction type 1, Incoming Funds), in the currency it
 * arrived in, from {@code provider}. {@code fundingId} (optional) names the commitment the money arrived under;
 * {@code receiver} and {@code description} are optional.
 */
public record RecordIncomingFundsCommand(@TargetAggregateIdentifier ProjectId projectId, Money amount,
		LocalDate receivedOn, String fundingId, String provider, String receiver, String description) {
}
