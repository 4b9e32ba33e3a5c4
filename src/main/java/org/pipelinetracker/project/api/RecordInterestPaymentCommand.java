package org.pipelinetracker.project.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** Records a payment of interest on the loan {@code fundingId} (IATI transaction type 5), in the loan's currency. */
public record RecordInterestPaymentCommand(@TargetAggregateIdentifier ProjectId projectId, String fundingId,
		Money amount, LocalDate paidOn) {
}
