package org.pipelinetracker.period.app;

import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.pipelinetracker.kernel.AuditContext;
import org.pipelinetracker.kernel.InvalidRequestException;
import org.pipelinetracker.kernel.Text;
import org.pipelinetracker.period.api.ClosePeriodCommand;
import org.pipelinetracker.period.api.FiscalPeriod;
import org.pipelinetracker.period.api.ReopenPeriodCommand;
import org.springframework.stereotype.Service;

/**
 * Closes and reopens fiscal periods: checks the period's name and the reason, and sends the command with who and
 * why as metadata. Whether the period may be closed or reopened is the {@code ReportingPeriod}'s rule.
 */
@Service
public class PeriodWriteService {

	/** The longest reason kept. */
	public static final int MAX_REASON = 2000;

	private final CommandGateway commands;
	private final ClosedPeriods periods;

	PeriodWriteService(CommandGateway commands, ClosedPeriods periods) {
		this.commands = commands;
		this.periods = periods;
	}

	/** Closes {@code period} ({@code 2024-Q4}, {@code FY2024}); the reason is optional. */
	public long close(String period, String reason, AuditContext audit) {
		FiscalPeriod fiscal = parse(period);
		String why = optionalReason(reason);
		return send(new ClosePeriodCommand(fiscal.streamId(), fiscal.label(), fiscal.startsOn(), fiscal.endsOn()),
				audit.withReason(why, null));
	}

	/** Reopens {@code period}; the reason is required. */
	public long reopen(String period, String reason, AuditContext audit) {
		FiscalPeriod fiscal = parse(period);
		String why = optionalReason(reason);
		if (why == null) {
			throw InvalidRequestException.of("reason", Text.of("problem.field.required").with("field", "reason"));
		}
		return send(new ReopenPeriodCommand(fiscal.streamId(), fiscal.label(), why), audit.withReason(why, null));
	}

	/** The period a name stands for; 400 naming the field {@code period} when it is none. */
	public FiscalPeriod parse(String period) {
		return periods.parse(period).orElseThrow(() -> InvalidRequestException.of("period",
				Text.of("problem.field.periodFormat").with("period", String.valueOf(period))));
	}

	private long send(Object command, AuditContext audit) {
		Object version = commands.sendAndWait(GenericCommandMessage.asCommandMessage(command)
				.andMetaData(audit.toMetaData()));
		return ((Number) version).longValue();
	}

	private static String optionalReason(String reason) {
		if (reason == null || reason.isBlank()) {
			return null;
		}
		String why = reason.strip();
		if (why.length() > MAX_REASON) {
			throw InvalidRequestException.of("reason", Text.of("problem.field.size").with("min", 1)
					.with("max", MAX_REASON));
		}
		return why;
	}
}
