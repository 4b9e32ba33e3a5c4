package org.pipelinetracker.project.command;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.pipelinetracker.project.api.CancelFundingCommand;
import org.pipelinetracker.project.api.FundingCancelledEvent;
import org.pipelinetracker.project.api.Money;
import org.pipelinetracker.project.api.RecordInterestPaymentCommand;
import org.pipelinetracker.project.api.RecordLoanRepaymentCommand;
import org.pipelinetracker.project.api.RecordTransactionCommand;
import org.pipelinetracker.project.api.TransactionRecordedEvent;

import java.time.LocalDate;

import static org.pipelinetracker.project.api.CommandRejectedException.Kind.INVALID_INPUT;
import static org.pipelinetracker.project.api.CommandRejectedException.Kind.RULE_VIOLATION;

/**
 * A commitment's later life: cancellations never below what was disbursed, repayments never above what is
 * outstanding, interest in the loan's currency, and flows kept under their IATI code as published.
 */
class ProjectLoansTest extends ProjectFixture {

	static final LocalDate DISBURSED_ON = LocalDate.of(2026, 4, 10);
	static final LocalDate CANCELLED_ON = LocalDate.of(2026, 5, 1);

	static Object[] disbursedForty() {
		return concat(financed(), disbursed(EDCF_FUNDING, usd("40000000.00"), DISBURSED_ON));
	}

	static CancelFundingCommand cancel(Money amount) {
		return new CancelFundingCommand(ID, EDCF_FUNDING, amount, CANCELLED_ON, "Savings on the tender");
	}

	static RecordLoanRepaymentCommand repay(Money amount, LocalDate on) {
		return new RecordLoanRepaymentCommand(ID, EDCF_FUNDING, amount, on);
	}

	static TransactionRecordedEvent repaid(Money amount, LocalDate on) {
		return new TransactionRecordedEvent(ID, "6", amount, on, EDCF_FUNDING, null, null, null);
	}

	@Nested
	class CancelFunding {

		@Test
		void cancelsPartOfTheUndisbursedCommitment() {
			fixture.given(disbursedForty())
					.when(cancel(usd("30000000.00")))
					.expectEvents(new FundingCancelledEvent(ID, EDCF_FUNDING, usd("30000000.00"), usd("150000000.00"),
							CANCELLED_ON, "Savings on the tender"));
		}

		@Test
		void cancelsTheWholeUndisbursedBalanceWhenNoAmountIsGiven() {
			fixture.given(disbursedForty())
					.when(cancel(null))
					.expectEvents(new FundingCancelledEvent(ID, EDCF_FUNDING, usd("140000000.00"), usd("40000000.00"),
							CANCELLED_ON, "Savings on the tender"));
		}

		@Test
		void rejectsCancellingMoreThanIsUndisbursed() {
			given(disbursedForty())
					.when(cancel(usd("140000000.01")))
					.expectRejected(RULE_VIOLATION, "amount.amount", "cannot cancel USD 140000000.01 of 'EDCF-UZB-2026-01':"
							+ " only USD 140000000.00 is undisbursed (USD 180000000.00 committed, USD 40000000.00"
							+ " disbursed)");
		}

		@Test
		void rejectsAWholeCancellationOfAFullyDisbursedCommitment() {
			given(concat(financed(), disbursed(EDCF_FUNDING, EDCF_AMOUNT, DISBURSED_ON)))
					.when(cancel(null))
					.expectRejected(RULE_VIOLATION, "amount", "nothing of 'EDCF-UZB-2026-01' is left to cancel");
		}

		@Test
		void aSecondCancellationSeesTheFirst() {
			given(concat(disbursedForty(), new FundingCancelledEvent(ID, EDCF_FUNDING, usd("140000000.00"),
					usd("40000000.00"), CANCELLED_ON, "closed")))
					.when(cancel(usd("1.00")))
					.expectRejected(RULE_VIOLATION, "amount.amount", "only USD 0.00 is undisbursed");
		}

		@Test
		void rejectsACancellationInAnotherCurrency() {
			given(disbursedForty())
					.when(cancel(Money.of("10.00", "EUR")))
					.expectRejected(RULE_VIOLATION, "amount.currency", "is in USD");
		}

		@Test
		void rejectsACancellationWithoutAReason() {
			given(disbursedForty())
					.when(new CancelFundingCommand(ID, EDCF_FUNDING, null, CANCELLED_ON, " "))
					.expectRejected(INVALID_INPUT, "reason", "a reason is required");
		}

