package org.pipelinetracker.period.app;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.pipelinetracker.kernel.AuditMetadata;
import org.pipelinetracker.period.api.FiscalPeriod;
import org.pipelinetracker.period.api.PeriodClosedEvent;
import org.pipelinetracker.period.api.PeriodReopenedEvent;
import org.springframework.stereotype.Service;

import java.util.Optional;

/**
 * Whether a period is closed now, read from its own event stream (a few events: each close and reopening), never
 * from a copy: every node answers the same as soon as the close is committed.
 */
@Service
public class ClosedPeriods {

	private final EventStore eventStore;

	ClosedPeriods(EventStore eventStore) {
		this.eventStore = eventStore;
	}

	/** The period's close, if it is closed now. */
	public Optional<Closure> closure(FiscalPeriod period) {
		if (eventStore.lastSequenceNumberFor(period.streamId()).isEmpty()) {
			return Optional.empty(); // never closed: one look-up of the stream's last sequence number
		}
		Closure closure = null;
		DomainEventStream stream = eventStore.readEvents(period.streamId());
		while (stream.hasNext()) {
			DomainEventMessage<?> event = stream.next();
			if (event.getPayload() instanceof PeriodClosedEvent) {
				closure = new Closure(period.label(), event.getTimestamp(),
						(String) event.getMetaData().get(AuditMetadata.ACTOR),
						(String) event.getMetaData().get(AuditMetadata.REASON));
			}
			else if (event.getPayload() instanceof PeriodReopenedEvent) {
				closure = null;
			}
		}
		return Optional.ofNullable(closure);
	}
}
