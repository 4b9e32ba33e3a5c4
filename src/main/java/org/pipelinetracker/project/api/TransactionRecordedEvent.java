package org.pipelinetracker.project.api;

import java.time.LocalDate;

/**
 * A money flow recorded under its IATI TransactionType code ({@code type}, "1" to "13") that is not one of the typed
 * commitments, disbursements, incoming funds or expenditures: an interest payment (5) or principal repayment (6) of a
 * loan, a reimbursement (7), a purchase or sale of equity (8, 9), a credit guarantee (10), an incoming commitment
 * (11), an outgoing or incoming pledge (12, 13), or a negative value of type 1, 3 or 4 (a reversal), kept as the
 * publisher gave it. {@code value} may be negative; {@code fundingId} (the commitment it belongs to), {@code provider},
 * {@code receiver} and {@code description} may be null.
 */
public record TransactionRecordedEvent(ProjectId projectId, String type, Money value, LocalDate transactionDate,
		String fundingId, String provider, String receiver, String description) implements ProjectEvent {

	/** IATI TransactionType 5, interest payment. */
	public static final String INTEREST_PAYMENT = "5";
	/** IATI TransactionType 6, loan repayment (principal). */
	public static final String LOAN_REPAYMENT = "6";

	@Override
	public LocalDate effectiveDate() {
		return transactionDate;
	}
}
