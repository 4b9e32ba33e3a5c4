package org.pipelinetracker.messaging.cluster;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Gives every live node a fair share of each streaming processor's token segments. Without Axon Server the node
 * that starts first claims them all; so each node writes a heartbeat, counts the nodes seen recently and, when it
 * holds more than {@code ceil(segments / live nodes)} of a processor's segments, releases the surplus for a while
 * so that the others claim it. A node that dies stops its heartbeat and its claims expire: the rest take its
 * segments over (the share grows as the live count drops).
 * <p>
 * The segments follow the nodes ({@code tracker.cluster.segments-follow-nodes}, on by default): a processor has as
 * many segments as there are live nodes, up to {@code tracker.cluster.max-segments}. A node that owns a segment
 * splits it when more nodes are live than there are segments, and merges two of its own when fewer are: each segment
 * is a transaction of its own per batch, so one node alone with four segments commits four times what it needs (on
 * PostgreSQL it handled fewer commands per second than with one in most benchmark pairs: docs/performance.md). One
 * split or merge per processor and round; Axon carries the position over (a merged segment goes on from the lower of
 * the two).
 */
@Component
class SegmentBalancer implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(SegmentBalancer.class);
	/** Widest (smallest mask) first, then by id. */
	private static final Comparator<Segment> WIDEST_FIRST = Comparator.comparingInt(Segment::getMask)
			.thenComparingInt(Segment::getSegmentId);

	private final EventProcessingConfiguration processing;
	private final JdbcTemplate jdbc;
	private final NodeId node;
	private final Duration interval;
	private final boolean segmentsFollowNodes;
	private final int maxSegments;
	/** A split or merge asked of a processor and not finished yet: no other until it is. */
	private final Map<String, CompletableFuture<Boolean>> pending = new ConcurrentHashMap<>();
	private ScheduledExecutorService scheduler;
	private volatile boolean running;

	SegmentBalancer(EventProcessingConfiguration processing, JdbcTemplate jdbc, NodeId node,
			@Value("${tracker.cluster.balance-interval:3s}") Duration interval,
			@Value("${tracker.cluster.segments-follow-nodes:true}") boolean segmentsFollowNodes,
			@Value("${tracker.cluster.max-segments:4}") int maxSegments) {
		this.processing = processing;
		this.jdbc = jdbc;
		this.node = node;
		this.interval = interval;
		this.segmentsFollowNodes = segmentsFollowNodes;
		this.maxSegments = Math.max(1, maxSegments);
	}

	/** One round: heartbeat, count the live nodes, release what is above this node's share. */
	void balance() {
		Instant now = Instant.now();
		if (jdbc.update("update cluster_node set last_seen = ? where node_id = ?", Timestamp.from(now), node.value()) == 0) {
			jdbc.update("insert into cluster_node (node_id, last_seen) values (?, ?)", node.value(), Timestamp.from(now));
		}
		Integer live = jdbc.queryForObject("select count(*) from cluster_node where last_seen >= ?", Integer.class,
				Timestamp.from(now.minus(interval.multipliedBy(3))));
		int nodes = Math.max(1, live == null ? 1 : live);
		for (Map.Entry<String, EventProcessor> entry : processing.eventProcessors().entrySet()) {
			if (!(entry.getValue() instanceof StreamingEventProcessor processor) || !processor.isRunning()) {
				continue;
			}
			List<Integer> ids = jdbc.queryForList("select segment from token_entry where processor_name = ?",
					Integer.class, entry.getKey());
			int segments = ids.size();
			if (segments == 0) {
				continue;
			}
			if (segmentsFollowNodes && resize(entry.getKey(), processor, ids, nodes)) {
				continue;
			}
			int share = (segments + nodes - 1) / nodes;
			List<Integer> owned = new ArrayList<>(processor.processingStatus().keySet());
			owned.sort(null);
			for (int i = owned.size() - 1; i >= share; i--) {
				log.info("Node {} releases segment {} of {} ({} live nodes, share {})", node.value(), owned.get(i),
						entry.getKey(), nodes, share);
				processor.releaseSegment(owned.get(i), interval.toMillis() * 2, TimeUnit.MILLISECONDS);
			}
		}
	}

	/**
	 * Splits one of this node's segments of {@code processor} when fewer segments than live nodes (up to the
	 * maximum), or merges two of its own when more; true when it asked for either (the release waits a round).
	 */
	private boolean resize(String name, StreamingEventProcessor processor, List<Integer> ids, int nodes) {
		CompletableFuture<Boolean> running = pending.get(name);
		if (running != null && !running.isDone()) {
			return true;
		}
		pending.remove(name);
		int segments = ids.size();
		int wanted = Math.min(nodes, maxSegments);
		List<Segment> owned = processor.processingStatus().values().stream().map(EventTrackerStatus::getSegment)
				.sorted(WIDEST_FIRST).toList();
		if (owned.isEmpty() || segments == wanted) {
			return false;
		}
		if (segments < wanted) {
			// the widest segment of all is split, by its owner only: two nodes never split at once
			Segment widest = Arrays.stream(Segment.computeSegments(ids.stream().mapToInt(Integer::intValue).toArray()))
					.min(WIDEST_FIRST).orElseThrow();
			if (owned.stream().noneMatch(widest::equals)) {
				return false;
			}
			log.info("Node {} splits segment {} of {} ({} segments, {} live nodes)", node.value(), widest.getSegmentId(),
					name, segments, nodes);
			pending.put(name, processor.splitSegment(widest.getSegmentId()));
			return true;
		}
		Set<Integer> mine = owned.stream().map(Segment::getSegmentId).collect(Collectors.toSet());
		for (int i = owned.size() - 1; i >= 0; i--) {
			Segment narrow = owned.get(i);
			if (mine.contains(narrow.mergeableSegmentId()) && narrow.mergeableSegmentId() != narrow.getSegmentId()) {
				log.info("Node {} merges segments {} and {} of {} ({} segments, {} live nodes)", node.value(),
						narrow.getSegmentId(), narrow.mergeableSegmentId(), name, segments, nodes);
				pending.put(name, processor.mergeSegment(narrow.getSegmentId()));
				return true;
			}
		}
		return false;
	}

	private void safely() {
		try {
			balance();
		}
		catch (RuntimeException e) {
			log.warn("Segment balancing round failed: {}", e.getMessage());
		}
	}

	@Override
	public void start() {
		scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
			Thread thread = new Thread(r, "segment-balancer");
			thread.setDaemon(true);
			return thread;
		});
		scheduler.scheduleWithFixedDelay(this::safely, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
		running = true;
	}

	@Override
	public void stop() {
		if (scheduler != null) {
			scheduler.shutdownNow();
		}
		try {
			jdbc.update("delete from cluster_node where node_id = ?", node.value());
		}
		catch (RuntimeException e) {
			// the database may already be gone; the heartbeat simply expires
		}
		running = false;
	}

	@Override
	public boolean isRunning() {
		return running;
	}

	@Override
	public int getPhase() {
		return Integer.MAX_VALUE - 200;
	}
}
