package org.pipelinetracker.project.command;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.pipelinetracker.kernel.Text;
import org.pipelinetracker.project.api.CancelFundingCommand;
import org.pipelinetracker.project.api.FundingCancelledEvent;
import org.pipelinetracker.project.api.LoanDates;
import org.pipelinetracker.project.api.LoanDatesRecordedEvent;
import org.pipelinetracker.project.api.Money;
import org.pipelinetracker.project.api.RecordInterestPaymentCommand;
import org.pipelinetracker.project.api.RecordLoanDatesCommand;
import org.pipelinetracker.project.api.RecordLoanRepaymentCommand;
import org.pipelinetracker.project.api.RecordTransactionCommand;
import org.pipelinetracker.project.api.TransactionRecordedEvent;

import java.time.Clock;
import java.time.LocalDate;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.pipelinetracker.project.api.CommandRejectedException.invalid;

/**
 * The commands of the {@link Project} aggregate for a commitment's later life and for the money flows kept under
 * their IATI code ({@link LoanPolicy}): cancellations, principal repayments (type 6), interest payments (type 5) and
 * any flow a publisher reported that has no typed command. None depends on the stage: a loan is repaid long after the
 * project is completed, and its undisbursed balance is cancelled at closing.
 */
abstract class ProjectLoans extends ProjectPlans {

	@CommandHandler
	Long handle(CancelFundingCommand command, Clock clock) {
		if (command.reason() == null || command.reason().isBlank()) {
			throw invalid("reason", Text.of("problem.field.reasonRequired"));
		}
		Funding funding = money().requireFunding(command.fundingId());
		dates(clock).requireEffective("cancelledOn", command.cancelledOn());
		Money cancelled = LoanPolicy.requireCancellable(command.fundingId(), funding, command.amount(),
				command.cancelledOn());
		apply(new FundingCancelledEvent(projectId(), command.fundingId(), cancelled,
				funding.committed().minus(cancelled), command.cancelledOn(), command.reason()));
		return AggregateLifecycle.getVersion();
	}

	@CommandHandler
	Long handle(RecordLoanRepaymentCommand command, Clock clock) {
		Funding funding = money().requireFunding(command.fundingId());
		dates(clock).requireEffective("repaidOn", command.repaidOn());
		LoanPolicy.requireRepayable(command.fundingId(), funding, command.amount(), command.repaidOn());
		apply(new TransactionRecordedEvent(projectId(), TransactionRecordedEvent.LOAN_REPAYMENT, command.amount(),
				command.repaidOn(), command.fundingId(), null, null, null));
		return AggregateLifecycle.getVersion();
	}

	@CommandHandler
	Long handle(RecordInterestPaymentCommand command, Clock clock) {
		Funding funding = money().requireFunding(command.fundingId());
		MoneyPolicy.requirePositive("amount.amount", command.amount());
		LoanPolicy.requireLoanCurrency(command.fundingId(), funding, command.amount());
		dates(clock).requireEffective("paidOn", command.paidOn());
		apply(new TransactionRecordedEvent(projectId(), TransactionRecordedEvent.INTEREST_PAYMENT, command.amount(),
				command.paidOn(), command.fundingId(), null, null, null));
		return AggregateLifecycle.getVersion();
	}

	/**
	 * New effectiveness and/or closing dates of a commitment (a null one stays as it was), by the rules of
	 * {@link LoanPolicy#requireLoanDates}; recorded on a date that is not in the future.
	 */
	@CommandHandler
	Long handle(RecordLoanDatesCommand command, Clock clock) {
		Funding funding = money().requireFunding(command.fundingId());
		if (command.effectiveOn() == null && command.closingOn() == null) {
			throw invalid("closingOn", Text.of("problem.field.loanDatesRequired"));
		}
		dates(clock).requireEffective("recordedOn", command.recordedOn());
		LocalDate effectiveOn = command.effectiveOn() != null ? command.effectiveOn() : funding.effectiveOn();
		LocalDate closingOn = command.closingOn() != null ? command.closingOn() : funding.closingOn();
		LoanPolicy.requireLoanDates(command.fundingId(), funding.committedOn(), new LoanDates(effectiveOn, closingOn));
		apply(new LoanDatesRecordedEvent(projectId(), command.fundingId(), effectiveOn, closingOn, funding.closingOn(),
				command.recordedOn()));
		return AggregateLifecycle.getVersion();
	}

	/** A flow kept as its publisher reported it: no rule on its amount beyond its form (it is a fact reported). */
	@CommandHandler
	Long handle(RecordTransactionCommand command, Clock clock) {
		LoanPolicy.requirePublishedFlow(command.type(), command.value());
		dates(clock).requireEffective("transactionDate", command.transactionDate());
		if (command.fundingId() != null) {
			money().requireFunding(command.fundingId());
		}
		apply(new TransactionRecordedEvent(projectId(), command.type(), command.value(), command.transactionDate(),
				command.fundingId(), command.provider(), command.receiver(), command.description()));
		return AggregateLifecycle.getVersion();
	}

	@EventSourcingHandler
	void on(LoanDatesRecordedEvent event) {
		money().requireFunding(event.fundingId()).dated(event.effectiveOn(), event.closingOn());
	}

	@EventSourcingHandler
	void on(FundingCancelledEvent event) {
		money().requireFunding(event.fundingId()).correct(event.remaining(), event.cancelledOn());
	}

	/** A principal repayment in the loan's currency counts against what is outstanding. */
	@EventSourcingHandler
	void on(TransactionRecordedEvent event) {
		if (TransactionRecordedEvent.LOAN_REPAYMENT.equals(event.type()) && event.fundingId() != null) {
			Funding funding = money().requireFunding(event.fundingId());
			if (funding.committed().currency().equals(event.value().currency())) {
				funding.repay(event.value(), event.transactionDate());
			}
		}
	}
}
