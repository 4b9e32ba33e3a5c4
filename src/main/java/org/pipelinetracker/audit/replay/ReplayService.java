package org.pipelinetracker.audit.replay;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.pipelinetracker.kernel.InvalidRequestException;
import org.pipelinetracker.kernel.ShadowableProjection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Rebuilds read models by resetting their processors' tokens, and reports progress: how far the slowest segment of
 * each processor has come towards the event store's head as it was when the replay started. Progress counts
 * stored events (rows of {@code domain_event_entry}) up to a global index, as the consistency check does: global
 * indexes start at 1 and may have gaps (a rolled-back transaction uses one up), so the head's index is not a count.
 */
@Service
public class ReplayService {

	private static final Logger log = LoggerFactory.getLogger(ReplayService.class);

	private final EventProcessingConfiguration processing;
	private final List<String> projections;
	private final JdbcTemplate jdbc;
	private volatile Run run;

	ReplayService(EventProcessingConfiguration processing, List<ShadowableProjection> projections, JdbcTemplate jdbc) {
		this.processing = processing;
		this.projections = projections.stream().map(ShadowableProjection::processingGroup).sorted().toList();
		this.jdbc = jdbc;
	}

	public enum State {
		IDLE, RUNNING, COMPLETED
	}

	/** One processor's progress: {@code processed} of the {@code total} events up to the run's head. */
	public record ProcessorProgress(String processor, long processed, long total, BigDecimal percent) {
	}

	/**
	 * A run: {@code total} is the number of events stored up to {@code upToGlobalIndex} (the head when the run
	 * started), {@code processed} how many of them the slowest processor has handled.
	 */
	public record Status(State state, String processor, long processed, long total, long upToGlobalIndex,
			BigDecimal percent, Instant startedAt, Instant finishedAt, BigDecimal eventsPerSecond,
			List<ProcessorProgress> processors) {
	}

	/** A second replay while one runs. */
	public static class AlreadyRunningException extends RuntimeException {
		AlreadyRunningException(String message) {
			super(message, null, false, false);
		}
	}

	private record Run(String label, List<String> processors, long head, long total, Instant startedAt,
			Instant[] finishedAt, Map<String, long[]> counted) {
	}

	/** The processing groups that can be replayed. */
	public List<String> processors() {
		return projections;
	}

	/** Resets and restarts {@code processor} (or every projection when null). Refused while a replay runs. */
	public synchronized Status start(String processor) {
		Status current = status();
		if (current.state() == State.RUNNING) {
			throw new AlreadyRunningException("a replay of " + current.processor() + " is running (" + current.percent()
					+ "% done); wait for it to finish");
		}
		if (processor != null && !projections.contains(processor)) {
			throw InvalidRequestException.of("processor", "'" + processor + "' is not a projection; use one of " + projections);
		}
		List<String> selected = processor == null ? projections : List.of(processor);
		Long max = jdbc.queryForObject("select coalesce(max(global_index), -1) from domain_event_entry", Long.class);
		long head = max == null ? -1 : max;
		long total = eventsUpTo(head);
		for (String name : selected) {
			StreamingEventProcessor p = streaming(name);
			p.shutDown();
			p.resetTokens();
			p.start();
		}
		run = new Run(processor == null ? "all projections" : processor, selected, head, total, Instant.now(),
				new Instant[1], new ConcurrentHashMap<>());
		log.info("Replay of {} started: {} events, up to global index {}", run.label(), total, head);
		return status();
	}

	public Status status() {
		Run current = run;
		if (current == null) {
			return new Status(State.IDLE, null, 0, 0, -1, BigDecimal.ZERO, null, null, BigDecimal.ZERO, List.of());
		}
		long total = current.total();
		List<ProcessorProgress> progress = new ArrayList<>();
		long slowest = total;
		for (String name : current.processors()) {
			long processed = processed(current, name);
			progress.add(new ProcessorProgress(name, processed, total, percent(processed, total)));
			slowest = Math.min(slowest, processed);
		}
		boolean done = slowest >= total;
		if (done && current.finishedAt()[0] == null) {
			current.finishedAt()[0] = Instant.now();
			log.info("Replay of {} completed in {}", current.label(),
					Duration.between(current.startedAt(), current.finishedAt()[0]));
		}
		Instant end = done ? current.finishedAt()[0] : Instant.now();
		double seconds = Math.max(0.001, Duration.between(current.startedAt(), end).toNanos() / 1e9);
		return new Status(done ? State.COMPLETED : State.RUNNING, current.label(), slowest, total, current.head(),
				percent(slowest, total), current.startedAt(), current.finishedAt()[0],
				BigDecimal.valueOf(slowest / seconds).setScale(1, RoundingMode.HALF_UP), progress);
	}

	/** Read models being rebuilt right now (empty when none). */
	public List<String> rebuilding() {
		Status status = status();
		return status.state() == State.RUNNING ? status.processors().stream()
				.filter(p -> p.processed() < p.total()).map(ProcessorProgress::processor).toList() : List.of();
	}

	/**
	 * Events processed by a processor: those stored up to the position of its slowest segment (each segment reads
	 * the whole stream), capped at the run's head. The count for a position is remembered, so a status poll costs
	 * a count query only when the processor has moved.
	 */
	private long processed(Run current, String name) {
		Map<Integer, EventTrackerStatus> segments = streaming(name).processingStatus();
		if (segments.isEmpty()) {
			return 0;
		}
		long slowest = Long.MAX_VALUE;
		for (EventTrackerStatus segment : segments.values()) {
			OptionalLong position = segment.getCurrentPosition();
			slowest = Math.min(slowest, position.isPresent() ? position.getAsLong() : -1);
		}
		long upTo = Math.min(slowest, current.head());
		if (upTo >= current.head()) {
			return current.total();
		}
		long[] counted = current.counted().get(name);
		if (counted == null || counted[0] != upTo) {
			counted = new long[] {upTo, eventsUpTo(upTo)};
			current.counted().put(name, counted);
		}
		return counted[1];
	}

	/** The number of stored events with a global index up to {@code globalIndex}. */
	private long eventsUpTo(long globalIndex) {
		if (globalIndex < 0) {
			return 0;
		}
		Long count = jdbc.queryForObject("select count(*) from domain_event_entry where global_index <= ?", Long.class,
				globalIndex);
		return count == null ? 0 : count;
	}

	private static BigDecimal percent(long processed, long total) {
		return total <= 0 ? BigDecimal.valueOf(100)
				: BigDecimal.valueOf(processed * 100.0 / total).setScale(1, RoundingMode.DOWN);
	}

	private StreamingEventProcessor streaming(String name) {
		return processing.eventProcessor(name, StreamingEventProcessor.class)
				.orElseThrow(() -> new IllegalStateException("no streaming processor " + name));
	}
}
