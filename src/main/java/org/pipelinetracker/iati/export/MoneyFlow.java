package org.pipelinetracker.iati.export;

import org.pipelinetracker.iati.conventions.TransactionType;
import org.pipelinetracker.project.api.Money;
import org.pipelinetracker.project.query.ProjectView;
import org.pipelinetracker.project.query.ProjectView.CancellationView;
import org.pipelinetracker.project.query.ProjectView.CorrectionView;
import org.pipelinetracker.project.query.ProjectView.TransactionView;
import org.pipelinetracker.project.query.ProjectView.DisbursementView;
import org.pipelinetracker.project.query.ProjectView.ExpenditureView;
import org.pipelinetracker.project.query.ProjectView.FundingView;
import org.pipelinetracker.project.query.ProjectView.IncomingFundsView;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * One movement of money of a project, as exported: an IATI transaction and a row of transactions.csv.
 * <p>
 * A commitment is exported at its ORIGINAL amount on its commitment date (transaction type 2). Each correction
 * is another type 2 transaction holding the difference (new − previous, negative for a reduction) on the
 * correction date, with the reason as its description, so the commitments of a funding add up to the amount in
 * force and a valid-time cut keeps only what was true then. Each disbursement is a type 3 transaction. Incoming
 * funds are type 1 and expenditures type 4, each with its own provider, receiver and description; {@code funding}
 * is the commitment they name, or null. A cancellation is a type 2 transaction with the negative amount cancelled on
 * its date, the reason as its description. Every other flow (interest payment 5, loan repayment 6, types 7 to 13,
 * negative values of 1, 3 and 4) is written under its own code with the value as recorded.
 *
 * @param funding the commitment this movement belongs to or names; null for incoming funds and expenditure
 *                recorded without one
 * @param provider who provides the money (a commitment's funder; the provider of incoming funds or expenditure)
 * @param receiver who receives it (incoming funds and expenditure only; may be null)
 */
record MoneyFlow(FundingView funding, Kind kind, LocalDate valueDate, Money amount, String description,
		String provider, String receiver, String otherType) {

	MoneyFlow(FundingView funding, Kind kind, LocalDate valueDate, Money amount, String description, String provider,
			String receiver) {
		this(funding, kind, valueDate, amount, description, provider, receiver, null);
	}

	/**
	 * The IATI TransactionType code: the kind's, or for a flow kept under its code ({@link Kind#OTHER}: 5 to 13, or a
	 * negative 1, 3 or 4) that code.
	 */
	String transactionType() {
		return kind == Kind.OTHER ? otherType : kind.transactionType();
	}

	/** Whether the flow is the commitment's own (commitment, correction, cancellation, disbursement): it carries the funding's codes. */
	boolean ofFunding() {
		return funding != null && kind != Kind.INCOMING_FUNDS && kind != Kind.EXPENDITURE && kind != Kind.OTHER;
	}

	enum Kind {
		COMMITMENT(TransactionType.COMMITMENT, "commitment"), CORRECTION(TransactionType.COMMITMENT, "correction"),
		DISBURSEMENT(TransactionType.DISBURSEMENT, "disbursement"),
		INCOMING_FUNDS(TransactionType.INCOMING_FUNDS, "incoming-funds"), EXPENDITURE(TransactionType.EXPENDITURE, "expenditure"),
		/** Part or all of the undisbursed commitment cancelled: a type 2 with the negative amount. */
		CANCELLATION(TransactionType.COMMITMENT, "cancellation"),
		/** A flow kept under its own code ({@link MoneyFlow#otherType}). */
		OTHER(null, "other");

		private final TransactionType transactionType;
		private final String label;

		Kind(TransactionType transactionType, String label) {
			this.transactionType = transactionType;
			this.label = label;
		}

		/** IATI TransactionType code: 1 incoming funds, 2 commitment, 3 disbursement, 4 expenditure. */
		String transactionType() {
			return transactionType == null ? null : transactionType.code();
		}

		/** As written in transactions.csv: commitment, correction, disbursement, incoming-funds, expenditure. */
		String label() {
			return label;
		}
	}

	/** The funding id the movement names ({@code ref} in IATI), or null. */
	String fundingId() {
		return funding == null ? null : funding.fundingId;
	}

	/**
	 * Every movement of the project: per funding, its commitment, corrections and disbursements in value-date order
	 * (on one date the commitment first, then corrections, then disbursements, each in recording order); then the
	 * incoming funds and then the expenditures, each in value-date order (recording order on one date).
	 */
	static List<MoneyFlow> of(ProjectView project) {
		List<MoneyFlow> flows = new ArrayList<>();
		for (FundingView funding : project.fundings) {
			flows.addAll(of(funding));
		}
		List<MoneyFlow> incoming = new ArrayList<>();
		for (IncomingFundsView i : project.incomingFunds) {
			incoming.add(new MoneyFlow(funding(project, i.fundingId()), Kind.INCOMING_FUNDS, i.receivedOn(), i.amount(),
					i.description(), i.provider(), i.receiver()));
		}
		incoming.sort(Comparator.comparing(MoneyFlow::valueDate));
		flows.addAll(incoming);
		List<MoneyFlow> spent = new ArrayList<>();
		for (ExpenditureView e : project.expenditures) {
			spent.add(new MoneyFlow(funding(project, e.fundingId()), Kind.EXPENDITURE, e.spentOn(), e.amount(),
					e.description(), e.provider(), e.receiver()));
		}
		spent.sort(Comparator.comparing(MoneyFlow::valueDate));
		flows.addAll(spent);
		List<MoneyFlow> others = new ArrayList<>();
		for (TransactionView t : project.otherTransactions) {
			others.add(new MoneyFlow(funding(project, t.fundingId()), Kind.OTHER, t.transactionDate(), t.value(),
					t.description(), t.provider(), t.receiver(), t.type()));
		}
		others.sort(Comparator.comparing(MoneyFlow::valueDate));
		flows.addAll(others);
		return flows;
	}

	/** The commitment, its corrections and its disbursements in value-date order (stable: see {@link #of(ProjectView)}). */
	static List<MoneyFlow> of(FundingView funding) {
		List<MoneyFlow> flows = new ArrayList<>();
		flows.add(new MoneyFlow(funding, Kind.COMMITMENT, funding.committedOn, funding.originalAmount, null,
				funding.funder, null));
		for (CorrectionView c : funding.corrections) {
			flows.add(new MoneyFlow(funding, Kind.CORRECTION, c.correctedOn(), c.newAmount().minus(c.previousAmount()),
					c.reason(), funding.funder, null));
		}
		for (CancellationView c : funding.cancellations) {
			flows.add(new MoneyFlow(funding, Kind.CANCELLATION, c.cancelledOn(), Money.zero(c.cancelled().currency())
					.minus(c.cancelled()), c.reason(), funding.funder, null));
		}
		for (DisbursementView d : funding.disbursements) {
			flows.add(new MoneyFlow(funding, Kind.DISBURSEMENT, d.disbursedOn(), d.amount(), null, funding.funder, null));
		}
		flows.sort(Comparator.comparing(MoneyFlow::valueDate)); // stable: ties keep the order above
		return flows;
	}

	private static FundingView funding(ProjectView project, String fundingId) {
		return fundingId == null ? null
				: project.fundings.stream().filter(f -> f.fundingId.equals(fundingId)).findFirst().orElse(null);
	}
}
