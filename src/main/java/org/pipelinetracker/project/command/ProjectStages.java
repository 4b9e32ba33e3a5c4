package org.pipelinetracker.project.command;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.pipelinetracker.kernel.Text;
import org.pipelinetracker.project.api.CancelProjectCommand;
import org.pipelinetracker.project.api.CompleteProjectCommand;
import org.pipelinetracker.project.api.FinaliseProjectCommand;
import org.pipelinetracker.project.api.ImplementationStartedEvent;
import org.pipelinetracker.project.api.MilestoneRecordedEvent;
import org.pipelinetracker.project.api.ProjectCancelledEvent;
import org.pipelinetracker.project.api.ProjectCompletedEvent;
import org.pipelinetracker.project.api.ProjectFinalisedEvent;
import org.pipelinetracker.project.api.ProjectResumedEvent;
import org.pipelinetracker.project.api.ProjectSuspendedEvent;
import org.pipelinetracker.project.api.RecordMilestoneCommand;
import org.pipelinetracker.project.api.ResumeProjectCommand;
import org.pipelinetracker.project.api.StartImplementationCommand;
import org.pipelinetracker.project.api.SuspendProjectCommand;

import java.time.Clock;
import java.time.LocalDate;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.pipelinetracker.project.api.CommandRejectedException.invalid;
import static org.pipelinetracker.project.command.StagePolicy.Action;

/**
 * The commands of the {@link Project} aggregate for its milestones and its stage changes: start of implementation,
 * finalisation, suspension and resumption, completion and cancellation, each by {@link StagePolicy} and
 * {@link DatingPolicy}; a resumption restarts the stall checks ({@link StallChecks}) a suspension stopped.
 */
abstract class ProjectStages extends ProjectLoans {

	@CommandHandler
	Long handle(RecordMilestoneCommand command, Clock clock) {
		stages().requireNotTerminal(Action.RECORD_MILESTONE);
		Milestone previous = milestone(command.milestoneId());
		Milestone next = Milestone.recorded(previous, command);
		DatingPolicy dates = dates(clock);
		dates.requirePlannedAfterProposal(next.plannedOn());
		if (command.achievedOn() != null) {
			dates.requireEffective("achievedOn", command.achievedOn());
		}
		LocalDate recordedOn = command.recordedOn() != null ? command.recordedOn()
				: command.achievedOn() != null ? command.achievedOn() : LocalDate.now(clock);
		dates.requireEffective("on", recordedOn);
		DatingPolicy.requireRecordedAfterAchievement(recordedOn, next.achievedOn());
		if (next.equals(previous)) {
			return AggregateLifecycle.getVersion(); // nothing changed: nothing to record
		}
		apply(new MilestoneRecordedEvent(projectId(), command.milestoneId(), next.name(), next.plannedOn(),
				next.achievedOn(), recordedOn));
		return AggregateLifecycle.getVersion();
	}

	@CommandHandler
	Long handle(StartImplementationCommand command, Clock clock) {
		stages().requireImplementationCanStart();
		dates(clock).requireStageChange("on", command.startedOn());
		apply(new ImplementationStartedEvent(projectId(), command.startedOn()));
		return AggregateLifecycle.getVersion();
	}

	/** Finalisation: the activity is complete, its accounts stay open (money may still move) until completion. */
	@CommandHandler
	Long handle(FinaliseProjectCommand command, Clock clock) {
		stages().requireFinalisable();
		dates(clock).requireStageChange("on", command.finalisedOn());
		apply(new ProjectFinalisedEvent(projectId(), command.finalisedOn()));
		return AggregateLifecycle.getVersion();
	}

	@CommandHandler
	Long handle(SuspendProjectCommand command, Clock clock) {
		stages().requireSuspendable();
		requireReason(command.reason());
		dates(clock).requireStageChange("on", command.suspendedOn());
		dates(clock).requireNotBeforeMoneyMoved("on", command.suspendedOn());
		apply(new ProjectSuspendedEvent(projectId(), command.suspendedOn(), command.reason(), stage()));
		return AggregateLifecycle.getVersion();
	}

	@CommandHandler
	Long handle(ResumeProjectCommand command, Clock clock, DeadlineManager deadlines, StallPolicy policy) {
		stages().requireResumable();
		dates(clock).requireStageChange("on", command.resumedOn());
		apply(new ProjectResumedEvent(projectId(), command.resumedOn(), suspendedFrom()));
		new StallChecks(deadlines, clock, policy).restartOnResumption(command.resumedOn(), stage(), fundings());
		return AggregateLifecycle.getVersion();
	}

	@CommandHandler
	Long handle(CompleteProjectCommand command, Clock clock) {
		stages().requireCompletable();
		DatingPolicy dates = dates(clock);
		dates.requireStageChange("on", command.completedOn());
		dates.requireNotBeforeMoneyMoved("on", command.completedOn());
		dates.requireNotBeforeLastAchievement(command.completedOn());
		apply(new ProjectCompletedEvent(projectId(), command.completedOn()));
		return AggregateLifecycle.getVersion();
	}

	@CommandHandler
	Long handle(CancelProjectCommand command, Clock clock) {
		stages().requireNotTerminal(Action.CANCEL);
		requireReason(command.reason());
		DatingPolicy dates = dates(clock);
		dates.requireStageChange("on", command.cancelledOn());
		dates.requireNotBeforeMoneyMoved("on", command.cancelledOn());
		dates.requireNotBeforeLastAchievement(command.cancelledOn());
		apply(new ProjectCancelledEvent(projectId(), command.cancelledOn(), command.reason(), stage()));
		return AggregateLifecycle.getVersion();
	}

	static void requireReason(String reason) {
		if (reason == null || reason.isBlank()) {
			throw invalid("reason", Text.of("problem.field.reasonRequired"));
		}
	}
}
