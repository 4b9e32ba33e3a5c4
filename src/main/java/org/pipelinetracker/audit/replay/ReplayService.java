package org.pipelinetracker.audit.replay;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.serialization.Serializer;
import org.pipelinetracker.kernel.InvalidRequestException;
import org.pipelinetracker.kernel.ShadowableProjection;
import org.pipelinetracker.messaging.cluster.NodeId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Rebuilds read models beside the live ones and swaps them in: the event store is read once into shadow tables
 * ({@link RebuildRun}) while queries keep answering from the live tables and the live processors keep following the
 * store; at the end the live processors of the rebuilt read models stop, the shadow takes the last events, and one
 * transaction replaces the live tables and moves the processors' tokens to the shadow's position
 * ({@link ReadModelSwap}), after which they resume: no event handled twice, none missed. One rebuild at a time;
 * cancellable; a rebuild that fails or is killed leaves the live read models as they were.
 * <p>
 * Progress counts stored events (rows of {@code domain_event_entry}) up to the global index that was the head when
 * the run started: global indexes may have gaps (a rolled-back transaction uses one up), so the head is not a count.
 */
@Service
public class ReplayService implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(ReplayService.class);

	private final EventStore eventStore;
	private final EventProcessingConfiguration processing;
	private final List<ShadowableProjection> projections;
	private final JdbcTemplate jdbc;
	private final ReadModelSwap swap;
	private final Path shadowDirectory;
	private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
		Thread thread = new Thread(r, "read-model-rebuild");
		thread.setDaemon(true);
		return thread;
	});
	private volatile RebuildRun run;

	ReplayService(EventStore eventStore, EventProcessingConfiguration processing,
			List<ShadowableProjection> projections, JdbcTemplate jdbc, PlatformTransactionManager transactions,
			@Qualifier("serializer") Serializer serializer, NodeId nodeId,
			@Value("${tracker.replay.shadow-directory:${java.io.tmpdir}}") Path shadowDirectory) {
		this.eventStore = eventStore;
		this.processing = processing;
		this.projections = projections.stream()
				.sorted(java.util.Comparator.comparing(ShadowableProjection::processingGroup)).toList();
		this.jdbc = jdbc;
		this.swap = new ReadModelSwap(jdbc, new TransactionTemplate(transactions), serializer, nodeId.value());
		this.shadowDirectory = shadowDirectory;
	}

	public enum State {
		IDLE, RUNNING, COMPLETED, CANCELLED, FAILED
	}

	/** What a running rebuild is doing. */
	public enum Phase {
		/** Reading the event store into the shadow read models; the live ones answer. */
		READING,
		/** Taking the events recorded since the run started. */
		CATCHING_UP,
		/** Replacing the live read models and moving the processors' tokens, in one transaction. */
		SWAPPING,
		/** Nothing left to do. */
		DONE
	}

	/** One processor's progress: {@code processed} of the {@code total} events up to the run's head. */
	public record ProcessorProgress(String processor, long processed, long total, BigDecimal percent) {
	}

	/**
	 * A run: {@code total} is the number of events stored up to {@code upToGlobalIndex} (the head when the run
	 * started), {@code processed} how many of them the rebuild has taken; {@code secondsLeft} is estimated from the
	 * rate so far; {@code failure} says why a FAILED run stopped (the live read models were left as they were).
	 */
	public record Status(State state, Phase phase, String processor, long processed, long total, long upToGlobalIndex,
			BigDecimal percent, Instant startedAt, Instant finishedAt, BigDecimal eventsPerSecond, Long secondsLeft,
			String failure, List<ProcessorProgress> processors) {
	}

	/** A second replay while one runs. */
	public static class AlreadyRunningException extends RuntimeException {
		AlreadyRunningException(String message) {
			super(message, null, false, false);
		}
	}

	/** The processing groups that can be replayed. */
	public List<String> processors() {
		return projections.stream().map(ShadowableProjection::processingGroup).toList();
	}

	/** Starts rebuilding {@code processor}'s read model (or every one when null). Refused while a rebuild runs. */
	public synchronized Status start(String processor) {
		Status current = status();
		if (current.state() == State.RUNNING) {
			throw new AlreadyRunningException("a replay of " + current.processor() + " is running (" + current.percent()
					+ "% done); wait for it to finish or cancel it");
		}
		if (processor != null && !processors().contains(processor)) {
			throw InvalidRequestException.of("processor", "'" + processor + "' is not a projection; use one of " + processors());
		}
		List<ShadowableProjection> selected = projections.stream()
				.filter(p -> processor == null || p.processingGroup().equals(processor)).toList();
		long head = head();
		RebuildRun next = new RebuildRun(processor == null ? "all projections" : processor, selected, head,
				eventsUpTo(head), eventStore, processing, jdbc, swap, shadowDirectory);
		run = next;
		log.info("Rebuild of {} started: {} events, up to global index {}", next.label(), next.total(), head);
		worker.execute(next);
		return status();
	}

	/** Asks the running rebuild to stop; the live read models stay as they are. */
	public Status cancel() {
		RebuildRun current = run;
		if (current != null) {
			current.cancel();
		}
		return status();
	}

	public Status status() {
		RebuildRun current = run;
		if (current == null) {
			return new Status(State.IDLE, null, null, 0, 0, -1, BigDecimal.ZERO, null, null, BigDecimal.ZERO, null, null,
					List.of());
		}
		long total = current.total();
		long processed = Math.min(current.processed(), total);
		State state = current.state();
		if (state == State.COMPLETED) {
			processed = total;
		}
		Instant end = current.finishedAt() != null ? current.finishedAt() : Instant.now();
		double seconds = Math.max(0.001, Duration.between(current.startedAt(), end).toNanos() / 1e9);
		double rate = current.processed() / seconds;
		Long secondsLeft = state != State.RUNNING ? null
				: rate <= 0 ? null : Math.round((total - processed) / rate);
		List<ProcessorProgress> progress = new ArrayList<>();
		for (String name : current.processors()) {
			progress.add(new ProcessorProgress(name, processed, total, percent(processed, total)));
		}
		return new Status(state, state == State.RUNNING ? current.phase() : Phase.DONE, current.label(), processed, total, current.head(),
				percent(processed, total), current.startedAt(), current.finishedAt(),
				BigDecimal.valueOf(rate).setScale(1, RoundingMode.HALF_UP), secondsLeft, current.failure(), progress);
	}

	/** Read models being rebuilt right now (empty when none). */
	public List<String> rebuilding() {
		RebuildRun current = run;
		return current != null && current.state() == State.RUNNING ? current.processors() : List.of();
	}

	@Override
	public void close() throws InterruptedException {
		RebuildRun current = run;
		if (current != null) {
			current.cancel();
		}
		worker.shutdown();
		worker.awaitTermination(10, TimeUnit.SECONDS);
	}

	private long head() {
		Long max = jdbc.queryForObject("select coalesce(max(global_index), -1) from domain_event_entry", Long.class);
		return max == null ? -1 : max;
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

	static StreamingEventProcessor streaming(EventProcessingConfiguration processing, String name) {
		return processing.eventProcessor(name, StreamingEventProcessor.class)
				.orElseThrow(() -> new IllegalStateException("no streaming processor " + name));
	}
}
