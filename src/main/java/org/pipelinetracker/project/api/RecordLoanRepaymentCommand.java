package org.pipelinetracker.project.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/**
 * Records a repayment of principal of the loan {@code fundingId} (IATI transaction type 6), in the loan's currency;
 * never more than is outstanding (disbursed on or before {@code repaidOn} less what was repaid).
 */
public record RecordLoanRepaymentCommand(@TargetAggregateIdentifier ProjectId projectId, String fundingId,
		Money amount, LocalDate repaidOn) {
}
