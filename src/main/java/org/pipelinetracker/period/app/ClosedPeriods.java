package org.pipelinetracker.period.app;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.pipelinetracker.kernel.AuditMetadata;
import org.pipelinetracker.kernel.FiscalCalendar;
import org.pipelinetracker.period.api.FiscalPeriod;
import org.springframework.beans.factory.annotation.Value;
import org.pipelinetracker.period.api.PeriodClosedEvent;
import org.pipelinetracker.period.api.PeriodReopenedEvent;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Whether a period is closed now, read from its own event stream (a few events: each close and reopening), never
 * from a copy: every node answers the same as soon as the close is committed.
 */
@Service
public class ClosedPeriods {

	private final EventStore eventStore;
	private final JdbcTemplate jdbc;
	private final FiscalCalendar calendar;

	ClosedPeriods(EventStore eventStore, JdbcTemplate jdbc,
			@Value("${tracker.fiscal-year.start-month:1}") int fiscalYearStartMonth) {
		this.eventStore = eventStore;
		this.jdbc = jdbc;
		this.calendar = new FiscalCalendar(fiscalYearStartMonth);
	}

	/** The period a label names in this deployment's fiscal calendar ({@code tracker.fiscal-year.start-month}). */
	public Optional<FiscalPeriod> parse(String label) {
		return FiscalPeriod.parse(label, calendar);
	}

	/** The quarter and the year {@code date} falls in, in this deployment's fiscal calendar. */
	public List<FiscalPeriod> containing(LocalDate date) {
		return FiscalPeriod.containing(date, calendar);
	}

	/**
	 * The close of the quarter or the year {@code date} falls in, if either is closed now (the quarter's first). One
	 * indexed look-up finds whether either was ever closed; only then are their streams read.
	 */
	public Optional<Closure> closureOn(LocalDate date) {
		List<FiscalPeriod> periods = containing(date);
		List<String> everClosed = jdbc.queryForList("select distinct aggregate_identifier from domain_event_entry"
				+ " where aggregate_identifier in (?, ?)", String.class, periods.get(0).streamId(),
				periods.get(1).streamId());
		for (FiscalPeriod period : periods) {
			if (everClosed.contains(period.streamId())) {
				Optional<Closure> closure = closure(period);
				if (closure.isPresent()) {
					return closure;
				}
			}
		}
		return Optional.empty();
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
