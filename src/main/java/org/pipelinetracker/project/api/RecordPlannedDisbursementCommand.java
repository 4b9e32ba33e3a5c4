package org.pipelinetracker.project.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/**
 * Records a planned disbursement of the project (an IATI {@code planned-disbursement}): {@code value} expected to be
 * paid out from {@code periodStart} to {@code periodEnd} (null: on {@code periodStart}), under the commitment
 * {@code fundingId} or (null) for the whole project, of IATI BudgetType {@code type} ("1" original, "2" revised; may
 * be null), from {@code provider} to {@code receiver} (either may be null). {@code valueDate} (optional) is the
 * publisher's date for the value's exchange rate; {@code recordedOn} the day the plan was known. A plan for a period
 * already planned is a revision: it replaces the earlier one in current answers, and both stay in the history.
 */
public record RecordPlannedDisbursementCommand(@TargetAggregateIdentifier ProjectId projectId, String fundingId,
		LocalDate periodStart, LocalDate periodEnd, Money value, String type, LocalDate valueDate, String provider,
		String receiver, LocalDate recordedOn) {
}
