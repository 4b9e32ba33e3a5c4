package org.pipelinetracker.project.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/**
 * Records money the project spent on goods and services (IATI transaction type 4, Expenditure), in the currency it
 * was spent in. {@code fundingId} (optional) names the commitment that paid for it; {@code provider} (who paid),
 * {@code receiver} (who was paid) and {@code description} are optional.
 */
public record RecordExpenditureCommand(@TargetAggregateIdentifier ProjectId projectId, Money amount, LocalDate spentOn,
		String fundingId, String provider, String receiver, String description) {
}
