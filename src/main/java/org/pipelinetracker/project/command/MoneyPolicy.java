package org.pipelinetracker.project.command;

import org.pipelinetracker.kernel.Text;
import org.pipelinetracker.kernel.Text.Code;
import org.pipelinetracker.project.api.FundingSource;
import org.pipelinetracker.project.api.LoanTerms;
import org.pipelinetracker.project.api.Money;
import org.pipelinetracker.project.api.ProjectId;

import java.time.LocalDate;
import java.util.Map;

import static org.pipelinetracker.project.api.CommandRejectedException.duplicate;
import static org.pipelinetracker.project.api.CommandRejectedException.invalid;
import static org.pipelinetracker.project.api.CommandRejectedException.rule;

/**
 * The money rules, judged against the project's commitments: amounts are greater than zero; a funding id is used
 * once; a commitment's terms and flow type fit its source; money under a commitment is in its currency; on no date
 * is more disbursed, or received, under a commitment than was committed then; and a correction neither repeats the
 * amount in force nor goes below what was already disbursed or received.
 */
record MoneyPolicy(ProjectId projectId, Map<String, Funding> fundings) {

	/** What is recorded against a commitment, with the rejection of another currency. */
	enum AgainstCommitment {
		DISBURSEMENT("problem.rule.disbursementCurrency"),
		INCOMING_FUNDS("problem.rule.incomingFundsCurrency"),
		CORRECTION("problem.rule.correctionCurrency");

		private final String otherCurrency;

		AgainstCommitment(String otherCurrency) {
			this.otherCurrency = otherCurrency;
		}
	}

	static void requirePositive(String field, Money amount) {
		if (amount == null || amount.amount().signum() <= 0) {
			throw invalid(field, Text.of("problem.field.amountNotPositive"));
		}
	}

	/** An estimated cost is optional, but not zero or less. */
	static void requireEstimatedCost(Money estimatedCost) {
		if (estimatedCost != null && !estimatedCost.isPositive()) {
			throw invalid("estimatedCost.amount", Text.of("problem.field.estimatedCostNotPositive"));
		}
	}

	/** The loan terms of an Eximbank commitment ({@link LoanTerms#NONE} when none are given). */
	static LoanTerms requireLoanTerms(LoanTerms given) {
		LoanTerms terms = given == null ? LoanTerms.NONE : given;
		if (terms.graceYears() != null && terms.maturityYears() != null && terms.graceYears() > terms.maturityYears()) {
			throw invalid("graceYears", Text.of("problem.field.graceLongerThanMaturity").with("grace", terms.graceYears())
					.with("maturity", terms.maturityYears()));
		}
		return terms;
	}

	/** The IATI flow type of a commitment from {@code source} other than Eximbank: the given one if it fits, else the source's default. */
	static String flowTypeOf(FundingSource source, String flowType) {
		if (source == FundingSource.EXIMBANK) {
			throw invalid("source", Text.of("problem.field.eximbankSource"));
		}
		if (flowType != null && !source.allowedFlowTypes().contains(flowType)) {
			throw invalid("flowType", Text.of("problem.field.flowTypeMismatch").with("flowType", flowType)
					.with("source", Code.of("ref.fundingSource.", source))
					.with("allowed", String.valueOf(source.allowedFlowTypes())));
		}
		return flowType == null ? source.defaultFlowType() : flowType;
	}

	static void requireProvider(String provider) {
		if (provider == null || provider.isBlank()) {
			throw invalid("provider", Text.of("problem.field.providerRequired"));
		}
	}

	void requireNewFunding(String fundingId) {
		if (fundings.containsKey(fundingId)) {
			throw duplicate("fundingId", Text.of("problem.rule.fundingExists").with("fundingId", fundingId)
					.with("projectId", projectId));
		}
	}

	Funding requireFunding(String fundingId) {
		Funding funding = fundings.get(fundingId);
		if (funding == null) {
			throw rule("fundingId", Text.of("problem.rule.noSuchFunding").with("projectId", projectId)
					.with("fundingId", fundingId));
		}
		return funding;
	}

	/** @param what what {@code amount} is recorded as */
	static void requireCommittedCurrency(String fundingId, Funding funding, Money amount, AgainstCommitment what) {
		if (!amount.currency().equals(funding.committed().currency())) {
			throw rule("amount.currency", Text.of(what.otherCurrency).with("fundingId", fundingId)
					.with("committedCurrency", funding.committed().currency()).with("currency", amount.currency()));
		}
	}

	static void requireDisbursementHeadroom(String fundingId, Funding funding, Money amount, LocalDate on) {
		requireHeadroom(fundingId, funding, amount, on, funding.disbursementHeadroomFrom(on),
				"problem.rule.disbursementOverCommitment");
	}

	static void requireReceiptHeadroom(String fundingId, Funding funding, Money amount, LocalDate on) {
		requireHeadroom(fundingId, funding, amount, on, funding.receiptHeadroomFrom(on),
				"problem.rule.receiptOverCommitment");
	}

	private static void requireHeadroom(String fundingId, Funding funding, Money amount, LocalDate on, Money headroom,
			String rejection) {
		if (amount.isGreaterThan(headroom)) {
			throw rule("amount.amount", Text.of(rejection).with("amount", money(amount)).with("date", on)
					.with("fundingId", fundingId).with("committedThen", money(funding.committedAt(on)))
					.with("committedNow", money(funding.committed())).with("headroom", money(headroom)));
		}
	}

	/** A correction keeps the currency, changes the amount, and leaves room for what was disbursed and received. */
	static void requireCorrection(String fundingId, Funding funding, Money newAmount) {
		requireCommittedCurrency(fundingId, funding, newAmount, AgainstCommitment.CORRECTION);
		if (newAmount.amount().compareTo(funding.committed().amount()) == 0) {
			throw rule("amount.amount", Text.of("problem.rule.correctionUnchanged").with("fundingId", fundingId)
					.with("amount", money(funding.committed())));
		}
		if (newAmount.isLessThan(funding.disbursed())) {
			throw rule("amount.amount", Text.of("problem.rule.correctionBelowDisbursed").with("fundingId", fundingId)
					.with("amount", money(newAmount)).with("disbursed", money(funding.disbursed())));
		}
		if (newAmount.isLessThan(funding.received())) {
			throw rule("amount.amount", Text.of("problem.rule.correctionBelowReceived").with("fundingId", fundingId)
					.with("amount", money(newAmount)).with("received", money(funding.received())));
		}
	}

	/** An amount as the argument of a rejection: written with the reader's separators. */
	static Text.Amount money(Money amount) {
		return Text.money(amount.amount(), amount.currency());
	}
}
