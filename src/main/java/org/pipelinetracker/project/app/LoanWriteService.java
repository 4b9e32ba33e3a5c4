package org.pipelinetracker.project.app;

import jakarta.validation.Validator;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.pipelinetracker.kernel.AuditContext;
import org.pipelinetracker.kernel.Violations;
import org.pipelinetracker.project.api.CancelFundingCommand;
import org.pipelinetracker.project.api.FacilityHeadroom;
import org.pipelinetracker.project.api.Money;
import org.pipelinetracker.project.api.ProjectId;
import org.pipelinetracker.project.api.RecordInterestPaymentCommand;
import org.pipelinetracker.project.api.RecordLoanDatesCommand;
import org.pipelinetracker.project.api.RecordLoanRepaymentCommand;
import org.pipelinetracker.project.api.RecordTransactionCommand;
import org.pipelinetracker.project.app.LoanRequests.CancellationRequest;
import org.pipelinetracker.project.app.LoanRequests.LoanDatesRequest;
import org.pipelinetracker.project.app.LoanRequests.LoanPaymentRequest;
import org.pipelinetracker.project.app.LoanRequests.TransactionRequest;
import org.pipelinetracker.project.query.ProjectTimeline;
import org.pipelinetracker.project.query.ProjectView;
import org.pipelinetracker.reference.Codelists;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;

/**
 * Use cases of a commitment's later life: cancel part or all of its undisbursed balance (and give the cancelled
 * amount back to the credit facility it draws on), record a loan's principal repayments and interest payments, and
 * keep a flow its publisher reported under its IATI code. Validates each request, then sends the command.
 */
@Service
public class LoanWriteService {

	private final CommandGateway commands;
	private final Validator validator;
	private final Codelists codelists;
	private final Clock clock;
	private final ProjectTimeline timeline;
	private final ObjectProvider<FacilityHeadroom> facilities;

	LoanWriteService(CommandGateway commands, Validator validator, Codelists codelists, Clock clock,
			ProjectTimeline timeline, ObjectProvider<FacilityHeadroom> facilities) {
		this.commands = commands;
		this.validator = validator;
		this.codelists = codelists;
		this.clock = clock;
		this.timeline = timeline;
		this.facilities = facilities;
	}

	public WriteResult cancelFunding(String projectId, String fundingId, CancellationRequest r, AuditContext audit) {
		Violations v = validate(r);
		Money amount = r.amount() == null ? null : money(v, "amount", r.amount().amount(), r.amount().currency());
		v.checkUrl("sourceUrl", r.sourceUrl());
		v.throwIfAny();
		LocalDate on = r.on() != null ? r.on() : LocalDate.now(clock);
		ProjectView.FundingView before = timeline.current(projectId).flatMap(p -> p.fundings.stream()
				.filter(f -> f.fundingId.equals(fundingId)).findFirst()).orElse(null);
		WriteResult result = write(projectId, new CancelFundingCommand(id(projectId), fundingId, amount, on,
				r.reason().trim()), audit, r);
		FacilityHeadroom headroom = facilities.getIfAvailable();
		if (before != null && before.facilityId != null && headroom != null) {
			Money released = amount != null ? amount : before.undisbursed;
			Map<String, Object> meta = audit.withReason(r.reason().trim(), blankToNull(r.sourceUrl())).toMetaData();
			headroom.release(before.facilityId, projectId, fundingId, released, "commitment cancelled: " + r.reason().trim(),
					meta);
		}
		return result;
	}

	public WriteResult recordRepayment(String projectId, String fundingId, LoanPaymentRequest r, AuditContext audit) {
		Money amount = payment(r);
		return write(projectId, new RecordLoanRepaymentCommand(id(projectId), fundingId, amount, r.on()), audit, r);
	}

	public WriteResult recordInterestPayment(String projectId, String fundingId, LoanPaymentRequest r,
			AuditContext audit) {
		Money amount = payment(r);
		return write(projectId, new RecordInterestPaymentCommand(id(projectId), fundingId, amount, r.on()), audit, r);
	}

	/** New effectiveness and/or closing dates of a loan (an extension of its closing date is one), as known on {@code on}. */
	public WriteResult recordLoanDates(String projectId, String fundingId, LoanDatesRequest r, AuditContext audit) {
		Violations v = validate(r);
		v.checkUrl("sourceUrl", r.sourceUrl());
		v.throwIfAny();
		LocalDate on = r.on() != null ? r.on() : LocalDate.now(clock);
		return write(projectId, new RecordLoanDatesCommand(id(projectId), fundingId, r.effectiveOn(), r.closingOn(), on),
				audit, r);
	}

	public WriteResult recordTransaction(String projectId, TransactionRequest r, AuditContext audit) {
		Violations v = validate(r);
		Money value = r.value() == null ? null : money(v, "value", r.value().amount(), r.value().currency());
		v.checkUrl("sourceUrl", r.sourceUrl());
		v.throwIfAny();
		return write(projectId, new RecordTransactionCommand(id(projectId), r.type(), value, r.transactionDate(),
				blankToNull(r.fundingId()), blankToNull(r.provider()), blankToNull(r.receiver()),
				blankToNull(r.description())), audit, r);
	}

	private Money payment(LoanPaymentRequest r) {
		Violations v = validate(r);
		Money amount = r.amount() == null ? null : money(v, "amount", r.amount().amount(), r.amount().currency());
		v.checkUrl("sourceUrl", r.sourceUrl());
		v.throwIfAny();
		return amount;
	}

	private WriteResult write(String projectId, Object command, AuditContext audit, Requests.Audited request) {
		return AuditedCommands.write(commands, projectId, command, audit, request);
	}

	private Violations validate(Object request) {
		return AuditedCommands.validate(validator, request);
	}

	private Money money(Violations v, String field, BigDecimal amount, String currency) {
		Codelists.ExactAmount exact = codelists.exactAmount(v, field, amount, currency);
		return exact == null ? null : new Money(exact.amount(), exact.currency());
	}

	private static ProjectId id(String projectId) {
		return AuditedCommands.id(projectId);
	}

	private static String blankToNull(String s) {
		return AuditedCommands.blankToNull(s);
	}
}
