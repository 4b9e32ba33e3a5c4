package org.pipelinetracker.project.command;

import org.junit.jupiter.api.Test;
import org.pipelinetracker.project.api.ActivityStatusReportedEvent;
import org.pipelinetracker.project.api.CompleteProjectCommand;
import org.pipelinetracker.project.api.ProjectCompletedEvent;
import org.pipelinetracker.project.api.ProjectStageChangedEvent;
import org.pipelinetracker.project.api.ReportActivityStatusCommand;
import org.pipelinetracker.project.api.Stage;

import java.time.LocalDate;

import static org.pipelinetracker.project.api.CommandRejectedException.Kind.INVALID_INPUT;
import static org.pipelinetracker.project.api.CommandRejectedException.Kind.RULE_VIOLATION;

/**
 * The activity status a publisher reported ({@link ReportActivityStatusCommand}, sent only by the IATI import): the
 * project's stage follows it whatever the lifecycle rules of typed commands would say; typed commands then keep their
 * rules, refused with a clear rule violation where the reported stage lacks the facts they need.
 */
class ProjectReportedStatusTest extends ProjectFixture {

	private static final String ORG = "XM-DAC-41114";
	private static final String ORG_NAME = "United Nations Development Programme";
	private static final String FILE = "undp-uz.xml";
	private static final String UPDATED = "2026-05-31T10:00:00Z";
	private static final LocalDate STARTED = LocalDate.of(2026, 2, 1);

	private static ReportActivityStatusCommand report(String status, LocalDate on, LocalDate startedOn) {
		return new ReportActivityStatusCommand(ID, status, on, startedOn, ORG, ORG_NAME, FILE, UPDATED);
	}

	private static ActivityStatusReportedEvent reported(String status, Stage stage, LocalDate on) {
		return new ActivityStatusReportedEvent(ID, status, stage, on, ORG, ORG_NAME, FILE, UPDATED);
	}

	@Test
	void implementationReportedForAProposedProjectIsTheStageWithoutAnyAgreement() {
		fixture.given(proposed())
				.when(report("2", STARTED, null))
				.expectEvents(reported("2", Stage.IMPLEMENTATION, STARTED),
						new ProjectStageChangedEvent(ID, Stage.PROPOSED, Stage.IMPLEMENTATION, STARTED));
	}

	@Test
	void pipelineReportedKeepsTheStageTheFactsGive() {
		fixture.given(financed())
				.when(report("1", TODAY, null))
				.expectEvents(reported("1", Stage.FINANCED, TODAY));
		fixture.given(proposed())
				.when(report("1", TODAY, null))
				.expectEvents(reported("1", Stage.PROPOSED, TODAY));
	}

	@Test
	void finalisationReportedForAProposedProjectPassesThroughImplementationOnItsActualStart() {
		fixture.given(proposed())
				.when(report("3", ENDED_ON, STARTED))
				.expectEvents(reported("3", Stage.FINALISATION, ENDED_ON),
						new ProjectStageChangedEvent(ID, Stage.PROPOSED, Stage.IMPLEMENTATION, STARTED),
						new ProjectStageChangedEvent(ID, Stage.IMPLEMENTATION, Stage.FINALISATION, ENDED_ON));
	}

	@Test
	void closedCancelledAndSuspendedAreTheirStages() {
		fixture.given(inImplementation())
				.when(report("4", ENDED_ON, null))
				.expectEvents(reported("4", Stage.COMPLETED, ENDED_ON),
						new ProjectStageChangedEvent(ID, Stage.IMPLEMENTATION, Stage.COMPLETED, ENDED_ON));
		fixture.given(financed())
				.when(report("5", ENDED_ON, null))
				.expectEvents(reported("5", Stage.CANCELLED, ENDED_ON),
						new ProjectStageChangedEvent(ID, Stage.FINANCED, Stage.CANCELLED, ENDED_ON));
		fixture.given(inImplementation())
				.when(report("6", ENDED_ON, null))
				.expectEvents(reported("6", Stage.SUSPENDED, ENDED_ON),
						new ProjectStageChangedEvent(ID, Stage.IMPLEMENTATION, Stage.SUSPENDED, ENDED_ON));
	}

	@Test
	void aClosedProjectReportedInImplementationAgainFollowsItsPublisher() {
		fixture.given(completed())
				.when(report("2", TODAY, null))
				.expectEvents(reported("2", Stage.IMPLEMENTATION, TODAY),
						new ProjectStageChangedEvent(ID, Stage.COMPLETED, Stage.IMPLEMENTATION, TODAY));
	}

	@Test
	void theSameReportAgainRecordsNothing() {
		fixture.given(concat(proposed(), reported("2", Stage.IMPLEMENTATION, STARTED),
						new ProjectStageChangedEvent(ID, Stage.PROPOSED, Stage.IMPLEMENTATION, STARTED)))
				.when(report("2", STARTED, null))
				.expectSuccessfulHandlerExecution()
				.expectNoEvents();
	}

	@Test
	void rejectsACodeThatIsNoActivityStatus() {
		given(proposed())
				.when(report("9", TODAY, null))
				.expectRejected(INVALID_INPUT, "status", "'9' is not an IATI activity status code");
	}

	@Test
	void rejectsAReportInTheFuture() {
		given(proposed())
				.when(report("2", TOMORROW, null))
				.expectRejected(INVALID_INPUT, "reportedOn", "is in the future");
	}

	@Test
	void aTypedCommitmentOnAProjectReportedInImplementationWithoutAgreementIsARuleViolation() {
		given(concat(proposed(), reported("2", Stage.IMPLEMENTATION, STARTED),
						new ProjectStageChangedEvent(ID, Stage.PROPOSED, Stage.IMPLEMENTATION, STARTED)))
				.when(edcf(EDCF_FUNDING, EDCF_AMOUNT, TODAY))
				.expectRejected(RULE_VIOLATION, "committedOn", "no binding agreement is recorded");
	}

	@Test
	void aTypedCompletionOfAProjectReportedInFinalisationIsAccepted() {
		fixture.given(concat(proposed(), reported("3", Stage.FINALISATION, ENDED_ON),
						new ProjectStageChangedEvent(ID, Stage.PROPOSED, Stage.IMPLEMENTATION, STARTED),
						new ProjectStageChangedEvent(ID, Stage.IMPLEMENTATION, Stage.FINALISATION, ENDED_ON)))
				.when(new CompleteProjectCommand(ID, TODAY))
				.expectEvents(new ProjectCompletedEvent(ID, TODAY));
	}
}
