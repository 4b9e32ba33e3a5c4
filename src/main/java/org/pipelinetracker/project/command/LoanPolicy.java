package org.pipelinetracker.project.command;

import org.pipelinetracker.kernel.Text;
import org.pipelinetracker.project.api.LoanDates;
import org.pipelinetracker.project.api.Money;

import java.time.LocalDate;
import java.util.Set;

import static org.pipelinetracker.project.api.CommandRejectedException.invalid;
import static org.pipelinetracker.project.api.CommandRejectedException.rule;
import static org.pipelinetracker.project.command.MoneyPolicy.money;

/**
 * The rules of a commitment's later life and of the money flows kept under their IATI code: a cancellation is in the
 * commitment's currency, not dated before its latest change, and takes no more than the undisbursed balance (what was
 * committed less what was disbursed or received under it, whichever is more); a principal repayment takes no more
 * than is outstanding on its date (disbursed by then, less everything repaid); a flow kept as published has a
 * TransactionType code from 1 to 13, a value other than zero, and for types 1 to 4 only a negative value (the
 * positive ones have their typed commands). A loan's effectiveness date is not before its commitment and its closing
 * date not before its effectiveness (nor its commitment); a typed disbursement falls on or after the effectiveness
 * date and on or before the closing date when they are known.
 */
final class LoanPolicy {

	private static final Set<String> TYPED = Set.of("1", "2", "3", "4");

	private LoanPolicy() {
	}

	static void requireLoanCurrency(String fundingId, Funding funding, Money amount) {
		if (!amount.currency().equals(funding.committed().currency())) {
			throw rule("amount.currency", Text.of("problem.rule.loanCurrency").with("fundingId", fundingId)
					.with("committedCurrency", funding.committed().currency()).with("currency", amount.currency()));
		}
	}

	/** What is left to cancel: the commitment less the larger of what was disbursed and what was received. */
	static Money undisbursed(Funding funding) {
		Money used = funding.disbursed().isLessThan(funding.received()) ? funding.received() : funding.disbursed();
		return funding.committed().minus(used);
	}

	/** The amount a cancellation takes: the one asked for, or (none asked for) the whole undisbursed balance. */
	static Money requireCancellable(String fundingId, Funding funding, Money asked, LocalDate on) {
		LocalDate latest = funding.latestChange();
		if (on.isBefore(latest)) {
			throw rule("cancelledOn", Text.of("problem.rule.cancellationBeforeLatestChange").with("date", on)
					.with("fundingId", fundingId).with("latest", latest));
		}
		Money undisbursed = undisbursed(funding);
		if (asked == null) {
			if (undisbursed.amount().signum() <= 0) {
				throw rule("amount", Text.of("problem.rule.nothingToCancel").with("fundingId", fundingId)
						.with("committed", money(funding.committed())));
			}
			return undisbursed;
		}
		MoneyPolicy.requirePositive("amount.amount", asked);
		requireLoanCurrency(fundingId, funding, asked);
		if (asked.isGreaterThan(undisbursed)) {
			throw rule("amount.amount", Text.of("problem.rule.cancellationOverUndisbursed").with("fundingId", fundingId)
					.with("amount", money(asked)).with("undisbursed", money(undisbursed))
					.with("committed", money(funding.committed())).with("disbursed", money(funding.disbursed())));
		}
		return asked;
	}

	static void requireRepayable(String fundingId, Funding funding, Money amount, LocalDate on) {
		MoneyPolicy.requirePositive("amount.amount", amount);
		requireLoanCurrency(fundingId, funding, amount);
		Money disbursed = funding.disbursedBy(on);
		Money outstanding = disbursed.minus(funding.repaid());
		if (amount.isGreaterThan(outstanding)) {
			throw rule("amount.amount", Text.of("problem.rule.repaymentOverOutstanding").with("fundingId", fundingId)
					.with("amount", money(amount)).with("date", on).with("outstanding", money(outstanding))
					.with("disbursed", money(disbursed)).with("repaid", money(funding.repaid())));
		}
	}

	/**
	 * The loan dates {@code dates} of commitment {@code fundingId} made on {@code committedOn}: effectiveness not before
	 * the commitment, closing not before effectiveness (nor, effectiveness unknown, before the commitment). Null when
	 * none are given.
	 */
	static LoanDates requireLoanDates(String fundingId, LocalDate committedOn, LoanDates dates) {
		if (dates == null || dates.isEmpty()) {
			return null;
		}
		LocalDate effectiveOn = dates.effectiveOn();
		LocalDate closingOn = dates.closingOn();
		if (effectiveOn != null && effectiveOn.isBefore(committedOn)) {
			throw rule("effectiveOn", Text.of("problem.rule.effectiveBeforeCommitment").with("fundingId", fundingId)
					.with("effectiveOn", effectiveOn).with("committedOn", committedOn));
		}
		LocalDate from = effectiveOn != null ? effectiveOn : committedOn;
		if (closingOn != null && closingOn.isBefore(from)) {
			throw rule("closingOn", Text.of("problem.rule.closingBeforeEffective").with("fundingId", fundingId)
					.with("closingOn", closingOn).with("effectiveOn", from));
		}
		return dates;
	}

	/** A typed disbursement on {@code on}: not before the loan's effectiveness date, not after its closing date. */
	static void requireWithinLoanDates(String fundingId, Funding funding, LocalDate on) {
		if (funding.effectiveOn() != null && on.isBefore(funding.effectiveOn())) {
			throw rule("disbursedOn", Text.of("problem.rule.disbursementBeforeEffective").with("fundingId", fundingId)
					.with("date", on).with("effectiveOn", funding.effectiveOn()));
		}
		if (funding.closingOn() != null && on.isAfter(funding.closingOn())) {
			throw rule("disbursedOn", Text.of("problem.rule.disbursementAfterClosing").with("fundingId", fundingId)
					.with("date", on).with("closingOn", funding.closingOn()));
		}
	}

	/** A flow kept as published: a code from 1 to 13; not zero; of types 1 to 4 only a negative value. */
	static void requirePublishedFlow(String type, Money value) {
		int code;
		try {
			code = type == null ? 0 : Integer.parseInt(type);
		}
		catch (NumberFormatException e) {
			code = 0;
		}
		if (code < 1 || code > 13) {
			throw invalid("type", Text.of("problem.field.transactionType").with("type", String.valueOf(type)));
		}
		if (value == null || value.amount().signum() == 0) {
			throw invalid("value.amount", Text.of("problem.field.amountZero"));
		}
		if (TYPED.contains(type) && value.amount().signum() > 0) {
			throw invalid("type", Text.of("problem.field.typedTransaction").with("type", type));
		}
	}
}
