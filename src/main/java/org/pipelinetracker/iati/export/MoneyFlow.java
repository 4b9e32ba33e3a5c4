package org.pipelinetracker.iati.export;

import org.pipelinetracker.project.api.Money;
import org.pipelinetracker.project.query.ProjectView.CorrectionView;
import org.pipelinetracker.project.query.ProjectView.DisbursementView;
import org.pipelinetracker.project.query.ProjectView.FundingView;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * One movement of money of a funding, as exported: an IATI transaction and a row of transactions.csv.
 * <p>
 * A commitment is exported at its ORIGINAL amount on its commitment date (transaction type 2). Each correction
 * is another type 2 transaction holding the difference (new − previous, negative for a reduction) on the
 * correction date, with the reason as its description, so the commitments of a funding add up to the amount in
 * force and a valid-time cut keeps only what was true then. Each disbursement is a type 3 transaction.
 */
record MoneyFlow(FundingView funding, Kind kind, LocalDate valueDate, Money amount, String description) {

	enum Kind {
		COMMITMENT("2"), CORRECTION("2"), DISBURSEMENT("3");

		private final String transactionType;

		Kind(String transactionType) {
			this.transactionType = transactionType;
		}

		/** IATI TransactionType code: 2 commitment, 3 disbursement. */
		String transactionType() {
			return transactionType;
		}

		/** As written in transactions.csv: commitment, correction, disbursement. */
		String label() {
			return name().toLowerCase(Locale.ROOT);
		}
	}

	/**
	 * The commitment, its corrections and its disbursements in value-date order; on one date the commitment comes
	 * first, then corrections, then disbursements, each in recording order.
	 */
	static List<MoneyFlow> of(FundingView funding) {
		List<MoneyFlow> flows = new ArrayList<>();
		flows.add(new MoneyFlow(funding, Kind.COMMITMENT, funding.committedOn, funding.originalAmount, null));
		for (CorrectionView c : funding.corrections) {
			flows.add(new MoneyFlow(funding, Kind.CORRECTION, c.correctedOn(), c.newAmount().minus(c.previousAmount()),
					c.reason()));
		}
		for (DisbursementView d : funding.disbursements) {
			flows.add(new MoneyFlow(funding, Kind.DISBURSEMENT, d.disbursedOn(), d.amount(), null));
		}
		flows.sort(Comparator.comparing(MoneyFlow::valueDate)); // stable: ties keep the order above
		return flows;
	}
}
