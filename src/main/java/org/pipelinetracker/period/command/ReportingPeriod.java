package org.pipelinetracker.period.command;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.pipelinetracker.kernel.AuditMetadata;
import org.pipelinetracker.kernel.Text;
import org.pipelinetracker.period.api.ClosePeriodCommand;
import org.pipelinetracker.period.api.PeriodClosedEvent;
import org.pipelinetracker.period.api.PeriodReopenedEvent;
import org.pipelinetracker.period.api.ReopenPeriodCommand;

import java.time.Instant;

import static org.pipelinetracker.project.api.CommandRejectedException.invalid;
import static org.pipelinetracker.project.api.CommandRejectedException.rule;

/**
 * One fiscal period's closes and reopenings, in order: closed or open now, and since when and by whom. A period that
 * was never closed has no events; its first close creates the stream. Plain Java apart from Axon's annotations.
 */
@Aggregate
class ReportingPeriod {

	@AggregateIdentifier
	private String periodId;
	private boolean closed;
	private Instant since;
	private String by;

	ReportingPeriod() {
		// required by Axon
	}

	@CommandHandler
	@CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
	Long handle(ClosePeriodCommand command) {
		if (closed) {
			throw rule("period", Text.of("problem.rule.periodAlreadyClosed").with("period", command.period())
					.with("since", since).with("by", by));
		}
		AggregateLifecycle.apply(new PeriodClosedEvent(command.period(), command.startsOn(), command.endsOn()));
		return AggregateLifecycle.getVersion();
	}

	@CommandHandler
	@CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
	Long handle(ReopenPeriodCommand command) {
		if (command.reason() == null || command.reason().isBlank()) {
			throw invalid("reason", Text.of("problem.field.required").with("field", "reason"));
		}
		if (!closed) {
			throw rule("period", Text.of("problem.rule.periodNotClosed").with("period", command.period()));
		}
		AggregateLifecycle.apply(new PeriodReopenedEvent(command.period(), command.reason().strip()));
		return AggregateLifecycle.getVersion();
	}

	@EventSourcingHandler
	void on(PeriodClosedEvent event, @Timestamp Instant at, @MetaDataValue(AuditMetadata.ACTOR) String actor) {
		periodId = "period:" + event.period();
		closed = true;
		since = at.truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
		by = actor;
	}

	@EventSourcingHandler
	void on(PeriodReopenedEvent event, @Timestamp Instant at, @MetaDataValue(AuditMetadata.ACTOR) String actor) {
		periodId = "period:" + event.period();
		closed = false;
		since = at.truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
		by = actor;
	}
}