		@Test
		void rejectsACancellationBeforeTheCommitment() {
			given(disbursedForty())
					.when(new CancelFundingCommand(ID, EDCF_FUNDING, null, COMMITTED_ON.minusDays(1), "why"))
					.expectRejected(RULE_VIOLATION, "cancelledOn", "its commitment last changed on 2026-03-05");
		}
	}

	@Nested
	class RecordLoanRepayment {

		@Test
		void recordsARepaymentAsTransactionTypeSix() {
			fixture.given(disbursedForty())
					.when(repay(usd("1000000.00"), TODAY))
					.expectEvents(repaid(usd("1000000.00"), TODAY));
		}

		@Test
		void mayRepayExactlyWhatIsOutstanding() {
			fixture.given(concat(disbursedForty(), repaid(usd("39000000.00"), TODAY)))
					.when(repay(usd("1000000.00"), TODAY))
					.expectEvents(repaid(usd("1000000.00"), TODAY));
		}

		@Test
		void rejectsRepayingMoreThanIsOutstanding() {
			given(concat(disbursedForty(), repaid(usd("39000000.00"), TODAY)))
					.when(repay(usd("1000000.01"), TODAY))
					.expectRejected(RULE_VIOLATION, "amount.amount", "cannot repay USD 1000000.01 of"
							+ " 'EDCF-UZB-2026-01' on 2026-06-15: only USD 1000000.00 is outstanding (USD 40000000.00"
							+ " disbursed by then, USD 39000000.00 repaid)");
		}

		@Test
		void rejectsRepayingBeforeAnythingWasDisbursed() {
			given(disbursedForty())
					.when(repay(usd("1.00"), DISBURSED_ON.minusDays(1)))
					.expectRejected(RULE_VIOLATION, "amount.amount", "only USD 0.00 is outstanding");
		}
	}

	@Nested
	class RecordInterestPayment {

		@Test
		void recordsInterestAsTransactionTypeFive() {
			fixture.given(disbursedForty())
					.when(new RecordInterestPaymentCommand(ID, EDCF_FUNDING, usd("20000.00"), TODAY))
					.expectEvents(new TransactionRecordedEvent(ID, "5", usd("20000.00"), TODAY, EDCF_FUNDING, null,
							null, null));
		}

		@Test
		void rejectsInterestInAnotherCurrency() {
			given(disbursedForty())
					.when(new RecordInterestPaymentCommand(ID, EDCF_FUNDING, Money.of("20000", "KRW"), TODAY))
					.expectRejected(RULE_VIOLATION, "amount.currency", "not KRW");
		}
	}

	@Nested
	class RecordTransaction {

		@Test
		void keepsANegativeDisbursementAsPublished() {
			fixture.given(disbursedForty())
					.when(new RecordTransactionCommand(ID, "3", usd("-500.00"), TODAY, null, "Eximbank", null, "reversal"))
					.expectEvents(new TransactionRecordedEvent(ID, "3", usd("-500.00"), TODAY, null, "Eximbank", null,
							"reversal"));
		}

		@Test
		void keepsAnEquityPurchase() {
			fixture.given(financed())
					.when(new RecordTransactionCommand(ID, "8", usd("1000.00"), TODAY, null, null, null, null))
					.expectEvents(new TransactionRecordedEvent(ID, "8", usd("1000.00"), TODAY, null, null, null, null));
		}

		@Test
		void rejectsAPositiveTypedTransaction() {
			given(financed())
					.when(new RecordTransactionCommand(ID, "3", usd("500.00"), TODAY, null, null, null, null))
					.expectRejected(INVALID_INPUT, "type", "a positive transaction of type 3");
		}

		@Test
		void rejectsACodeOutsideOneToThirteen() {
			given(financed())
					.when(new RecordTransactionCommand(ID, "14", usd("500.00"), TODAY, null, null, null, null))
					.expectRejected(INVALID_INPUT, "type", "'14' is not an IATI transaction type");
		}

		@Test
		void aPublishedRepaymentCountsAgainstTheOutstandingPrincipal() {
			given(concat(disbursedForty(), new TransactionRecordedEvent(ID, "6", usd("40000000.00"), TODAY,
					EDCF_FUNDING, null, null, null)))
					.when(repay(usd("0.01"), TODAY))
					.expectRejected(RULE_VIOLATION, "amount.amount", "only USD 0.00 is outstanding");
		}
	}
}
