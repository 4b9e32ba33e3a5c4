package org.pipelinetracker.project.command;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;
import org.pipelinetracker.project.api.AgreementType;
import org.pipelinetracker.project.api.CompleteProjectCommand;
import org.pipelinetracker.project.api.FundingCommittedEvent;
import org.pipelinetracker.project.api.FundingSource;
import org.pipelinetracker.project.api.LoanTerms;
import org.pipelinetracker.project.api.Money;
import org.pipelinetracker.project.api.ProjectCompletedEvent;
import org.pipelinetracker.project.api.ProjectResumedEvent;
import org.pipelinetracker.project.api.ProjectStageChangedEvent;
import org.pipelinetracker.project.api.RecordIncomingFundsCommand;
import org.pipelinetracker.project.api.Stage;
import org.pipelinetracker.project.api.SuspendProjectCommand;

import java.time.LocalDate;

import static org.pipelinetracker.project.api.CommandRejectedException.Kind.INVALID_INPUT;
import static org.pipelinetracker.project.api.CommandRejectedException.Kind.RULE_VIOLATION;

/**
 * Recording incoming funds (they finance the project as a commitment does) and expenditure (it draws nothing
 * down).
 */
class ProjectIncomingFundsAndExpenditureTest extends ProjectFixture {

	@Nested
	class RecordIncomingFunds {

		private final LocalDate receivedOn = LocalDate.of(2026, 3, 1);

		@Test
		void firstIncomingFundsMoveAnAgreedProjectToFinanced() {
			fixture.given(agreed())
					.when(receive(null, usd("2000000.00"), receivedOn))
					.expectEvents(received(null, usd("2000000.00"), receivedOn),
							new ProjectStageChangedEvent(ID, Stage.AGREED, Stage.FINANCED, receivedOn));
		}

		@Test
		void incomingFundsMayBeReceivedOnTheDayOfTheAgreement() {
			fixture.given(agreed())
					.when(receive(null, usd("2000000.00"), AGREED_ON))
					.expectEvents(received(null, usd("2000000.00"), AGREED_ON),
							new ProjectStageChangedEvent(ID, Stage.AGREED, Stage.FINANCED, AGREED_ON));
		}

		@ParameterizedTest(name = "{0}")
		@EnumSource(value = Stage.class, names = {"FINANCED", "IMPLEMENTATION"})
		void furtherIncomingFundsLeaveTheStageAsItIs(Stage stage) {
			fixture.given(historyIn(stage))
					.when(receive(null, Money.of("1500000000", "KRW"), TODAY))
					.expectEvents(received(null, Money.of("1500000000", "KRW"), TODAY));
		}

		@Test
		void incomingFundsUnderACommitmentNameIt() {
			fixture.given(inImplementation())
					.when(receive(EDCF_FUNDING, usd("20000000.00"), TODAY))
					.expectEvents(received(EDCF_FUNDING, usd("20000000.00"), TODAY));
		}

		@Test
		void receiptsUnderACommitmentAreCappedApartFromItsDisbursements() {
			// the same money seen from both sides: each total may reach the commitment, not their sum
			fixture.given(concat(financed(), disbursed(EDCF_FUNDING, EDCF_AMOUNT, IMPLEMENTATION_ON)))
					.when(receive(EDCF_FUNDING, EDCF_AMOUNT, IMPLEMENTATION_ON))
					.expectEvents(received(EDCF_FUNDING, EDCF_AMOUNT, IMPLEMENTATION_ON));
		}

		@Test
		void rejectsMoreThanTheCommitmentTheyAreReceivedUnder() {
			given(concat(financed(), received(EDCF_FUNDING, usd("100000000.00"), IMPLEMENTATION_ON)))
					.when(receive(EDCF_FUNDING, usd("80000000.01"), TODAY))
					.expectRejected(RULE_VIOLATION, "amount.amount",
							"above the commitment in force", "at most USD 80000000.00 remains");
		}

