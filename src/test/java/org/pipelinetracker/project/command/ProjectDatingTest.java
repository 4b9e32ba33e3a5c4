package org.pipelinetracker.project.command;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.pipelinetracker.project.api.CancelProjectCommand;
import org.pipelinetracker.project.api.CompleteProjectCommand;
import org.pipelinetracker.project.api.FundingCommittedEvent;
import org.pipelinetracker.project.api.FundingSource;
import org.pipelinetracker.project.api.LoanTerms;
import org.pipelinetracker.project.api.MilestoneRecordedEvent;
import org.pipelinetracker.project.api.ProjectCancelledEvent;
import org.pipelinetracker.project.api.ProjectCompletedEvent;
import org.pipelinetracker.project.api.ProjectResumedEvent;
import org.pipelinetracker.project.api.ProjectStageChangedEvent;
import org.pipelinetracker.project.api.ProjectSuspendedEvent;
import org.pipelinetracker.project.api.Stage;
import org.pipelinetracker.project.api.SuspendProjectCommand;

import java.time.LocalDate;

import static org.pipelinetracker.project.api.CommandRejectedException.Kind.INVALID_INPUT;
import static org.pipelinetracker.project.api.CommandRejectedException.Kind.RULE_VIOLATION;

/**
 * The dating rules across commands: nothing inside a past suspension, no stage ending before money already
 * moved, disbursements within the commitment in force on every later date, corrections in date order.
 */
class ProjectDatingTest extends ProjectFixture {

	@Nested
	class DateConsistency {

		/** FINANCED since 2026-03-05 (implementation since 2026-04-01), suspended 2026-05-04, resumed 2026-05-20. */
		private static final LocalDate RESUMED_ON = LocalDate.of(2026, 5, 20);

		private static final String SECOND_FUNDING = "EDCF-UZB-2026-02";

		private static Object[] resumedFrom(Stage stage) {
			return concat(suspendedFrom(stage), new ProjectResumedEvent(ID, RESUMED_ON, stage));
		}

		// --- no commitment inside a past suspension --------------------------------------------------------------

		@ParameterizedTest(name = "committed on {0}")
		@ValueSource(strings = {"2026-05-04", "2026-05-12", "2026-05-19"})
		void rejectsACommitmentDatedInsideAPastSuspension(LocalDate committedOn) {
			given(resumedFrom(Stage.FINANCED))
					.when(edcf(SECOND_FUNDING, usd("60000000.00"), committedOn))
					.expectRejected(RULE_VIOLATION, "committedOn",
							"the project was suspended from 2026-05-04 to 2026-05-20; "
								+ "nothing can be committed, disbursed, received or spent on " + committedOn);
		}

		@ParameterizedTest(name = "committed on {0}")
		@ValueSource(strings = {"2026-05-03", "2026-05-20", "2026-06-15"})
		void acceptsACommitmentDatedOutsideThePastSuspension(LocalDate committedOn) {
			fixture.given(resumedFrom(Stage.FINANCED))
					.when(edcf(SECOND_FUNDING, usd("60000000.00"), committedOn))
					.expectEvents(edcfCommitted(SECOND_FUNDING, usd("60000000.00"), committedOn));
		}

		@Test
		void rejectsAnyFundingSourceDatedInsideAPastSuspension() {
			given(resumedFrom(Stage.IMPLEMENTATION))
					.when(koicaGrant("KOICA-2026-014", LocalDate.of(2026, 5, 10)))
					.expectRejected(RULE_VIOLATION, "committedOn", "suspended from 2026-05-04 to 2026-05-20");
		}

		@Test
		void acceptsAnyFundingSourceDatedOnTheDayOfTheResumption() {
			fixture.given(resumedFrom(Stage.IMPLEMENTATION))
					.when(koicaGrant("KOICA-2026-014", RESUMED_ON))
					.expectEvents(new FundingCommittedEvent(ID, "KOICA-2026-014", FundingSource.KOICA_GRANT, null,
							"Korea International Cooperation Agency", usd("8500000.00"), RESUMED_ON, LoanTerms.NONE,
							"110", "10", null));
		}

