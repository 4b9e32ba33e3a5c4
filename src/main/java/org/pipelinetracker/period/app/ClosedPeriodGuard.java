package org.pipelinetracker.period.app;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.pipelinetracker.kernel.AuditMetadata;
import org.pipelinetracker.kernel.Text;
import org.pipelinetracker.period.api.FiscalPeriod;
import org.pipelinetracker.project.api.CommandRejectedException;
import org.pipelinetracker.project.api.ProjectEvent;
import org.pipelinetracker.project.api.ProjectStalledEvent;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * The one place that refuses writes into a closed period: every project event, whichever service, import or
 * handler produced it, passes here when its unit of work commits, before it is stored. An event effective in a
 * closed quarter or year is refused (409, naming the period, since when and by whom) unless its metadata carries a
 * {@link AuditMetadata#RESTATEMENT_REASON} ({@code X-Restatement-Reason} from FINANCE or ADMIN). The refusal rolls
 * the whole unit of work back: nothing of the command is stored.
 * <p>
 * Not guarded: {@link ProjectStalledEvent}, the application's own observation that a deadline passed (dated when it
 * fell due), which is no one's write.
 */
@Component
class ClosedPeriodGuard implements MessageDispatchInterceptor<EventMessage<?>> {

	private final ClosedPeriods periods;

	ClosedPeriodGuard(ClosedPeriods periods, EventStore eventStore) {
		this.periods = periods;
		eventStore.registerDispatchInterceptor(this);
	}

	@Override
	public BiFunction<Integer, EventMessage<?>, EventMessage<?>> handle(List<? extends EventMessage<?>> messages) {
		// one look-up per period per batch of events
		Map<String, Optional<Closure>> closures = new HashMap<>();
		return (index, message) -> {
			if (message.getPayload() instanceof ProjectEvent event && !(event instanceof ProjectStalledEvent)
					&& !message.getMetaData().containsKey(AuditMetadata.RESTATEMENT_REASON)) {
				check(event.effectiveDate(), closures);
			}
			return message;
		};
	}

	private void check(LocalDate date, Map<String, Optional<Closure>> closures) {
		if (date == null) {
			return;
		}
		for (FiscalPeriod period : FiscalPeriod.containing(date)) {
			Optional<Closure> closure = closures.computeIfAbsent(period.label(), label -> periods.closure(period));
			if (closure.isPresent()) {
				throw CommandRejectedException.rule(Text.of("problem.rule.periodClosed").with("period", period.label())
						.with("date", date).with("since", closure.get().since().truncatedTo(java.time.temporal.ChronoUnit.SECONDS)).with("by", closure.get().by()));
			}
		}
	}
}
