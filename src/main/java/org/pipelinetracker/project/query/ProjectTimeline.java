package org.pipelinetracker.project.query;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.pipelinetracker.fx.DisplayCurrencies;
import org.pipelinetracker.fx.FxRates;
import org.pipelinetracker.project.api.ProjectEvent;
import org.pipelinetracker.reference.Codelists;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

/**
 * Answers for one project straight from its event stream, so the answer always includes the latest write, and
 * can be limited in valid time ({@code asOf}: events effective on or before a date) and in transaction time
 * ({@code knownAt}: events recorded at or before an instant).
 */
@Service
public class ProjectTimeline {

	private final EventStore eventStore;
	private final Codelists codelists;
	private final FxRates fx;
	private final ProjectViews stored;
	private final Clock clock;

	ProjectTimeline(EventStore eventStore, Codelists codelists, FxRates fx, ProjectViews stored, Clock clock) {
		this.eventStore = eventStore;
		this.codelists = codelists;
		this.fx = fx;
		this.stored = stored;
		this.clock = clock;
	}

	/**
	 * The project as it stands now: the stored project-status view (a snapshot of the fold) plus whatever the event
	 * stream holds after it, so a long stream is not read from the start and the latest write is always included.
	 */
	@Transactional(readOnly = true)
	public Optional<ProjectView> current(String projectId) {
		return current(projectId, DisplayCurrencies.DEFAULT);
	}

	/**
	 * {@link #current(String)}, its amounts converted to {@code displayCurrency} as well as to USD. The stored view and
	 * the stream after it are read in one read-only transaction: one connection and one transaction for both.
	 */
	@Transactional(readOnly = true)
	public Optional<ProjectView> current(String projectId, String displayCurrency) {
		ProjectView view = stored.stored(projectId).orElse(null);
		if (view == null) {
			return view(projectId, null, null, displayCurrency);
		}
		DomainEventStream tail = eventStore.readEvents(projectId, view.version + 1);
		while (tail.hasNext()) {
			DomainEventMessage<?> message = tail.next();
			if (message.getPayload() instanceof ProjectEvent event) {
				view.apply(event, message.getSequenceNumber(), message.getTimestamp(),
						code -> codelists.sectorName(code).orElse(null));
			}
		}
		return Optional.of(view.normalise(fx.current(), displayCurrency).countStalledDays(LocalDate.now(clock)));
	}

	/**
	 * The project as effective on {@code asOf} and as recorded at {@code knownAt} (either may be null: no limit).
	 * Empty when the project did not exist then. The business rules keep every event's effective date on or after
	 * the dates of the events it depends on, so a valid-time cut never separates an event from its cause.
	 */
	public Optional<ProjectView> view(String projectId, LocalDate asOf, Instant knownAt) {
		return view(projectId, asOf, knownAt, DisplayCurrencies.DEFAULT);
	}

	/** {@link #view(String, LocalDate, Instant)}, its amounts converted to {@code displayCurrency} as well. */
	public Optional<ProjectView> view(String projectId, LocalDate asOf, Instant knownAt, String displayCurrency) {
		ProjectView view = new ProjectView();
		boolean exists = false;
		DomainEventStream stream = eventStore.readEvents(projectId, 0);
		while (stream.hasNext()) {
			DomainEventMessage<?> message = stream.next();
			if (!(message.getPayload() instanceof ProjectEvent event)) {
				continue;
			}
			if (knownAt != null && message.getTimestamp().isAfter(knownAt)) {
				break; // a stream is in recording order: nothing later was known
			}
			if (asOf != null && event.effectiveDate().isAfter(asOf)) {
				continue;
			}
			view.apply(event, message.getSequenceNumber(), message.getTimestamp(),
					code -> codelists.sectorName(code).orElse(null));
			exists = true;
		}
		LocalDate today = LocalDate.now(clock);
		LocalDate day = asOf != null && asOf.isBefore(today) ? asOf : today;
		return exists && view.projectId != null
				? Optional.of(view.normalise(fx.current(), displayCurrency).countStalledDays(day)) : Optional.empty();
	}
}
