package org.pipelinetracker.messaging.cluster;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
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
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Gives every live node a fair share of each streaming processor's token segments. Without Axon Server the node
 * that starts first claims them all; so each node writes a heartbeat, counts the nodes seen recently and, when it
 * holds more than {@code ceil(segments / live nodes)} of a processor's segments, releases the surplus for a while
 * so that the others claim it. A node that dies stops its heartbeat and its claims expire: the rest take its
 * segments over (the share grows as the live count drops).
 */
@Component
class SegmentBalancer implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(SegmentBalancer.class);

	private final EventProcessingConfiguration processing;
	private final JdbcTemplate jdbc;
	private final NodeId node;
	private final Duration interval;
	private ScheduledExecutorService scheduler;
	private volatile boolean running;

	SegmentBalancer(EventProcessingConfiguration processing, JdbcTemplate jdbc, NodeId node,
			@Value("${tracker.cluster.balance-interval:3s}") Duration interval) {
		this.processing = processing;
		this.jdbc = jdbc;
		this.node = node;
		this.interval = interval;
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
			Integer segments = jdbc.queryForObject("select count(*) from token_entry where processor_name = ?",
					Integer.class, entry.getKey());
			if (segments == null || segments == 0) {
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
