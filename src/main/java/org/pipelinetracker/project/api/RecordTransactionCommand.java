package org.pipelinetracker.project.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/**
 * Records a money flow as its publisher reported it, under its IATI TransactionType code: any of 5 to 13, or a
 * negative value of 1, 3 or 4 (positive ones have their typed commands). The value is kept with its sign.
 * {@code fundingId} (optional) names the commitment it belongs to. Used by the IATI import.
 */
public record RecordTransactionCommand(@TargetAggregateIdentifier ProjectId projectId, String type, Money value,
		LocalDate transactionDate, String fundingId, String provider, String receiver, String description) {
}