		@Test
		void everyPastSuspensionCounts() {
			// suspended 2026-04-10 to 2026-04-20 and again 2026-05-04 to 2026-05-20
			given(concat(inImplementation(),
							new ProjectSuspendedEvent(ID, LocalDate.of(2026, 4, 10), "Design review", Stage.IMPLEMENTATION),
							new ProjectResumedEvent(ID, LocalDate.of(2026, 4, 20), Stage.IMPLEMENTATION),
							new ProjectSuspendedEvent(ID, SUSPENDED_ON, "Land acquisition dispute", Stage.IMPLEMENTATION),
							new ProjectResumedEvent(ID, RESUMED_ON, Stage.IMPLEMENTATION)))
					.when(edcf(SECOND_FUNDING, usd("60000000.00"), LocalDate.of(2026, 4, 15)))
					.expectRejected(RULE_VIOLATION, "committedOn", "suspended from 2026-04-10 to 2026-04-20");
		}

		// --- no disbursement inside a past suspension ------------------------------------------------------------

		@ParameterizedTest(name = "disbursed on {0}")
		@ValueSource(strings = {"2026-05-04", "2026-05-12", "2026-05-19"})
		void rejectsADisbursementDatedInsideAPastSuspension(LocalDate disbursedOn) {
			given(resumedFrom(Stage.IMPLEMENTATION))
					.when(disburse(EDCF_FUNDING, usd("20000000.00"), disbursedOn))
					.expectRejected(RULE_VIOLATION, "disbursedOn",
							"the project was suspended from 2026-05-04 to 2026-05-20; "
								+ "nothing can be committed, disbursed, received or spent on " + disbursedOn);
		}

		@ParameterizedTest(name = "disbursed on {0}")
		@ValueSource(strings = {"2026-05-03", "2026-05-20", "2026-06-15"})
		void acceptsADisbursementDatedOutsideThePastSuspension(LocalDate disbursedOn) {
			fixture.given(resumedFrom(Stage.IMPLEMENTATION))
					.when(disburse(EDCF_FUNDING, usd("20000000.00"), disbursedOn))
					.expectEvents(disbursed(EDCF_FUNDING, usd("20000000.00"), disbursedOn));
		}

		// --- no stage end before money already moved -------------------------------------------------------------

		@Test
		void rejectsASuspensionDatedBeforeTheLatestDisbursement() {
			given(concat(inImplementation(), disbursed(EDCF_FUNDING, usd("20000000.00"), LocalDate.of(2026, 5, 10))))
					.when(new SuspendProjectCommand(ID, SUSPENDED_ON, "Land acquisition dispute"))
					.expectRejected(RULE_VIOLATION, "on", "the date 2026-05-04 is before the latest commitment, "
								+ "disbursement, correction, incoming funds or expenditure already recorded (2026-05-10)");
		}

		@Test
		void acceptsASuspensionOnTheDayOfTheLatestDisbursement() {
			fixture.given(concat(inImplementation(), disbursed(EDCF_FUNDING, usd("20000000.00"), LocalDate.of(2026, 5, 10))))
					.when(new SuspendProjectCommand(ID, LocalDate.of(2026, 5, 10), "Land acquisition dispute"))
					.expectEvents(new ProjectSuspendedEvent(ID, LocalDate.of(2026, 5, 10), "Land acquisition dispute",
							Stage.IMPLEMENTATION));
		}

		@Test
		void rejectsACompletionDatedBeforeTheLatestCorrection() {
			given(concat(inImplementation(), corrected(EDCF_AMOUNT, usd("150000000.00"), LocalDate.of(2026, 6, 5))))
					.when(new CompleteProjectCommand(ID, ENDED_ON))
					.expectRejected(RULE_VIOLATION, "on", "before the latest commitment, disbursement, correction, "
								+ "incoming funds or expenditure already recorded (2026-06-05)");
		}

		@Test
		void acceptsACompletionAfterTheLatestCorrection() {
			fixture.given(concat(inImplementation(), corrected(EDCF_AMOUNT, usd("150000000.00"), LocalDate.of(2026, 6, 5))))
					.when(new CompleteProjectCommand(ID, LocalDate.of(2026, 6, 6)))
					.expectEvents(new ProjectCompletedEvent(ID, LocalDate.of(2026, 6, 6)));
		}

