package org.pipelinetracker.project.query;

import org.pipelinetracker.project.api.FundingCancelledEvent;
import org.pipelinetracker.project.api.LoanDatesRecordedEvent;
import org.pipelinetracker.project.api.Money;
import org.pipelinetracker.project.api.ProjectEvent;
import org.pipelinetracker.project.api.TransactionRecordedEvent;
import org.pipelinetracker.project.query.ProjectView.CancellationView;
import org.pipelinetracker.project.query.ProjectView.FundingView;
import org.pipelinetracker.project.query.ProjectView.TransactionView;

import java.math.BigDecimal;

/**
 * How a {@link ProjectView} folds a loan's recorded dates (the effectiveness and closing dates in force; a replaced
 * closing date is kept in {@code earlierClosingDates}), a commitment's cancellations and the flows kept under their IATI code: a
 * cancellation lowers the commitment in force (and the committed total) by what it cancels; every kept flow is listed
 * in {@link ProjectView#otherTransactions}; a repayment (6) or interest payment (5) in the commitment's currency adds
 * to its {@code repaid} or {@code interestPaid}, and {@code outstanding} is what was disbursed less what was repaid.
 */
final class LoanFlows {

	private LoanFlows() {
	}

	static void apply(ProjectView view, ProjectEvent event) {
		if (event instanceof FundingCancelledEvent e) {
			FundingView funding = funding(view, e.fundingId());
			funding.cancellations.add(new CancellationView(e.cancelled(), e.remaining(), e.cancelledOn(), e.reason()));
			funding.cancelled = funding.cancelled == null ? e.cancelled() : funding.cancelled.plus(e.cancelled());
			view.committedByCurrency.merge(e.remaining().currency(), e.cancelled().amount().negate(), BigDecimal::add);
			funding.amount = e.remaining();
			funding.undisbursed = funding.amount.minus(funding.disbursed);
		}
		else if (event instanceof LoanDatesRecordedEvent e) {
			FundingView funding = funding(view, e.fundingId());
			if (funding.closingOn != null && !funding.closingOn.equals(e.closingOn())) {
				funding.earlierClosingDates.add(funding.closingOn);
			}
			funding.effectiveOn = e.effectiveOn();
			funding.closingOn = e.closingOn();
		}
		else if (event instanceof TransactionRecordedEvent e) {
			view.otherTransactions.add(new TransactionView(e.type(), e.value(), e.transactionDate(), e.fundingId(),
					e.provider(), e.receiver(), e.description()));
			FundingView funding = e.fundingId() == null ? null : funding(view, e.fundingId());
			if (funding == null || !funding.amount.currency().equals(e.value().currency())) {
				return;
			}
			if (TransactionRecordedEvent.LOAN_REPAYMENT.equals(e.type())) {
				funding.repaid = funding.repaid == null ? e.value() : funding.repaid.plus(e.value());
				disbursed(funding);
			}
			else if (TransactionRecordedEvent.INTEREST_PAYMENT.equals(e.type())) {
				funding.interestPaid = funding.interestPaid == null ? e.value() : funding.interestPaid.plus(e.value());
			}
		}
	}

	/** Keeps {@code outstanding} (disbursed less repaid) current once anything was repaid. */
	static void disbursed(FundingView funding) {
		if (funding.repaid != null) {
			funding.outstanding = funding.disbursed.minus(funding.repaid);
		}
	}

	/** The project's commitment {@code fundingId}; an event naming another is a broken history. */
	static FundingView funding(ProjectView view, String fundingId) {
		return view.fundings.stream().filter(f -> f.fundingId.equals(fundingId)).findFirst()
				.orElseThrow(() -> new IllegalStateException("event refers to unknown funding " + fundingId));
	}

	static Money zeroIfNull(Money money, String currency) {
		return money == null ? Money.zero(currency) : money;
	}
}
