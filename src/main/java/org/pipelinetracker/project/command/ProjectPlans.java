package org.pipelinetracker.project.command;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.pipelinetracker.project.api.BudgetRecordedEvent;
import org.pipelinetracker.project.api.PlannedDisbursementRecordedEvent;
import org.pipelinetracker.project.api.RecordBudgetCommand;
import org.pipelinetracker.project.api.RecordPlannedDisbursementCommand;

import java.time.Clock;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * The commands of the {@link Project} aggregate for its plans ({@link PlanPolicy}): budgets and planned
 * disbursements, of the whole project or of one commitment. Accepted in every stage (a plan is revised while the
 * project is suspended, and a publisher reports plans of a completed activity); a plan recorded again for the same
 * funding and period is a revision, appended as a new event.
 */
abstract class ProjectPlans extends ProjectRecord {

	@CommandHandler
	Long handle(RecordBudgetCommand command, Clock clock) {
		PlanPolicy.requireBudget(command.periodStart(), command.periodEnd(), command.value(), command.type(),
				command.status());
		dates(clock).requireEffective("recordedOn", command.recordedOn());
		if (command.fundingId() != null) {
			PlanPolicy.requireFundingCurrency(command.fundingId(), money().requireFunding(command.fundingId()),
					command.value());
		}
		plans().requireWithinProject(command.periodStart(), command.periodEnd());
		apply(new BudgetRecordedEvent(projectId(), command.fundingId(), command.periodStart(), command.periodEnd(),
				command.value(), command.type(), command.status(), command.valueDate(), command.recordedOn()));
		return AggregateLifecycle.getVersion();
	}

	@CommandHandler
	Long handle(RecordPlannedDisbursementCommand command, Clock clock) {
		PlanPolicy.requirePlannedDisbursement(command.periodStart(), command.periodEnd(), command.value(),
				command.type());
		dates(clock).requireEffective("recordedOn", command.recordedOn());
		if (command.fundingId() != null) {
			PlanPolicy.requireFundingCurrency(command.fundingId(), money().requireFunding(command.fundingId()),
					command.value());
		}
		plans().requireWithinProject(command.periodStart(), command.periodEnd());
		apply(new PlannedDisbursementRecordedEvent(projectId(), command.fundingId(), command.periodStart(),
				command.periodEnd(), command.value(), command.type(), command.valueDate(), command.provider(),
				command.receiver(), command.recordedOn()));
		return AggregateLifecycle.getVersion();
	}
}
