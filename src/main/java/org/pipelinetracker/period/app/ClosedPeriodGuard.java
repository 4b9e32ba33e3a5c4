package org.pipelinetracker.period.app;

import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.pipelinetracker.kernel.AuditMetadata;
import org.pipelinetracker.kernel.Text;
import org.pipelinetracker.project.api.CommandRejectedException;
import org.pipelinetracker.project.api.MoneyEntryRejectedEvent;
import org.pipelinetracker.project.api.ProjectEvent;
import org.pipelinetracker.project.api.ProjectStalledEvent;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;

/**
 * The one place that refuses writes into a closed period: an event effective in a closed quarter or year is refused
 * (409, naming the period, since when and by whom) unless its metadata carries a
 * {@link AuditMetadata#RESTATEMENT_REASON} ({@code X-Restatement-Reason} from FINANCE or ADMIN). Every project
 * event passes here, whichever service, import or handler produced it, in two places:
 * <ol>
 * <li>right after a command's handler, on the events it applied (a handler interceptor on the command bus): the
 * refusal is the command's answer, also when the command is nested in a request's own transaction (an
 * {@code Idempotency-Key} write), whose events are stored only when the request commits;</li>
 * <li>when any unit of work commits, before its events are stored (a dispatch interceptor on the event store): the
 * events no command handler produced, and those the first check has not seen.</li>
 * </ol>
 * The refusal rolls the whole unit of work back: nothing of the command is stored.
 * <p>
 * Not guarded: {@link ProjectStalledEvent}, the application's own observation that a deadline passed (dated when it
 * fell due), which is no one's write; and {@link MoneyEntryRejectedEvent}, the rejection of a money entry waiting for
 * approval, which never counted (its submission and its approval are guarded like the money itself).
 */
@Component
class ClosedPeriodGuard implements MessageDispatchInterceptor<EventMessage<?>>,
		MessageHandlerInterceptor<CommandMessage<?>> {

	/** The ids of the events a command's check has passed, in its root unit of work. */
	private static final String CHECKED = ClosedPeriodGuard.class.getName() + ".checked";

	private final ClosedPeriods periods;

	ClosedPeriodGuard(ClosedPeriods periods, EventStore eventStore, CommandBus commandBus) {
		this.periods = periods;
		eventStore.registerDispatchInterceptor(this);
		commandBus.registerHandlerInterceptor(this);
	}

	/** After the command's handler: the events it applied wait in a list among its unit of work's resources. */
	@Override
	public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
		Object result = chain.proceed();
		Map<String, Optional<Closure>> closures = new HashMap<>();
		Set<String> checked = unitOfWork.root().getOrComputeResource(CHECKED, key -> ConcurrentHashMap.newKeySet());
		for (Object resource : List.copyOf(unitOfWork.resources().values())) {
			if (resource instanceof List<?> staged) {
				for (Object item : List.copyOf(staged)) {
					if (item instanceof EventMessage<?> event) {
						check(event, closures);
						checked.add(event.getIdentifier());
					}
				}
			}
		}
		return result;
	}

	@Override
	public BiFunction<Integer, EventMessage<?>, EventMessage<?>> handle(List<? extends EventMessage<?>> messages) {
		// one look-up per quarter per batch of events
		Map<String, Optional<Closure>> closures = new HashMap<>();
		Set<String> checked = CurrentUnitOfWork.isStarted()
				? CurrentUnitOfWork.get().root().getResource(CHECKED) : null;
		return (index, message) -> {
			if (checked == null || !checked.contains(message.getIdentifier())) {
				check(message, closures);
			}
			return message;
		};
	}

	private void check(EventMessage<?> message, Map<String, Optional<Closure>> closures) {
		if (!(message.getPayload() instanceof ProjectEvent event) || event instanceof ProjectStalledEvent
				|| event instanceof MoneyEntryRejectedEvent
				|| message.getMetaData().containsKey(AuditMetadata.RESTATEMENT_REASON)) {
			return;
		}
		LocalDate date = event.effectiveDate();
		if (date == null) {
			return;
		}
		// keyed by the quarter: its year is the same
		Optional<Closure> closure = closures.computeIfAbsent(periods.containing(date).get(0).label(),
				quarter -> periods.closureOn(date));
		if (closure.isPresent()) {
			throw CommandRejectedException.rule(Text.of("problem.rule.periodClosed").with("period", closure.get().period())
					.with("date", date).with("since", closure.get().since().truncatedTo(ChronoUnit.SECONDS))
					.with("by", closure.get().by()));
		}
	}
}
