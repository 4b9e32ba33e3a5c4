package org.pipelinetracker.project.query;

import org.pipelinetracker.project.api.BudgetRecordedEvent;
import org.pipelinetracker.project.api.DisbursementRecordedEvent;
import org.pipelinetracker.project.api.ExpenditureRecordedEvent;
import org.pipelinetracker.project.api.FundingCancelledEvent;
import org.pipelinetracker.project.api.FundingCommitmentCorrectedEvent;
import org.pipelinetracker.project.api.FundingCommittedEvent;
import org.pipelinetracker.project.api.LoanDatesRecordedEvent;
import org.pipelinetracker.project.api.IncomingFundsRecordedEvent;
import org.pipelinetracker.project.api.Money;
import org.pipelinetracker.project.api.PlannedDisbursementRecordedEvent;
import org.pipelinetracker.project.api.ProjectEvent;
import org.pipelinetracker.project.api.StallKind;
import org.pipelinetracker.project.api.TransactionRecordedEvent;
import org.pipelinetracker.project.query.ProjectView.BudgetView;
import org.pipelinetracker.project.query.ProjectView.CorrectionView;
import org.pipelinetracker.project.query.ProjectView.DisbursementView;
import org.pipelinetracker.project.query.ProjectView.ExpenditureView;
import org.pipelinetracker.project.query.ProjectView.FundingView;
import org.pipelinetracker.project.query.ProjectView.IncomingFundsView;
import org.pipelinetracker.project.query.ProjectView.PlannedDisbursementView;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * How a {@link ProjectView} folds the project's money: commitments, disbursements, corrections, incoming funds and
 * expenditure, budgets and planned disbursements (each kept as recorded, revisions included); cancellations and the
 * flows kept under their own IATI code go on to {@link LoanFlows}.
 */
final class MoneyFold {

	private MoneyFold() {
	}

	/** Whether the event is one of the project's money. */
	static boolean folds(ProjectEvent event) {
		return event instanceof FundingCommittedEvent || event instanceof DisbursementRecordedEvent
				|| event instanceof IncomingFundsRecordedEvent || event instanceof ExpenditureRecordedEvent
				|| event instanceof FundingCommitmentCorrectedEvent || event instanceof FundingCancelledEvent
				|| event instanceof TransactionRecordedEvent || event instanceof BudgetRecordedEvent
				|| event instanceof PlannedDisbursementRecordedEvent || event instanceof LoanDatesRecordedEvent;
	}

	static void apply(ProjectView v, ProjectEvent event, Instant recordedAt) {
		if (event instanceof FundingCommittedEvent e) {
			FundingView funding = new FundingView();
			funding.fundingId = e.fundingId();
			funding.source = e.source();
			funding.instrument = e.instrument();
			funding.funder = e.funder();
			funding.amount = e.amount();
			funding.originalAmount = e.amount();
			funding.disbursed = Money.zero(e.amount().currency());
			funding.undisbursed = e.amount();
			funding.committedOn = e.committedOn();
			funding.terms = e.terms() == null || e.terms().isEmpty() ? null : e.terms();
			funding.financeType = e.financeType();
			funding.flowType = e.flowType();
			funding.facilityId = e.facilityId();
			funding.effectiveOn = e.datesOrNone().effectiveOn();
			funding.closingOn = e.datesOrNone().closingOn();
			v.fundings.add(funding);
			v.alerts.removeIf(a -> a.kind() == StallKind.NO_FUNDING);
			v.committedByCurrency.merge(e.amount().currency(), e.amount().amount(), BigDecimal::add);
		}
		else if (event instanceof DisbursementRecordedEvent e) {
			FundingView funding = LoanFlows.funding(v, e.fundingId());
			funding.disbursements.add(new DisbursementView(e.amount(), e.disbursedOn()));
			v.alerts.removeIf(a -> a.kind() == StallKind.NO_DISBURSEMENT && e.fundingId().equals(a.fundingId()));
			funding.disbursed = funding.disbursed.plus(e.amount());
			funding.undisbursed = funding.amount.minus(funding.disbursed);
			v.disbursedByCurrency.merge(e.amount().currency(), e.amount().amount(), BigDecimal::add);
			LoanFlows.disbursed(funding);
		}
		else if (event instanceof IncomingFundsRecordedEvent e) {
			v.incomingFunds.add(new IncomingFundsView(e.amount(), e.receivedOn(), e.fundingId(), e.provider(), e.receiver(),
					e.description()));
			v.alerts.removeIf(a -> a.kind() == StallKind.NO_FUNDING);
			v.receivedByCurrency.merge(e.amount().currency(), e.amount().amount(), BigDecimal::add);
		}
		else if (event instanceof ExpenditureRecordedEvent e) {
			v.expenditures.add(new ExpenditureView(e.amount(), e.spentOn(), e.fundingId(), e.provider(), e.receiver(),
					e.description()));
			v.expendedByCurrency.merge(e.amount().currency(), e.amount().amount(), BigDecimal::add);
		}
		else if (event instanceof FundingCommitmentCorrectedEvent e) {
			FundingView funding = LoanFlows.funding(v, e.fundingId());
			funding.corrections.add(new CorrectionView(e.previousAmount(), e.newAmount(), e.reason(), e.correctedOn()));
			v.committedByCurrency.merge(e.newAmount().currency(), e.newAmount().amount().subtract(funding.amount.amount()),
					BigDecimal::add);
			funding.amount = e.newAmount();
			funding.undisbursed = funding.amount.minus(funding.disbursed);
		}
		else if (event instanceof FundingCancelledEvent || event instanceof TransactionRecordedEvent
				|| event instanceof LoanDatesRecordedEvent) {
			LoanFlows.apply(v, event);
		}
		else if (event instanceof BudgetRecordedEvent e) {
			v.budgets.add(new BudgetView(e.fundingId(), e.periodStart(), e.periodEnd(), e.value(), e.type(), e.status(),
					e.valueDate(), e.recordedOn(), recordedAt));
		}
		else if (event instanceof PlannedDisbursementRecordedEvent e) {
			v.plannedDisbursements.add(new PlannedDisbursementView(e.fundingId(), e.periodStart(), e.periodEnd(), e.value(),
					e.type(), e.valueDate(), e.provider(), e.receiver(), e.recordedOn(), recordedAt));
		}
	}
}
