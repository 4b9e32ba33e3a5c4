package org.pipelinetracker.project.command;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.pipelinetracker.project.api.CancelProjectCommand;
import org.pipelinetracker.project.api.CompleteProjectCommand;
import org.pipelinetracker.project.api.FinaliseProjectCommand;
import org.pipelinetracker.project.api.ProjectCancelledEvent;
import org.pipelinetracker.project.api.ProjectCompletedEvent;
import org.pipelinetracker.project.api.ProjectFinalisedEvent;
import org.pipelinetracker.project.api.ProjectResumedEvent;
import org.pipelinetracker.project.api.ProjectSuspendedEvent;
import org.pipelinetracker.project.api.ResumeProjectCommand;
import org.pipelinetracker.project.api.Stage;
import org.pipelinetracker.project.api.SuspendProjectCommand;

import static org.pipelinetracker.project.api.CommandRejectedException.Kind.INVALID_INPUT;
import static org.pipelinetracker.project.api.CommandRejectedException.Kind.RULE_VIOLATION;

/**
 * FINALISATION (IATI 3): the activity is complete, its accounts are still open. Entered from IMPLEMENTATION; money
 * still moves under the commitments (disbursements, incoming funds, expenditure, corrections) and milestones are
 * recorded, but no new commitment is; completed, suspended or cancelled like a project in implementation.
 */
class ProjectFinalisationTest extends ProjectFixture {

	@Test
	void finalisesAProjectInImplementation() {
		fixture.given(inImplementation())
				.when(new FinaliseProjectCommand(ID, FINALISED_ON))
				.expectEvents(new ProjectFinalisedEvent(ID, FINALISED_ON));
	}

	@ParameterizedTest(name = "{0}")
	@EnumSource(value = Stage.class, names = {"PROPOSED", "AGREED", "FINANCED", "FINALISATION"})
	void refusedUnlessInImplementation(Stage stage) {
		given(historyIn(stage))
				.when(new FinaliseProjectCommand(ID, TODAY))
				.expectRejected(RULE_VIOLATION, NO_FIELD,
						"only a project in implementation can move to finalisation; project KR-UZ-TEST-1 is " + stage);
	}

	@ParameterizedTest(name = "{0}")
	@EnumSource(value = Stage.class, names = {"COMPLETED", "CANCELLED"})
	void refusedOnceEnded(Stage stage) {
		given(historyIn(stage))
				.when(new FinaliseProjectCommand(ID, TODAY))
				.expectRejected(RULE_VIOLATION, NO_FIELD, "it cannot move to finalisation any more");
	}

	@Test
	void rejectsAFinalisationBeforeImplementationStarted() {
		given(inImplementation())
				.when(new FinaliseProjectCommand(ID, IMPLEMENTATION_ON.minusDays(1)))
				.expectRejected(RULE_VIOLATION, "on", "before the project entered its current stage (IMPLEMENTATION)");
	}

	@Test
	void rejectsAFinalisationInTheFuture() {
		given(inImplementation())
				.when(new FinaliseProjectCommand(ID, TOMORROW))
				.expectRejected(INVALID_INPUT, "on", "is in the future");
	}

	@Test
	void completesAProjectInFinalisation() {
		fixture.given(finalised())
				.when(new CompleteProjectCommand(ID, TODAY))
				.expectEvents(new ProjectCompletedEvent(ID, TODAY));
	}

	@Test
	void stillDisbursesReceivesAndSpendsInFinalisation() {
		fixture.given(finalised())
				.when(disburse(EDCF_FUNDING, usd("1000000.00"), TODAY))
				.expectEvents(disbursed(EDCF_FUNDING, usd("1000000.00"), TODAY));
		fixture.given(finalised())
				.when(receive(EDCF_FUNDING, usd("500000.00"), TODAY))
				.expectEvents(received(EDCF_FUNDING, usd("500000.00"), TODAY));
		fixture.given(finalised())
				.when(spend(EDCF_FUNDING, usd("250000.00"), TODAY))
				.expectEvents(spent(EDCF_FUNDING, usd("250000.00"), TODAY));
	}

	@Test
	void correctsACommitmentInFinalisation() {
		fixture.given(finalised())
				.when(correct(EDCF_FUNDING, usd("170000000.00"), TODAY))
				.expectSuccessfulHandlerExecution()
				.expectEvents(corrected(EDCF_AMOUNT, usd("170000000.00"), TODAY));
	}

	@Test
	void rejectsANewCommitmentInFinalisation() {
		given(finalised())
				.when(edcf("EDCF-UZB-2026-02", usd("1000000.00"), TODAY))
				.expectRejected(RULE_VIOLATION, NO_FIELD, "is in finalisation", "no new commitment is accepted");
	}

	@Test
	void suspendsAndResumesBackIntoFinalisation() {
		fixture.given(finalised())
				.when(new SuspendProjectCommand(ID, TODAY, "Audit of the accounts"))
				.expectEvents(new ProjectSuspendedEvent(ID, TODAY, "Audit of the accounts", Stage.FINALISATION));
		fixture.given(concat(finalised(),
						new ProjectSuspendedEvent(ID, FINALISED_ON.plusDays(1), "Audit of the accounts", Stage.FINALISATION)))
				.when(new ResumeProjectCommand(ID, TODAY))
				.expectEvents(new ProjectResumedEvent(ID, TODAY, Stage.FINALISATION));
	}

	@Test
	void cancelsAProjectInFinalisation() {
		fixture.given(finalised())
				.when(new CancelProjectCommand(ID, TODAY, "Accounts written off"))
				.expectEvents(new ProjectCancelledEvent(ID, TODAY, "Accounts written off", Stage.FINALISATION));
	}
}
