package org.pipelinetracker.project.command;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.pipelinetracker.project.api.Money;
import org.pipelinetracker.project.api.Stage;

import java.time.LocalDate;

import static org.pipelinetracker.project.api.CommandRejectedException.Kind.INVALID_INPUT;
import static org.pipelinetracker.project.api.CommandRejectedException.Kind.RULE_VIOLATION;

/**
 * Recording disbursements: under a known commitment, in its currency, never above the commitment in force.
 */
class ProjectDisbursementsTest extends ProjectFixture {

	@Nested
	class RecordDisbursement {

		@Test
		void recordsADisbursement() {
			fixture.given(financed())
					.when(disburse(EDCF_FUNDING, usd("20000000.00"), LocalDate.of(2026, 3, 20)))
					.expectEvents(disbursed(EDCF_FUNDING, usd("20000000.00"), LocalDate.of(2026, 3, 20)));
		}

		@Test
		void recordsADisbursementDuringImplementation() {
			fixture.given(inImplementation())
					.when(disburse(EDCF_FUNDING, usd("20000000.00"), TODAY))
					.expectEvents(disbursed(EDCF_FUNDING, usd("20000000.00"), TODAY));
		}

		@Test
		void totalMayReachExactlyTheCommitment() {
			fixture.given(concat(financed(), disbursed(EDCF_FUNDING, usd("100000000.00"), IMPLEMENTATION_ON)))
					.when(disburse(EDCF_FUNDING, usd("80000000.00"), TODAY))
					.expectEvents(disbursed(EDCF_FUNDING, usd("80000000.00"), TODAY));
		}

		@Test
		void rejectsATotalAboveTheCommitment() {
			given(concat(financed(), disbursed(EDCF_FUNDING, usd("100000000.00"), IMPLEMENTATION_ON)))
					.when(disburse(EDCF_FUNDING, usd("80000000.01"), TODAY))
					.expectRejected(RULE_VIOLATION, "amount.amount",
							"above the commitment", "at most USD 80000000.00 remains");
		}

		@Test
		void rejectsAnUnknownFunding() {
			given(financed())
					.when(disburse("KOICA-2026-999", usd("1000000.00"), TODAY))
					.expectRejected(RULE_VIOLATION, "fundingId", "has no funding 'KOICA-2026-999'");
		}

		@Test
		void rejectsADisbursementInAnotherCurrency() {
			given(financed())
					.when(disburse(EDCF_FUNDING, Money.of("25000000000", "KRW"), TODAY))
					.expectRejected(RULE_VIOLATION, "amount.currency",
							"is committed in USD; a disbursement in KRW cannot be recorded");
		}

		@ParameterizedTest(name = "amount {0}")
		@ValueSource(strings = {"0.00", "-1.00"})
		void rejectsAnAmountThatIsNotPositive(String amount) {
			given(financed())
					.when(disburse(EDCF_FUNDING, usd(amount), TODAY))
					.expectRejected(INVALID_INPUT, "amount.amount", "greater than zero");
		}

		@Test
		void rejectsADisbursementBeforeTheCommitment() {
			given(financed())
					.when(disburse(EDCF_FUNDING, usd("1000000.00"), COMMITTED_ON.minusDays(1)))
					.expectRejected(RULE_VIOLATION, "disbursedOn",
							"before funding '" + EDCF_FUNDING + "' was committed on 2026-03-05");
		}

		@Test
		void rejectsADisbursementDatedInTheFuture() {
			given(financed())
					.when(disburse(EDCF_FUNDING, usd("1000000.00"), TOMORROW))
					.expectRejected(INVALID_INPUT, "disbursedOn", "is in the future");
		}

		@Test
		void refusedWhileSuspended() {
			given(suspendedFrom(Stage.IMPLEMENTATION))
					.when(disburse(EDCF_FUNDING, usd("1000000.00"), TODAY))
					.expectRejected(RULE_VIOLATION, NO_FIELD,
							"is suspended; resume it before you record a disbursement");
		}

		@ParameterizedTest(name = "{0}")
		@EnumSource(value = Stage.class, names = {"COMPLETED", "CANCELLED"})
		void refusedWhenTheProjectHasEnded(Stage terminal) {
			given(historyIn(terminal))
					.when(disburse(EDCF_FUNDING, usd("1000000.00"), TODAY))
					.expectRejected(RULE_VIOLATION, NO_FIELD, "it cannot record a disbursement any more");
		}

		@Test
		void aDownwardCorrectionLowersTheLimit() {
			given(concat(financed(), corrected(EDCF_AMOUNT, usd("150000000.00")),
							disbursed(EDCF_FUNDING, usd("100000000.00"), IMPLEMENTATION_ON)))
					.when(disburse(EDCF_FUNDING, usd("50000000.01"), TODAY))
					.expectRejected(RULE_VIOLATION, "amount.amount",
							"above the commitment", "at most USD 50000000.00 remains");
		}

		@Test
		void aDownwardCorrectedCommitmentCanStillBeDisbursedInFull() {
			fixture.given(concat(financed(), corrected(EDCF_AMOUNT, usd("150000000.00")),
							disbursed(EDCF_FUNDING, usd("100000000.00"), IMPLEMENTATION_ON)))
					.when(disburse(EDCF_FUNDING, usd("50000000.00"), TODAY))
					.expectEvents(disbursed(EDCF_FUNDING, usd("50000000.00"), TODAY));
		}
	}
}
