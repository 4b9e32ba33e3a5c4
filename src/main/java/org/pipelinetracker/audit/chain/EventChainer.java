package org.pipelinetracker.audit.chain;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Appends a row to {@code event_chain} for every new event, strictly in global-index order, every
 * {@code tracker.audit.chain.interval} and whenever {@link #chainPending()} is called. The rules (gaps, several
 * nodes) are in {@code package-info.java}.
 */
@Component
class EventChainer implements SmartLifecycle {

	static final int DEFAULT_BATCH_SIZE = 500;
	private static final Logger log = LoggerFactory.getLogger(EventChainer.class);
	/** How often {@link #chainPending()} tries again when another chainer holds the lock too long. */
	private static final int MAX_ATTEMPTS = 20;

	private final JdbcTemplate jdbc;
	private final TransactionTemplate transaction;
	private final Clock clock;
	private final long gapGraceNanos;
	private final Duration interval;
	private final int batchSize;
	private final LongSupplier nanoTime;
	/** For each missing index that starts a gap: when (nanoTime) this node first saw a higher index committed. */
	private final Map<Long, Long> gapFirstSeen = new ConcurrentHashMap<>();

	private ScheduledExecutorService timer;
	private volatile boolean running;
	private volatile boolean failing;

	@Autowired
	EventChainer(JdbcTemplate jdbc, PlatformTransactionManager transactions, Clock clock,
			@Value("${tracker.audit.chain.gap-grace:10s}") Duration gapGrace,
			@Value("${tracker.audit.chain.interval:1s}") Duration interval) {
		this(jdbc, transactions, clock, gapGrace, interval, DEFAULT_BATCH_SIZE, System::nanoTime);
	}

	EventChainer(JdbcTemplate jdbc, PlatformTransactionManager transactions, Clock clock, Duration gapGrace,
			Duration interval, int batchSize, LongSupplier nanoTime) {
		if (gapGrace.isNegative()) {
			throw new IllegalArgumentException("tracker.audit.chain.gap-grace must not be negative: " + gapGrace);
		}
		if (interval.isNegative() || interval.isZero()) {
			throw new IllegalArgumentException("tracker.audit.chain.interval must be positive: " + interval);
		}
		if (batchSize < 1) {
			throw new IllegalArgumentException("batch size must be positive: " + batchSize);
		}
		this.jdbc = jdbc;
		this.transaction = new TransactionTemplate(transactions);
		// the chain's own unit of work, even when a caller is inside a transaction
		this.transaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.clock = clock;
		this.gapGraceNanos = gapGrace.toNanos();
		this.interval = interval;
		this.batchSize = batchSize;
		this.nanoTime = nanoTime;
	}

	/**
	 * Chains every committed event that may be chained now: all of them, except those after a gap that is still
	 * within the grace period. Returns how many this call chained (0 if another chainer got there first).
	 */
	int chainPending() {
		int chained = 0;
		int attempt = 0;
		while (true) {
			Batch batch;
			try {
				batch = transaction.execute(status -> chainBatch());
				attempt = 0;
			}
			catch (TransientDataAccessException | DataIntegrityViolationException e) {
				// a lock wait timed out, or a chainer that bypassed the lock inserted the same link first:
				// nothing of this batch was written; read the head again and carry on from there
				if (++attempt >= MAX_ATTEMPTS) {
					throw e;
				}
				log.debug("Event chain: another chainer is busy ({}); trying again", e.getMessage());
				pause(attempt);
				continue;
			}
			chained += batch.chained();
			if (!batch.more()) {
				return chained;
			}
		}
	}

	/** The latest link, or the genesis (index 0, 64 zeros, no instant) before anything is chained. */
	ChainHead head() {
		List<ChainHead> head = jdbc.query("select global_index, hash, chained_at from event_chain "
				+ "where global_index = (select max(global_index) from event_chain)",
				(rs, row) -> new ChainHead(rs.getLong(1), rs.getString(2), rs.getTimestamp(3).toInstant()));
		return head.isEmpty() ? new ChainHead(ChainHash.GENESIS_INDEX, ChainHash.GENESIS_HASH, null) : head.get(0);
	}

