package org.pipelinetracker.period.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/**
 * Closes a fiscal period: from now on a project write effective on a date from {@code startsOn} to {@code endsOn}
 * is refused unless FINANCE or ADMIN marks it a restatement with a reason. Who closes it and why travel as metadata.
 */
public record ClosePeriodCommand(@TargetAggregateIdentifier String periodId, String period, LocalDate startsOn,
		LocalDate endsOn) {
}
