package org.pipelinetracker.project.app;

import jakarta.validation.Validator;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.pipelinetracker.kernel.AuditContext;
import org.pipelinetracker.kernel.Text;
import org.pipelinetracker.kernel.Violations;
import org.pipelinetracker.project.api.BudgetRecordedEvent;
import org.pipelinetracker.project.api.Money;
import org.pipelinetracker.project.api.ProjectId;
import org.pipelinetracker.project.api.RecordBudgetCommand;
import org.pipelinetracker.project.api.RecordPlannedDisbursementCommand;
import org.pipelinetracker.project.app.PlanRequests.BudgetRequest;
import org.pipelinetracker.project.app.PlanRequests.PlannedDisbursementRequest;
import org.pipelinetracker.project.app.PlanRequests.PlannedMoneyRequest;
import org.pipelinetracker.reference.Codelists;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Set;

/**
 * Use cases of a project's plans: record a budget or a planned disbursement (a revision is recorded the same way, for
 * the same funding and period). Validates each request, then sends the command.
 */
@Service
public class PlanWriteService {

	private static final Set<String> CODES = Set.of("1", "2");

	private final CommandGateway commands;
	private final Validator validator;
	private final Codelists codelists;
	private final Clock clock;

	PlanWriteService(CommandGateway commands, Validator validator, Codelists codelists, Clock clock) {
		this.commands = commands;
		this.validator = validator;
		this.codelists = codelists;
		this.clock = clock;
	}

	public WriteResult recordBudget(String projectId, BudgetRequest r, AuditContext audit) {
		Violations v = validate(r);
		Money value = money(v, r.value());
		String type = code(v, "type", r.type(), BudgetRecordedEvent.ORIGINAL);
		String status = code(v, "status", r.status(), BudgetRecordedEvent.INDICATIVE);
		v.checkUrl("sourceUrl", r.sourceUrl());
		v.throwIfAny();
		return write(projectId, new RecordBudgetCommand(id(projectId), blankToNull(r.fundingId()), r.periodStart(),
				r.periodEnd(), value, type, status, r.valueDate(), today(r.recordedOn())), audit, r);
	}

	public WriteResult recordPlannedDisbursement(String projectId, PlannedDisbursementRequest r, AuditContext audit) {
		Violations v = validate(r);
		Money value = money(v, r.value());
		String type = code(v, "type", r.type(), null);
		v.checkUrl("sourceUrl", r.sourceUrl());
		v.throwIfAny();
		return write(projectId, new RecordPlannedDisbursementCommand(id(projectId), blankToNull(r.fundingId()),
				r.periodStart(), r.periodEnd(), value, type, r.valueDate(), blankToNull(r.provider()),
				blankToNull(r.receiver()), today(r.recordedOn())), audit, r);
	}

	private LocalDate today(LocalDate date) {
		return date != null ? date : LocalDate.now(clock);
	}

	private static String code(Violations v, String field, String code, String absent) {
		String given = blankToNull(code);
		if (given == null) {
			return absent;
		}
		v.check(CODES.contains(given), field, Text.of("problem.field.planCode").with("field", field).with("code", given));
		return given;
	}

	private Money money(Violations v, PlannedMoneyRequest value) {
		if (value == null) {
			return null;
		}
		Codelists.ExactAmount exact = codelists.exactAmount(v, "value", value.amount(), value.currency());
		return exact == null ? null : new Money(exact.amount(), exact.currency());
	}

	private WriteResult write(String projectId, Object command, AuditContext audit, Requests.Audited request) {
		return AuditedCommands.write(commands, projectId, command, audit, request);
	}

	private Violations validate(Object request) {
		return AuditedCommands.validate(validator, request);
	}

	private static ProjectId id(String projectId) {
		return AuditedCommands.id(projectId);
	}

	private static String blankToNull(String s) {
		return AuditedCommands.blankToNull(s);
	}
}
