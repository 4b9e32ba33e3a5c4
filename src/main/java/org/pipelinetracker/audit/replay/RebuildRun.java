package org.pipelinetracker.audit.replay;

import org.axonframework.common.stream.BlockingStream;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.pipelinetracker.audit.replay.ReplayService.Phase;
import org.pipelinetracker.audit.replay.ReplayService.State;
import org.pipelinetracker.kernel.ShadowableProjection;
import org.pipelinetracker.kernel.ShadowableProjection.Table;
import org.pipelinetracker.storage.Databases;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import javax.sql.DataSource;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * One rebuild: the shadow database ({@link ShadowDatabase}), the single read of the event store into it, the catch-up with what was recorded
 * meanwhile, and the swap. Live processors are stopped only for the last catch-up and the swap, and always started
 * again.
 */
final class RebuildRun implements Runnable {

	private static final Logger log = LoggerFactory.getLogger(RebuildRun.class);
	/** Catch-up rounds while the live processors run, before they are stopped for the last one. */
	private static final int CATCH_UP_ROUNDS = 3;

	/** How often a swap that lost a race with another writer is tried in all. */
	static final int SWAP_ATTEMPTS = 3;

	private final String label;
	private final List<ShadowableProjection> projections;
	private final long head;
	private final long total;
	private final EventStore eventStore;
	private final EventProcessingConfiguration processing;
	private final JdbcTemplate live;
	private final ReadModelSwap swap;
	private final Path shadowDirectory;
	private final Instant startedAt = Instant.now();
	private volatile Instant finishedAt;
	private volatile State state = State.RUNNING;
	private volatile Phase phase = Phase.READING;
	private volatile String failure;
	private volatile boolean cancelled;
	private volatile ShadowRebuild rebuild;
	/** When the shadow database was ready (its tables made): the read starts. */
	private Instant opened;

	RebuildRun(String label, List<ShadowableProjection> projections, long head, long total, EventStore eventStore,
			EventProcessingConfiguration processing, JdbcTemplate live, ReadModelSwap swap, Path shadowDirectory) {
		this.label = label;
		this.projections = projections;
		this.head = head;
		this.total = total;
		this.eventStore = eventStore;
		this.processing = processing;
		this.live = live;
		this.swap = swap;
		this.shadowDirectory = shadowDirectory;
	}

	String label() {
		return label;
	}

	List<String> processors() {
		return projections.stream().map(ShadowableProjection::processingGroup).toList();
	}

	long head() {
		return head;
	}

	long total() {
		return total;
	}

	long processed() {
		ShadowRebuild current = rebuild;
		return current == null ? 0 : current.handled();
	}

	Instant startedAt() {
		return startedAt;
	}

	Instant finishedAt() {
		return finishedAt;
	}

	State state() {
		return state;
	}

	Phase phase() {
		return phase;
	}

	String failure() {
		return failure;
	}

	void cancel() {
		cancelled = true;
	}

	@Override
	public void run() {
		try (ShadowDatabase shadow = openShadow()) {
			opened = Instant.now();
			rebuild(shadow);
		}
		catch (RuntimeException | SQLException | IOException e) {
			failure = e.getMessage();
			state = State.FAILED;
			log.error("Rebuild of {} failed; the live read models are as they were", label, e);
		}
		finally {
			finishedAt = Instant.now();
			phase = Phase.DONE;
		}
	}

	/** A schema of the live database on H2, an H2 file next to the node on PostgreSQL ({@link ShadowDatabase}). */
	private ShadowDatabase openShadow() throws SQLException, IOException {
		DataSource dataSource = live.getDataSource();
		if (Boolean.TRUE.equals(live.execute((ConnectionCallback<Boolean>) Databases::isPostgres))) {
			return ShadowFile.create(shadowDirectory);
		}
		return ShadowSchema.create(dataSource);
	}

	private void rebuild(ShadowDatabase shadow) {
		JdbcTemplate storage = new JdbcTemplate(new SingleConnectionDataSource(shadow.connection(), true));
		List<AnnotationEventHandlerAdapter> handlers = projections.stream()
				.map(p -> new AnnotationEventHandlerAdapter(p.withBatchedStorage(storage))).toList();
		try (BlockingStream<TrackedEventMessage<?>> stream = eventStore.openStream(null)) {
			ShadowRebuild reading = new ShadowRebuild(stream, handlers, shadow.connection(), () -> cancelled);
			rebuild = reading;
			reading.catchUp(head);
			Instant read = Instant.now();
			phase = Phase.CATCHING_UP;
			for (int round = 0; round < CATCH_UP_ROUNDS && !cancelled; round++) {
				long now = currentHead();
				if (now <= Math.max(head, lastPosition(reading))) {
					break;
				}
				reading.catchUp(now);
			}
			if (cancelled) {
				state = State.CANCELLED;
				log.info("Rebuild of {} cancelled after {} events; the live read models are as they were", label,
						reading.applied());
				return;
			}
			phase = Phase.SWAPPING;
			Instant caughtUp = Instant.now();
			List<StreamingEventProcessor> stopped = processors().stream()
					.map(name -> ReplayService.streaming(processing, name)).toList();
			try {
				stopped.forEach(StreamingEventProcessor::shutDown);
				List<Table> tables = projections.stream().flatMap(p -> p.tables().stream()).toList();
				long rows = swapIn(shadow, reading, tables);
				state = State.COMPLETED;
				Instant now = Instant.now();
				log.info("Rebuild of {} completed in {} (shadow made in {}, read {},"
						+ " catch-up {}, swap {}): {} events, {} rows written at the swap", label,
						Duration.between(startedAt, now), Duration.between(startedAt, opened), Duration.between(opened, read),
						Duration.between(read, caughtUp), Duration.between(caughtUp, now), reading.applied(), rows);
			}
			finally {
				stopped.forEach(StreamingEventProcessor::start);
			}
		}
	}

	/**
	 * Catches the shadow up with the store and swaps it in. The swap waits for other nodes' writers of its tables and
	 * keeps new ones out ({@link ReadModelSwap}); a writer that held one table and waits for another the swap locked
	 * meanwhile is a deadlock the database breaks. The swap rolled back whole, the old read models still serve, so it
	 * is tried again, up to {@value #SWAP_ATTEMPTS} times, once the other transaction has ended.
	 */
	private long swapIn(ShadowDatabase shadow, ShadowRebuild reading, List<Table> tables) {
		for (int attempt = 1; ; attempt++) {
			try {
				reading.catchUp(currentHead());
				// an empty store: the tables are emptied (the shadow's are empty), the tokens stay where they are (at the start)
				return swap.swap(shadow, tables, reading.lastToken() == null ? List.of() : processors(),
						reading.lastToken());
			}
			catch (TransientDataAccessException | DuplicateKeyException raced) {
				if (attempt >= SWAP_ATTEMPTS) {
					throw raced;
				}
				log.warn("Swap of the rebuilt {} lost a race with another writer (attempt {} of {}); trying again: {}",
						label, attempt, SWAP_ATTEMPTS, raced.getMessage());
				try {
					Thread.sleep(100L * attempt);
				}
				catch (InterruptedException e) {
					Thread.currentThread().interrupt();
					throw raced;
				}
			}
		}
	}

	private static long lastPosition(ShadowRebuild reading) {
		return reading.lastToken() == null ? -1 : reading.lastToken().position().orElse(-1);
	}

	private long currentHead() {
		Long max = live.queryForObject("select coalesce(max(global_index), -1) from domain_event_entry", Long.class);
		return max == null ? -1 : max;
	}
}