		@Test
		void aDownwardCorrectionLowersWhatCanStillBeReceivedUnderTheCommitment() {
			given(concat(financed(), corrected(EDCF_AMOUNT, usd("150000000.00")),
							received(EDCF_FUNDING, usd("100000000.00"), IMPLEMENTATION_ON)))
					.when(receive(EDCF_FUNDING, usd("50000000.01"), TODAY))
					.expectRejected(RULE_VIOLATION, "amount.amount", "at most USD 50000000.00 remains");
		}

		@Test
		void rejectedWhileProposed() {
			given(proposed())
					.when(receive(null, usd("2000000.00"), TODAY))
					.expectRejected(RULE_VIOLATION, NO_FIELD,
							"incoming funds can only be recorded once a binding agreement", "is PROPOSED");
		}

		@Test
		void rejectedAfterOnlyAnMou() {
			given(concat(proposed(), signed("MOU-2026-01", AgreementType.MOU, LocalDate.of(2026, 2, 1))))
					.when(receive(null, usd("2000000.00"), TODAY))
					.expectRejected(RULE_VIOLATION, NO_FIELD, "binding agreement");
		}

		@Test
		void rejectsIncomingFundsDatedBeforeTheFirstBindingAgreement() {
			given(agreed())
					.when(receive(null, usd("2000000.00"), AGREED_ON.minusDays(1)))
					.expectRejected(RULE_VIOLATION, "receivedOn",
							"before the first binding agreement was signed on 2026-02-20");
		}

		@Test
		void rejectsIncomingFundsDatedBeforeTheProjectWasFinanced() {
			given(financed())
					.when(receive(null, usd("2000000.00"), COMMITTED_ON.minusDays(1)))
					.expectRejected(RULE_VIOLATION, "receivedOn", "before the project was financed on 2026-03-05");
		}

		@Test
		void firstIncomingFundsCannotMoveTheProjectToFinancedBeforeItReenteredAgreed() {
			LocalDate resumedOn = LocalDate.of(2026, 5, 20);
			given(concat(suspendedFrom(Stage.AGREED), new ProjectResumedEvent(ID, resumedOn, Stage.AGREED)))
					.when(receive(null, usd("2000000.00"), resumedOn.minusDays(1)))
					.expectRejected(RULE_VIOLATION, "receivedOn",
							"before the project entered its current stage (AGREED)");
		}

		@Test
		void rejectsIncomingFundsDatedInTheFuture() {
			given(financed())
					.when(receive(null, usd("2000000.00"), TOMORROW))
					.expectRejected(INVALID_INPUT, "receivedOn", "is in the future");
		}

		@ParameterizedTest(name = "amount {0}")
		@ValueSource(strings = {"0.00", "-1.00"})
		void rejectsAnAmountThatIsNotPositive(String amount) {
			given(financed())
					.when(receive(null, usd(amount), TODAY))
					.expectRejected(INVALID_INPUT, "amount.amount", "greater than zero");
		}

		@ParameterizedTest(name = "provider \"{0}\"")
		@NullAndEmptySource
		@ValueSource(strings = {"  "})
		void rejectsIncomingFundsWithoutAProvider(String provider) {
			given(financed())
					.when(new RecordIncomingFundsCommand(ID, usd("2000000.00"), TODAY, null, provider, null, null))
					.expectRejected(INVALID_INPUT, "provider", "need the organisation that provided them");
		}

		@Test
		void rejectsAnUnknownFunding() {
			given(financed())
					.when(receive("KOICA-2026-999", usd("1000000.00"), TODAY))
					.expectRejected(RULE_VIOLATION, "fundingId", "has no funding 'KOICA-2026-999'");
		}

		@Test
		void rejectsIncomingFundsInAnotherCurrencyThanTheirCommitment() {
			given(financed())
					.when(receive(EDCF_FUNDING, Money.of("25000000000", "KRW"), TODAY))
					.expectRejected(RULE_VIOLATION, "amount.currency",
							"is committed in USD; incoming funds in KRW cannot be recorded");
		}

