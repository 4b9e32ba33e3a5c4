package org.pipelinetracker.project.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/**
 * Records a budget of the project (an IATI {@code budget}): {@code value} planned for the period {@code periodStart} to
 * {@code periodEnd} (at most twelve months), of the whole project or of the commitment {@code fundingId} (null: the
 * project's), of IATI BudgetType {@code type} ("1" original, "2" revised) and BudgetStatus {@code status} ("1"
 * indicative, "2" committed). {@code valueDate} (optional) is the publisher's date for the value's exchange rate;
 * {@code recordedOn} the day the plan was known (its effective date). A budget for a period already budgeted is a
 * revision: it replaces the earlier one in current answers, and both stay in the history.
 */
public record RecordBudgetCommand(@TargetAggregateIdentifier ProjectId projectId, String fundingId,
		LocalDate periodStart, LocalDate periodEnd, Money value, String type, String status, LocalDate valueDate,
		LocalDate recordedOn) {
}