	/** One transaction: lock, read the head, hash the next events up to a gap still in grace, insert the links. */
	private Batch chainBatch() {
		List<Integer> lock = jdbc.queryForList("select id from event_chain_lock where id = 1 for update", Integer.class);
		if (lock.isEmpty()) {
			throw new IllegalStateException("the row of event_chain_lock is missing (see V6__event_chain.sql)");
		}
		ChainHead head = head();
		if (!ChainHash.isHash(head.hash())) {
			throw new IllegalStateException("the hash of chain row " + head.globalIndex() + " is not a SHA-256 hash: "
					+ "the chain cannot grow until it is repaired (GET /api/audit/chain names the break)");
		}
		gapFirstSeen.keySet().removeIf(index -> index <= head.globalIndex()); // passed, here or by another node
		List<StoredEvent> events = jdbc.query("select " + StoredEvent.COLUMNS + " from domain_event_entry "
				+ "where global_index > ? order by global_index fetch first " + batchSize + " rows only",
				StoredEvent.MAPPER, head.globalIndex());
		long now = nanoTime.getAsLong();
		noteGaps(head.globalIndex(), events, now);

		long previousIndex = head.globalIndex();
		String previousHash = head.hash();
		Timestamp chainedAt = Timestamp.from(clock.instant());
		List<Object[]> links = new ArrayList<>();
		for (StoredEvent event : events) {
			if (event.globalIndex() != previousIndex + 1 && !gapIsOld(previousIndex + 1, now)) {
				break;
			}
			String hash = ChainHash.of(previousHash, previousIndex, event);
			links.add(new Object[] {event.globalIndex(), previousIndex, hash, previousHash, chainedAt});
			previousIndex = event.globalIndex();
			previousHash = hash;
		}
		if (!links.isEmpty()) {
			jdbc.batchUpdate("insert into event_chain (global_index, previous_index, hash, previous_hash, chained_at) "
					+ "values (?, ?, ?, ?, ?)", links);
		}
		return new Batch(links.size(), events.size() == batchSize && links.size() == events.size());
	}

	/**
	 * Remembers, for each gap in these committed events, when this node first saw it: its missing indexes were
	 * allocated before the index above them, which is committed, so they are at least that old.
	 */
	private void noteGaps(long headIndex, List<StoredEvent> events, long now) {
		long expected = headIndex + 1;
		for (StoredEvent event : events) {
			if (event.globalIndex() > expected) {
				gapFirstSeen.putIfAbsent(expected, now);
			}
			expected = event.globalIndex() + 1;
		}
	}

	private boolean gapIsOld(long firstMissing, long now) {
		Long seen = gapFirstSeen.get(firstMissing);
		return seen != null && now - seen >= gapGraceNanos;
	}

	private void runOnSchedule() {
		try {
			chainPending();
			if (failing) {
				log.info("Event chain: appending again");
				failing = false;
			}
		}
		catch (RuntimeException e) {
			if (!failing) {
				log.warn("Event chain: could not append to the chain; trying again every {}", interval, e);
				failing = true;
			}
		}
	}

	private static void pause(int attempt) {
		try {
			Thread.sleep(Math.min(500, 10L * attempt));
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted while waiting for the event chain lock", e);
		}
	}

	@Override
	public synchronized void start() {
		if (running) {
			return;
		}
		timer = Executors.newSingleThreadScheduledExecutor(r -> {
			Thread thread = new Thread(r, "event-chainer");
			thread.setDaemon(true);
			return thread;
		});
		long millis = Math.max(1, interval.toMillis());
		timer.scheduleWithFixedDelay(this::runOnSchedule, millis, millis, TimeUnit.MILLISECONDS);
		running = true;
	}

	/** Lets a run in progress finish (one short transaction), then stops, before the data source closes. */
	@Override
	public synchronized void stop() {
		if (!running) {
			return;
		}
		timer.shutdown();
		try {
			if (!timer.awaitTermination(10, TimeUnit.SECONDS)) {
				timer.shutdownNow();
			}
		}
		catch (InterruptedException e) {
			timer.shutdownNow();
			Thread.currentThread().interrupt();
		}
		running = false;
	}

	@Override
	public boolean isRunning() {
		return running;
	}

	/** How many events one transaction chained, and whether more may be waiting right behind them. */
	private record Batch(int chained, boolean more) {
	}
}