		@Test
		void rejectsIncomingFundsUnderACommitmentDatedBeforeIt() {
			LocalDate koicaOn = LocalDate.of(2026, 4, 10);
			given(concat(financed(), new FundingCommittedEvent(ID, "KOICA-2026-014", FundingSource.KOICA_GRANT,
							null, "Korea International Cooperation Agency", usd("8500000.00"), koicaOn, LoanTerms.NONE,
							"110", "10", null)))
					.when(receive("KOICA-2026-014", usd("1000000.00"), koicaOn.minusDays(1)))
					.expectRejected(RULE_VIOLATION, "receivedOn",
							"before funding 'KOICA-2026-014' was committed on 2026-04-10");
		}

		@Test
		void refusedWhileSuspended() {
			given(suspendedFrom(Stage.IMPLEMENTATION))
					.when(receive(null, usd("1000000.00"), TODAY))
					.expectRejected(RULE_VIOLATION, NO_FIELD,
							"is suspended; resume it before you record incoming funds");
		}

		@ParameterizedTest(name = "received on {0}")
		@ValueSource(strings = {"2026-05-04", "2026-05-19"})
		void rejectsIncomingFundsDatedInsideAPastSuspension(LocalDate on) {
			given(concat(suspendedFrom(Stage.IMPLEMENTATION),
							new ProjectResumedEvent(ID, LocalDate.of(2026, 5, 20), Stage.IMPLEMENTATION)))
					.when(receive(null, usd("1000000.00"), on))
					.expectRejected(RULE_VIOLATION, "receivedOn",
							"nothing can be committed, disbursed, received or spent on " + on);
		}

		@Test
		void aFirstReceiptReturnsTheVersionAfterTheStageChange() {
			fixture.given(agreed()) // sequences 0..2
					.when(receive(null, usd("2000000.00"), receivedOn)) // sequences 3 and 4
					.expectResultMessagePayload(4L);
		}

		@Test
		void aCommitmentCannotBeCorrectedBelowWhatWasReceivedUnderIt() {
			given(concat(financed(), received(EDCF_FUNDING, usd("100000000.00"), IMPLEMENTATION_ON)))
					.when(correct(EDCF_FUNDING, usd("99999999.99"), TODAY))
					.expectRejected(RULE_VIOLATION, "amount.amount",
							"USD 100000000.00 has already been received under it");
		}

		@Test
		void aSuspensionCannotBeDatedBeforeTheLatestIncomingFunds() {
			given(concat(inImplementation(), received(null, usd("1000000.00"), LocalDate.of(2026, 5, 10))))
					.when(new SuspendProjectCommand(ID, SUSPENDED_ON, "Land acquisition dispute"))
					.expectRejected(RULE_VIOLATION, "on",
							"incoming funds or expenditure already recorded (2026-05-10)");
		}
	}

	@Nested
	class RecordExpenditure {

		private final Money feasibilityStudy = Money.of("1235514000", "UZS");

		@ParameterizedTest(name = "{0}")
		@EnumSource(value = Stage.class, names = {"PROPOSED", "AGREED", "FINANCED", "IMPLEMENTATION"})
		void recordsAnExpenditureInEveryActiveStage(Stage stage) {
			fixture.given(historyIn(stage))
					.when(spend(null, feasibilityStudy, TODAY))
					.expectEvents(spent(null, feasibilityStudy, TODAY));
		}

		@Test
		void preparationMayBePaidForBeforeAnyAgreement() {
			fixture.given(proposed())
					.when(spend(null, feasibilityStudy, PROPOSED_ON))
					.expectEvents(spent(null, feasibilityStudy, PROPOSED_ON));
		}

		@Test
		void anExpenditurePaidFromACommitmentMayBeInAnotherCurrency() {
			fixture.given(inImplementation())
					.when(spend(EDCF_FUNDING, feasibilityStudy, TODAY))
					.expectEvents(spent(EDCF_FUNDING, feasibilityStudy, TODAY));
		}

