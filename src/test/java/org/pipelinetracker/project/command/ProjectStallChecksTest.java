package org.pipelinetracker.project.command;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.ResultValidator;
import org.axonframework.test.aggregate.TestExecutor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.pipelinetracker.project.api.AgreementType;
import org.pipelinetracker.project.api.CancelProjectCommand;
import org.pipelinetracker.project.api.CompleteProjectCommand;
import org.pipelinetracker.project.api.ProjectStalledEvent;
import org.pipelinetracker.project.api.ResumeProjectCommand;
import org.pipelinetracker.project.api.Stage;
import org.pipelinetracker.project.api.StallKind;
import org.pipelinetracker.project.api.StartImplementationCommand;
import org.pipelinetracker.project.api.SuspendProjectCommand;

import java.time.Duration;
import java.time.LocalDate;

/**
 * Stalled projects: the deadlines a binding agreement and a commitment start, and what a check finds when it runs,
 * judged in valid time: funding or a disbursement dated on or before the due date means no stall, however late it
 * was recorded; one dated after it, already recorded, ends the stall the check records.
 */
class ProjectStallChecksTest extends ProjectFixture {

	/** The history, then the checks that fell due run (a year later, whatever the date the tests run on). */
	Checks givenThenChecksRun(Object... commands) {
		return new Checks(fixture.givenCommands(commands));
	}

	/** What the checks recorded. */
	record Checks(TestExecutor<Project> history) {

		private ResultValidator<Project> run() {
			return history.whenTimeElapses(Duration.ofDays(365));
		}

		/** No stall: it never held in valid time (or is flagged already). */
		void expectNoStall() {
			run().expectNoEvents();
		}

		/** One stall, from {@code dueOn} to {@code resolvedOn} (null: it holds). */
		void expectStall(StallKind kind, String fundingId, LocalDate dueOn, LocalDate resolvedOn) {
			run().expectEvents(new ProjectStalledEvent(ID, kind, fundingId, 180, dueOn, resolvedOn));
		}
	}

	@Nested
	class StalledProjects {

		private final LocalDate fundingDue = AGREED_ON.plusDays(180);
		private final LocalDate disbursementDue = COMMITTED_ON.plusDays(180);

		@Test
		void flagsABindingAgreementWithoutFundingWhenItsDeadlineFallsDue() {
			fixture.givenCommands(propose(PROPOSED_ON, null, null, null), sign("LOAN-1", AgreementType.LOAN, AGREED_ON))
					.whenTimeElapses(Duration.ofSeconds(1))
					.expectEvents(new ProjectStalledEvent(ID, StallKind.NO_FUNDING, null, 180, fundingDue, null));
		}

		@Test
		void anMouSchedulesNoFundingCheck() {
			fixture.givenCommands(propose(PROPOSED_ON, null, null, null), sign("MOU-1", AgreementType.MOU, AGREED_ON))
					.whenTimeElapses(Duration.ofSeconds(1))
					.expectNoEvents();
		}

		@Test
		void fundingInTimeClearsTheFundingCheckButACommitmentWithoutDisbursementIsFlagged() {
			fixture.givenCommands(propose(PROPOSED_ON, null, null, null), sign("LOAN-1", AgreementType.LOAN, AGREED_ON),
							edcf(EDCF_FUNDING, EDCF_AMOUNT, COMMITTED_ON))
					.whenTimeElapses(Duration.ofSeconds(1))
					.expectEvents(new ProjectStalledEvent(ID, StallKind.NO_DISBURSEMENT, EDCF_FUNDING, 180,
							disbursementDue, null));
		}

		@Test
		void aDisbursedCommitmentIsNotFlagged() {
			fixture.givenCommands(propose(PROPOSED_ON, null, null, null), sign("LOAN-1", AgreementType.LOAN, AGREED_ON),
							edcf(EDCF_FUNDING, EDCF_AMOUNT, COMMITTED_ON),
							disburse(EDCF_FUNDING, usd("1000000.00"), COMMITTED_ON.plusDays(10)))
					.whenTimeElapses(Duration.ofSeconds(1))
					.expectNoEvents();
		}