		@Test
		void rejectsACancellationDatedBeforeTheLatestCommitment() {
			given(concat(financed(), edcfCommitted(SECOND_FUNDING, usd("60000000.00"), LocalDate.of(2026, 5, 10))))
					.when(new CancelProjectCommand(ID, SUSPENDED_ON, "Government reprioritised"))
					.expectRejected(RULE_VIOLATION, "on", "before the latest commitment, disbursement, correction, "
								+ "incoming funds or expenditure already recorded (2026-05-10)");
		}

		@Test
		void rejectsACancellationOfASuspendedProjectDatedBeforeACorrectionMadeWhileSuspended() {
			// suspended 2026-05-04; the commitment was corrected on 2026-05-25, during the suspension
			given(concat(suspendedFrom(Stage.FINANCED),
							corrected(EDCF_AMOUNT, usd("150000000.00"), LocalDate.of(2026, 5, 25))))
					.when(new CancelProjectCommand(ID, LocalDate.of(2026, 5, 20), "Government reprioritised"))
					.expectRejected(RULE_VIOLATION, "on", "already recorded (2026-05-25)");
		}

		@Test
		void acceptsACancellationOnTheDayOfTheLatestCommitment() {
			fixture.given(concat(financed(), edcfCommitted(SECOND_FUNDING, usd("60000000.00"), LocalDate.of(2026, 5, 10))))
					.when(new CancelProjectCommand(ID, LocalDate.of(2026, 5, 10), "Government reprioritised"))
					.expectEvents(new ProjectCancelledEvent(ID, LocalDate.of(2026, 5, 10), "Government reprioritised",
							Stage.FINANCED));
		}

		// --- disbursements within the commitment in force on every later date ----------------------------------

		/** USD 100.00 committed on D1 (2026-03-05). D2 = 2026-04-01, D3 = 2026-05-01, D4 = 2026-06-01. */
		private static final LocalDate D1 = COMMITTED_ON;
		private static final LocalDate D2 = LocalDate.of(2026, 4, 1);
		private static final LocalDate D3 = LocalDate.of(2026, 5, 1);
		private static final LocalDate D4 = LocalDate.of(2026, 6, 1);

		private static Object[] committed100(Object... more) {
			return concat(concat(agreed(), edcfCommitted(EDCF_FUNDING, usd("100.00"), D1),
					new ProjectStageChangedEvent(ID, Stage.AGREED, Stage.FINANCED, D1)), more);
		}

		/** 100 on D1, corrected upwards to 150 on D3. */
		private static Object[] correctedTo150OnD3(Object... more) {
			return concat(committed100(corrected(usd("100.00"), usd("150.00"), D3)), more);
		}

		@Test
		void rejectsADisbursementDatedBeforeTheUpwardCorrectionItWouldNeed() {
			given(correctedTo150OnD3())
					.when(disburse(EDCF_FUNDING, usd("120.00"), D2))
					.expectRejected(RULE_VIOLATION, "amount.amount",
							"above the commitment in force (USD 100.00 on that date, "
								+ "USD 150.00 now); at most USD 100.00 remains");
		}

		@ParameterizedTest(name = "disbursed on {0}")
		@ValueSource(strings = {"2026-05-01", "2026-06-01"})
		void acceptsTheSameDisbursementDatedOnOrAfterTheUpwardCorrection(LocalDate disbursedOn) {
			fixture.given(correctedTo150OnD3())
					.when(disburse(EDCF_FUNDING, usd("120.00"), disbursedOn))
					.expectEvents(disbursed(EDCF_FUNDING, usd("120.00"), disbursedOn));
		}

		@Test
		void acceptsExactlyTheCommitmentInForceBeforeTheUpwardCorrection() {
			fixture.given(correctedTo150OnD3())
					.when(disburse(EDCF_FUNDING, usd("100.00"), D2))
					.expectEvents(disbursed(EDCF_FUNDING, usd("100.00"), D2));
		}

		@Test
		void theUpwardCorrectionOnlyAddsHeadroomFromItsOwnDate() {
			// 100 disbursed on D2 uses up the original commitment; the correction to 150 on D3 leaves 50 from then on
			fixture.given(correctedTo150OnD3(disbursed(EDCF_FUNDING, usd("100.00"), D2)))
					.when(disburse(EDCF_FUNDING, usd("50.00"), D3))
					.expectEvents(disbursed(EDCF_FUNDING, usd("50.00"), D3));
		}

