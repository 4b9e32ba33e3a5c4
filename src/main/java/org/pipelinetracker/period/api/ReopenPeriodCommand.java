package org.pipelinetracker.period.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Reopens a closed fiscal period, with the reason (required): writes into it are accepted again without a
 * restatement.
 */
public record ReopenPeriodCommand(@TargetAggregateIdentifier String periodId, String period, String reason) {
}