		@Test
		void incomingFundsInTimeClearTheFundingCheck() {
			fixture.givenCommands(propose(PROPOSED_ON, null, null, null), sign("LOAN-1", AgreementType.LOAN, AGREED_ON),
							receive(null, usd("2000000.00"), COMMITTED_ON))
					.whenTimeElapses(Duration.ofSeconds(1))
					.expectNoEvents();
		}

		@Test
		void anExpenditureDoesNotClearTheFundingCheck() {
			fixture.givenCommands(propose(PROPOSED_ON, null, null, null), sign("LOAN-1", AgreementType.LOAN, AGREED_ON),
							spend(null, usd("5000.00"), COMMITTED_ON))
					.whenTimeElapses(Duration.ofSeconds(1))
					.expectEvents(new ProjectStalledEvent(ID, StallKind.NO_FUNDING, null, 180, fundingDue, null));
		}

		@Test
		void aCancelledProjectIsNotFlagged() {
			fixture.givenCommands(propose(PROPOSED_ON, null, null, null), sign("LOAN-1", AgreementType.LOAN, AGREED_ON),
							new CancelProjectCommand(ID, AGREED_ON.plusDays(5), "Withdrawn"))
					.whenTimeElapses(Duration.ofSeconds(1))
					.expectNoEvents();
		}

		@Test
		void resumingStartsTheChecksAgainFromTheResumption() {
			LocalDate resumedOn = TODAY;
			fixture.given(suspendedFrom(Stage.AGREED))
					.when(new ResumeProjectCommand(ID, resumedOn))
					.expectScheduledDeadlineWithName(
							resumedOn.plusDays(180).atStartOfDay(CLOCK.getZone()).toInstant(), StallChecks.NO_FUNDING);
		}

		@Test
		void aStallAlreadyFlaggedIsNotFlaggedAgainAfterAResumption() {
			ProjectStalledEvent flagged = new ProjectStalledEvent(ID, StallKind.NO_FUNDING, null, 180, fundingDue, null);
			fixture.givenCommands(propose(PROPOSED_ON, null, null, null), sign("LOAN-1", AgreementType.LOAN, AGREED_ON))
					.andGiven(flagged)
					.andGivenCommands(new SuspendProjectCommand(ID, AGREED_ON.plusDays(5), "Elections"),
							new ResumeProjectCommand(ID, AGREED_ON.plusDays(6)))
					.whenTimeElapses(Duration.ofSeconds(1))
					.expectNoEvents();
		}

		@Test
		void aSuspendedProjectIsNotFlagged() {
			fixture.givenCommands(propose(PROPOSED_ON, null, null, null), sign("LOAN-1", AgreementType.LOAN, AGREED_ON),
							new SuspendProjectCommand(ID, AGREED_ON.plusDays(5), "Elections"))
					.whenTimeElapses(Duration.ofSeconds(1))
					.expectNoEvents();
		}
	}

	/**
	 * What a check finds is judged on its due date, from the facts' dates, not from when they were recorded. A story
	 * far enough in the past for every date to be recordable: proposed 500 days ago, grant or loan signed 480 days
	 * ago, funding due 300 days ago.
	 */
	@Nested
	class InValidTime {

		private final LocalDate proposedOn = TODAY.minusDays(500);
		private final LocalDate signedOn = TODAY.minusDays(480);
		private final LocalDate due = signedOn.plusDays(180);
		private final LocalDate afterDue = due.plusDays(20);

		private Object[] signed(AgreementType type, Object... more) {
			return concat(new Object[] {propose(proposedOn, null, null, null), sign("A-1", type, signedOn)}, more);
		}

		@Test
		void noStallWhenTheCommitmentIsDatedBeforeTheDueDate() {
			// the backfill: a grant, and a moment later a commitment dated a month after it
			givenThenChecksRun(signed(AgreementType.GRANT, koicaGrant("KOICA-1", signedOn.plusDays(30)),
					disburse("KOICA-1", usd("100000.00"), signedOn.plusDays(40))))
					.expectNoStall();
		}

		@Test
		void noStallWhenTheCommitmentIsDatedOnTheDueDate() {
			givenThenChecksRun(signed(AgreementType.GRANT, koicaGrant("KOICA-1", due),
					disburse("KOICA-1", usd("100000.00"), due)))
					.expectNoStall();
		}