		@Test
		void rejectsAnyMoreBeforeTheUpwardCorrectionOnceTheOriginalCommitmentIsUsedUp() {
			given(correctedTo150OnD3(disbursed(EDCF_FUNDING, usd("100.00"), D2)))
					.when(disburse(EDCF_FUNDING, usd("0.01"), LocalDate.of(2026, 4, 30)))
					.expectRejected(RULE_VIOLATION, "amount.amount", "at most USD 0.00 remains");
		}

		@Test
		void rejectsABackdatedDisbursementThatWouldOverdrawALaterDate() {
			// 50 already disbursed on D4: 60 on D2 would make 110 disbursed by D4 against a commitment of 100
			given(committed100(disbursed(EDCF_FUNDING, usd("50.00"), D4)))
					.when(disburse(EDCF_FUNDING, usd("60.00"), D2))
					.expectRejected(RULE_VIOLATION, "amount.amount",
							"disbursing USD 60.00 on 2026-04-01", "at most USD 50.00 remains");
		}

		@Test
		void acceptsABackdatedDisbursementUpToTheLimitOfTheLaterDate() {
			fixture.given(committed100(disbursed(EDCF_FUNDING, usd("50.00"), D4)))
					.when(disburse(EDCF_FUNDING, usd("50.00"), D2))
					.expectEvents(disbursed(EDCF_FUNDING, usd("50.00"), D2));
		}

		@Test
		void rejectsABackdatedDisbursementAboveALaterDownwardCorrection() {
			// 150 committed on D1, corrected down to 100 on D3: 120 on D2 would be 120 disbursed against 100 from D3
			given(concat(agreed(), edcfCommitted(EDCF_FUNDING, usd("150.00"), D1),
							new ProjectStageChangedEvent(ID, Stage.AGREED, Stage.FINANCED, D1),
							corrected(usd("150.00"), usd("100.00"), D3)))
					.when(disburse(EDCF_FUNDING, usd("120.00"), D2))
					.expectRejected(RULE_VIOLATION, "amount.amount", "at most USD 100.00 remains");
		}

		// --- corrections in date order ------------------------------------------------------------------------

		@Test
		void rejectsACorrectionDatedBeforeThePreviousCorrection() {
			given(concat(financed(), corrected(EDCF_AMOUNT, usd("150000000.00"), D3)))
					.when(correct(EDCF_FUNDING, usd("165000000.00"), D2))
					.expectRejected(RULE_VIOLATION, "on", "the correction is dated 2026-04-01, before funding '"
								+ EDCF_FUNDING + "' was last corrected on 2026-05-01");
		}

		@ParameterizedTest(name = "corrected on {0}")
		@ValueSource(strings = {"2026-05-01", "2026-06-15"})
		void acceptsACorrectionDatedOnOrAfterThePreviousCorrection(LocalDate correctedOn) {
			fixture.given(concat(financed(), corrected(EDCF_AMOUNT, usd("150000000.00"), D3)))
					.when(correct(EDCF_FUNDING, usd("165000000.00"), correctedOn))
					.expectEvents(corrected(usd("150000000.00"), usd("165000000.00"), correctedOn));
		}

		// --- a milestone is not recorded before it was achieved ------------------------------------------------

		@Test
		void rejectsAMilestoneRecordedBeforeItWasAchieved() {
			given(financed())
					.when(milestone("M1-DESIGN", "Detailed design approved", null, LocalDate.of(2026, 6, 2),
							LocalDate.of(2026, 6, 1)))
					.expectRejected(INVALID_INPUT, "on", "the record is dated 2026-06-01, before the milestone was "
								+ "achieved on 2026-06-02");
		}

		@Test
		void acceptsAMilestoneRecordedOnTheDayItWasAchieved() {
			fixture.given(financed())
					.when(milestone("M1-DESIGN", "Detailed design approved", null, LocalDate.of(2026, 6, 2),
							LocalDate.of(2026, 6, 2)))
					.expectEvents(new MilestoneRecordedEvent(ID, "M1-DESIGN", "Detailed design approved", null,
							LocalDate.of(2026, 6, 2), LocalDate.of(2026, 6, 2)));
		}
	}
}
