package org.pipelinetracker.project.command;

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

	static void requirePositive(String field, Money amount) {
		if (amount == null || amount.amount().signum() <= 0) {
			throw invalid(field, "amount must be greater than zero");
		}
	}

	/** An estimated cost is optional, but not zero or less. */
	static void requireEstimatedCost(Money estimatedCost) {
		if (estimatedCost != null && !estimatedCost.isPositive()) {
			throw invalid("estimatedCost.amount", "estimated cost must be greater than zero");
		}
	}

	/** The loan terms of an Eximbank commitment ({@link LoanTerms#NONE} when none are given). */
	static LoanTerms requireLoanTerms(LoanTerms given) {
		LoanTerms terms = given == null ? LoanTerms.NONE : given;
		if (terms.graceYears() != null && terms.maturityYears() != null && terms.graceYears() > terms.maturityYears()) {
			throw invalid("graceYears", "grace period (" + terms.graceYears() + " years) is longer than the maturity ("
					+ terms.maturityYears() + " years)");
		}
		return terms;
	}

	/** The IATI flow type of a commitment from {@code source} other than Eximbank: the given one if it fits, else the source's default. */
	static String flowTypeOf(FundingSource source, String flowType) {
		if (source == FundingSource.EXIMBANK) {
			throw invalid("source", "Korea Eximbank commitments are recorded with FundViaEximbank "
					+ "(POST /api/projects/{id}/fundings/eximbank)");
		}
		if (flowType != null && !source.allowedFlowTypes().contains(flowType)) {
			throw invalid("flowType", "flow type " + flowType + " does not fit a " + source
					+ " commitment; allowed: " + source.allowedFlowTypes());
		}
		return flowType == null ? source.defaultFlowType() : flowType;
	}

	static void requireProvider(String provider) {
		if (provider == null || provider.isBlank()) {
			throw invalid("provider", "incoming funds need the organisation that provided them");
		}
	}

	void requireNewFunding(String fundingId) {
		if (fundings.containsKey(fundingId)) {
			throw duplicate("fundingId", "funding '" + fundingId + "' is already recorded for project " + projectId);
		}
	}

	Funding requireFunding(String fundingId) {
		Funding funding = fundings.get(fundingId);
		if (funding == null) {
			throw rule("fundingId", "project " + projectId + " has no funding '" + fundingId + "'");
		}
		return funding;
	}

	/** @param refusal what cannot be, e.g. "a disbursement in KRW cannot be recorded against it" */
	static void requireCommittedCurrency(String fundingId, Funding funding, Money amount, String refusal) {
		if (!amount.currency().equals(funding.committed().currency())) {
			throw rule("amount.currency", "funding '" + fundingId + "' is committed in " + funding.committed().currency()
					+ "; " + refusal);
		}
	}

	static void requireDisbursementHeadroom(String fundingId, Funding funding, Money amount, LocalDate on) {
		requireHeadroom(fundingId, funding, amount, on, funding.disbursementHeadroomFrom(on), "disbursing", "disbursed");
	}

	static void requireReceiptHeadroom(String fundingId, Funding funding, Money amount, LocalDate on) {
		requireHeadroom(fundingId, funding, amount, on, funding.receiptHeadroomFrom(on), "receiving", "received");
	}

	private static void requireHeadroom(String fundingId, Funding funding, Money amount, LocalDate on, Money headroom,
			String verb, String participle) {
		if (amount.isGreaterThan(headroom)) {
			throw rule("amount.amount", verb + " " + amount + " on " + on + " would bring the total " + participle
					+ " under '" + fundingId + "' above the commitment in force (" + funding.committedAt(on)
					+ " on that date, " + funding.committed() + " now); at most " + headroom + " remains");
		}
	}

	/** A correction keeps the currency, changes the amount, and leaves room for what was disbursed and received. */
	static void requireCorrection(String fundingId, Funding funding, Money newAmount) {
		requireCommittedCurrency(fundingId, funding, newAmount, "a correction must keep that currency");
		if (newAmount.amount().compareTo(funding.committed().amount()) == 0) {
			throw rule("amount.amount", "funding '" + fundingId + "' is already " + funding.committed());
		}
		if (newAmount.isLessThan(funding.disbursed())) {
			throw rule("amount.amount", "cannot correct '" + fundingId + "' to " + newAmount + ": "
					+ funding.disbursed() + " has already been disbursed under it");
		}
		if (newAmount.isLessThan(funding.received())) {
			throw rule("amount.amount", "cannot correct '" + fundingId + "' to " + newAmount + ": "
					+ funding.received() + " has already been received under it");
		}
	}
}
