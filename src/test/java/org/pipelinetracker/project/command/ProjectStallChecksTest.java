package org.pipelinetracker.project.command;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.pipelinetracker.project.api.AgreementType;
import org.pipelinetracker.project.api.CancelProjectCommand;
import org.pipelinetracker.project.api.ProjectStalledEvent;
import org.pipelinetracker.project.api.ResumeProjectCommand;
import org.pipelinetracker.project.api.Stage;
import org.pipelinetracker.project.api.StallKind;
import org.pipelinetracker.project.api.SuspendProjectCommand;

import java.time.Duration;
import java.time.LocalDate;

/**
 * Stalled projects: the deadlines a binding agreement and a commitment start, and what clears them.
 */
class ProjectStallChecksTest extends ProjectFixture {

	@Nested
	class StalledProjects {

		private final LocalDate fundingDue = AGREED_ON.plusDays(180);
		private final LocalDate disbursementDue = COMMITTED_ON.plusDays(180);

		@Test
		void flagsABindingAgreementWithoutFundingWhenItsDeadlineFallsDue() {
			fixture.givenCommands(propose(PROPOSED_ON, null, null, null), sign("LOAN-1", AgreementType.LOAN, AGREED_ON))
					.whenTimeElapses(Duration.ofSeconds(1))
					.expectEvents(new ProjectStalledEvent(ID, StallKind.NO_FUNDING, null, 180, fundingDue));
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
					.expectEvents(new ProjectStalledEvent(ID, StallKind.NO_DISBURSEMENT, EDCF_FUNDING, 180, disbursementDue));
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
					.expectEvents(new ProjectStalledEvent(ID, StallKind.NO_FUNDING, null, 180, fundingDue));
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
			ProjectStalledEvent flagged = new ProjectStalledEvent(ID, StallKind.NO_FUNDING, null, 180, fundingDue);
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
}