		@Test
		void aCommitmentAfterTheDueDateAlreadyRecordedEndsTheStallOnItsDate() {
			givenThenChecksRun(signed(AgreementType.GRANT, koicaGrant("KOICA-1", afterDue),
					disburse("KOICA-1", usd("100000.00"), afterDue)))
					.expectStall(StallKind.NO_FUNDING, null, due, afterDue);
		}

		@Test
		void incomingFundsAfterTheDueDateAlreadyRecordedEndTheStallOnTheirDate() {
			givenThenChecksRun(signed(AgreementType.GRANT, receive(null, usd("2000000.00"), afterDue)))
					.expectStall(StallKind.NO_FUNDING, null, due, afterDue);
		}

		@Test
		void theFirstDisbursementAfterTheDueDateEndsTheDisbursementStallOnItsDate() {
			LocalDate committedOn = signedOn.plusDays(10);
			LocalDate disbursementDue = committedOn.plusDays(180);
			LocalDate late = disbursementDue.plusDays(3);
			givenThenChecksRun(signed(AgreementType.LOAN, edcf(EDCF_FUNDING, EDCF_AMOUNT, committedOn),
					disburse(EDCF_FUNDING, usd("1000.00"), late.plusDays(9)), disburse(EDCF_FUNDING, usd("1000.00"), late)))
					.expectStall(StallKind.NO_DISBURSEMENT, EDCF_FUNDING, disbursementDue, late);
		}

		@Test
		void aProjectSuspendedOnTheDueDateIsFlaggedOnlyByTheCheckItsResumptionStarted() {
			// the check that fell due in the suspension finds nothing; the resumption's own check, 180 days later, does
			LocalDate resumedOn = due.plusDays(10);
			givenThenChecksRun(signed(AgreementType.LOAN, new SuspendProjectCommand(ID, due.minusDays(10), "Elections"),
					new ResumeProjectCommand(ID, resumedOn)))
					.expectStall(StallKind.NO_FUNDING, null, resumedOn.plusDays(180), null);
		}

		@Test
		void aProjectCompletedAfterTheDueDateWasStalledUntilItsCompletion() {
			LocalDate committedOn = signedOn.plusDays(10);
			LocalDate completedOn = committedOn.plusDays(185);
			givenThenChecksRun(signed(AgreementType.LOAN, edcf(EDCF_FUNDING, EDCF_AMOUNT, committedOn),
					new StartImplementationCommand(ID, committedOn.plusDays(1)), new CompleteProjectCommand(ID, completedOn)))
					.expectStall(StallKind.NO_DISBURSEMENT, EDCF_FUNDING, committedOn.plusDays(180), completedOn);
		}

		@Test
		void aProjectCancelledBeforeTheDueDateIsNotFlagged() {
			LocalDate committedOn = signedOn.plusDays(10);
			givenThenChecksRun(signed(AgreementType.LOAN, edcf(EDCF_FUNDING, EDCF_AMOUNT, committedOn),
					new CancelProjectCommand(ID, committedOn.plusDays(179), "Withdrawn")))
					.expectNoStall();
		}
	}

	/** A check due in the past (a backfilled history) runs no sooner than the settling time after it was scheduled. */
	@Nested
	class BackfillSettle {

		private static final Duration SETTLE = Duration.ofMinutes(5);

		@BeforeEach
		void withASettlingTime() {
			fixture = new AggregateTestFixture<>(Project.class);
			fixture.registerInjectableResource(CLOCK);
			fixture.registerInjectableResource(new StallPolicy(180, 180, SETTLE));
		}

		@Test
		void aCheckAlreadyDueWaitsTheSettlingTime() {
			LocalDate signedOn = TODAY.minusDays(400);
			fixture.givenCommands(propose(signedOn, null, null, null))
					.when(sign("GRANT-1", AgreementType.GRANT, signedOn))
					.expectScheduledDeadlineWithName(CLOCK.instant().plus(SETTLE), StallChecks.NO_FUNDING);
		}

		@Test
		void aCheckDueLaterRunsOnItsDueDate() {
			fixture.givenCommands(propose(PROPOSED_ON, null, null, null))
					.when(sign("LOAN-1", AgreementType.LOAN, TODAY))
					.expectScheduledDeadlineWithName(TODAY.plusDays(180).atStartOfDay(CLOCK.getZone()).toInstant(),
							StallChecks.NO_FUNDING);
		}
	}
}
