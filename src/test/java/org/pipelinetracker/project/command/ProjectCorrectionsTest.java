package org.pipelinetracker.project.command;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;
import org.pipelinetracker.project.api.CorrectFundingCommitmentCommand;
import org.pipelinetracker.project.api.FundingCommitmentCorrectedEvent;
import org.pipelinetracker.project.api.Money;
import org.pipelinetracker.project.api.Stage;

import static org.pipelinetracker.project.api.CommandRejectedException.Kind.INVALID_INPUT;
import static org.pipelinetracker.project.api.CommandRejectedException.Kind.RULE_VIOLATION;

/**
 * Correcting a commitment: with a reason, in its currency, never below what was disbursed or received under it.
 */
class ProjectCorrectionsTest extends ProjectFixture {

	@Nested
	class CorrectFundingCommitment {

		@Test
		void correctsACommitmentKeepingThePreviousAmount() {
			fixture.given(financed())
					.when(correct(EDCF_FUNDING, usd("150000000.00"), TODAY))
					.expectEvents(new FundingCommitmentCorrectedEvent(ID, EDCF_FUNDING, EDCF_AMOUNT,
							usd("150000000.00"), "Loan agreement amended: scope reduced", TODAY));
		}

		@Test
		void correctsACommitmentUpwards() {
			fixture.given(financed())
					.when(correct(EDCF_FUNDING, usd("200000000.00"), COMMITTED_ON))
					.expectEvents(corrected(EDCF_AMOUNT, usd("200000000.00"), COMMITTED_ON));
		}

		@Test
		void aSecondCorrectionReportsTheFirstCorrectedAmountAsPrevious() {
			fixture.given(concat(financed(), corrected(EDCF_AMOUNT, usd("150000000.00"))))
					.when(correct(EDCF_FUNDING, usd("165000000.00"), TODAY))
					.expectEvents(corrected(usd("150000000.00"), usd("165000000.00"), TODAY));
		}

		@Test
		void mayBeCorrectedDownToExactlyTheDisbursedTotal() {
			fixture.given(concat(financed(), disbursed(EDCF_FUNDING, usd("100000000.00"), IMPLEMENTATION_ON)))
					.when(correct(EDCF_FUNDING, usd("100000000.00"), TODAY))
					.expectEvents(corrected(EDCF_AMOUNT, usd("100000000.00"), TODAY));
		}

		@Test
		void allowedWhileSuspended() {
			fixture.given(suspendedFrom(Stage.IMPLEMENTATION))
					.when(correct(EDCF_FUNDING, usd("150000000.00"), TODAY))
					.expectEvents(corrected(EDCF_AMOUNT, usd("150000000.00"), TODAY));
		}

		@ParameterizedTest(name = "reason [{0}]")
		@NullAndEmptySource
		@ValueSource(strings = {"   "})
		void rejectsACorrectionWithoutAReason(String reason) {
			given(financed())
					.when(new CorrectFundingCommitmentCommand(ID, EDCF_FUNDING, usd("150000000.00"), reason, TODAY, null))
					.expectRejected(INVALID_INPUT, "reason", "a reason is required");
		}

		@Test
		void rejectsAnUnknownFunding() {
			given(financed())
					.when(correct("KOICA-2026-999", usd("150000000.00"), TODAY))
					.expectRejected(RULE_VIOLATION, "fundingId", "has no funding 'KOICA-2026-999'");
		}

		@Test
		void rejectsACorrectionInAnotherCurrency() {
			given(financed())
					.when(correct(EDCF_FUNDING, Money.of("165000000.00", "EUR"), TODAY))
					.expectRejected(RULE_VIOLATION, "amount.currency",
							"is committed in USD; a correction must keep that currency");
		}

		@ParameterizedTest(name = "{0}")
		@ValueSource(strings = {"180000000.00", "180000000", "180000000.0000"})
		void rejectsACorrectionToTheSameAmount(String amount) {
			given(financed())
					.when(correct(EDCF_FUNDING, usd(amount), TODAY))
					.expectRejected(RULE_VIOLATION, "amount.amount", "is already USD 180000000.00");
		}

		@Test
		void rejectsACorrectionBelowTheDisbursedTotal() {
			given(concat(financed(), disbursed(EDCF_FUNDING, usd("100000000.00"), IMPLEMENTATION_ON)))
					.when(correct(EDCF_FUNDING, usd("99999999.99"), TODAY))
					.expectRejected(RULE_VIOLATION, "amount.amount", "USD 100000000.00 has already been disbursed");
		}

		@ParameterizedTest(name = "amount {0}")
		@ValueSource(strings = {"0.00", "-1.00"})
		void rejectsAnAmountThatIsNotPositive(String amount) {
			given(financed())
					.when(correct(EDCF_FUNDING, usd(amount), TODAY))
					.expectRejected(INVALID_INPUT, "amount.amount", "greater than zero");
		}

		@Test
		void rejectsACorrectionDatedBeforeTheCommitment() {
			given(financed())
					.when(correct(EDCF_FUNDING, usd("150000000.00"), COMMITTED_ON.minusDays(1)))
					.expectRejected(RULE_VIOLATION, "on",
							"before funding '" + EDCF_FUNDING + "' was committed on 2026-03-05");
		}

		@Test
		void rejectsACorrectionDatedInTheFuture() {
			given(financed())
					.when(correct(EDCF_FUNDING, usd("150000000.00"), TOMORROW))
					.expectRejected(INVALID_INPUT, "on", "is in the future");
		}
	}
}