		@Test
		void anExpenditureDrawsNothingDownFromTheCommitment() {
			fixture.given(concat(financed(), spent(EDCF_FUNDING, EDCF_AMOUNT, IMPLEMENTATION_ON)))
					.when(disburse(EDCF_FUNDING, EDCF_AMOUNT, TODAY))
					.expectEvents(disbursed(EDCF_FUNDING, EDCF_AMOUNT, TODAY));
		}

		@Test
		void anExpenditureNeitherFinancesTheProjectNorChangesItsStage() {
			fixture.given(agreed())
					.when(spend(null, usd("5000.00"), TODAY))
					.expectEvents(spent(null, usd("5000.00"), TODAY));
		}

		@Test
		void rejectsAnUnknownFunding() {
			given(financed())
					.when(spend("KOICA-2026-999", usd("1000.00"), TODAY))
					.expectRejected(RULE_VIOLATION, "fundingId", "has no funding 'KOICA-2026-999'");
		}

		@Test
		void rejectsAnExpenditureFromACommitmentDatedBeforeIt() {
			given(financed())
					.when(spend(EDCF_FUNDING, usd("1000.00"), COMMITTED_ON.minusDays(1)))
					.expectRejected(RULE_VIOLATION, "spentOn",
							"before funding '" + EDCF_FUNDING + "' was committed on 2026-03-05");
		}

		@Test
		void rejectsAnExpenditureDatedBeforeTheProposal() {
			given(proposed())
					.when(spend(null, usd("1000.00"), PROPOSED_ON.minusDays(1)))
					.expectRejected(RULE_VIOLATION, "spentOn", "before the project was proposed on 2026-01-12");
		}

		@Test
		void rejectsAnExpenditureDatedInTheFuture() {
			given(financed())
					.when(spend(null, usd("1000.00"), TOMORROW))
					.expectRejected(INVALID_INPUT, "spentOn", "is in the future");
		}

		@ParameterizedTest(name = "amount {0}")
		@ValueSource(strings = {"0.00", "-1.00"})
		void rejectsAnAmountThatIsNotPositive(String amount) {
			given(financed())
					.when(spend(null, usd(amount), TODAY))
					.expectRejected(INVALID_INPUT, "amount.amount", "greater than zero");
		}

		@Test
		void refusedWhileSuspended() {
			given(suspendedFrom(Stage.PROPOSED))
					.when(spend(null, usd("1000.00"), TODAY))
					.expectRejected(RULE_VIOLATION, NO_FIELD,
							"is suspended; resume it before you record an expenditure");
		}

		@ParameterizedTest(name = "spent on {0}")
		@ValueSource(strings = {"2026-05-04", "2026-05-19"})
		void rejectsAnExpenditureDatedInsideAPastSuspension(LocalDate on) {
			given(concat(suspendedFrom(Stage.PROPOSED), new ProjectResumedEvent(ID, LocalDate.of(2026, 5, 20),
							Stage.PROPOSED)))
					.when(spend(null, usd("1000.00"), on))
					.expectRejected(RULE_VIOLATION, "spentOn",
							"nothing can be committed, disbursed, received or spent on " + on);
		}

		@Test
		void aCompletionCannotBeDatedBeforeTheLatestExpenditure() {
			given(concat(inImplementation(), spent(null, usd("1000.00"), LocalDate.of(2026, 6, 10))))
					.when(new CompleteProjectCommand(ID, LocalDate.of(2026, 6, 5)))
					.expectRejected(RULE_VIOLATION, "on",
							"incoming funds or expenditure already recorded (2026-06-10)");
		}

		@Test
		void aCompletionOnTheDayOfTheLatestExpenditureIsFine() {
			LocalDate on = LocalDate.of(2026, 6, 10);
			fixture.given(concat(inImplementation(), spent(null, usd("1000.00"), on)))
					.when(new CompleteProjectCommand(ID, on))
					.expectEvents(new ProjectCompletedEvent(ID, on));
		}
	}
}
