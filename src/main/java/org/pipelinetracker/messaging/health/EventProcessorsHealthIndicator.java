package org.pipelinetracker.messaging.health;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;

/**
 * {@code eventProcessors} in {@code /actuator/health}: each processing group with its status ({@code running},
 * {@code replaying}, {@code error}, {@code stopped}) and its lag, the events between the event store's head and the
 * group's slowest segment (from the shared token table, so it counts the segments other nodes hold too).
 * <p>
 * DOWN when a processor is in error (or not running); OUT_OF_SERVICE when a lag exceeds
 * {@code tracker.health.max-processor-lag}; UP otherwise.
 */
@Component("eventProcessors")
class EventProcessorsHealthIndicator implements HealthIndicator {

	private final EventProcessingConfiguration processing;
	private final JdbcTemplate jdbc;
	private final Serializer serializer;
	private final long maxLag;

	EventProcessorsHealthIndicator(EventProcessingConfiguration processing, JdbcTemplate jdbc,
			@Qualifier("serializer") Serializer serializer,
			@Value("${tracker.health.max-processor-lag:10000}") long maxLag) {
		this.processing = processing;
		this.jdbc = jdbc;
		this.serializer = serializer;
		this.maxLag = maxLag;
	}

	@Override
	public Health health() {
		long head = jdbc.queryForObject("select coalesce(max(global_index), -1) from domain_event_entry", Long.class);
		Map<String, Long> lowest = lowestPositions();
		Map<String, Object> processors = new TreeMap<>();
		boolean down = false;
		boolean behind = false;
		for (var entry : processing.eventProcessors().entrySet()) {
			if (!(entry.getValue() instanceof StreamingEventProcessor processor)) {
				continue;
			}
			String name = entry.getKey();
			Map<Integer, EventTrackerStatus> segments = processor.processingStatus();
			boolean error = processor.isError() || segments.values().stream().anyMatch(EventTrackerStatus::isErrorState);
			boolean replaying = segments.values().stream().anyMatch(EventTrackerStatus::isReplaying);
			String status = !processor.isRunning() ? "stopped" : error ? "error" : replaying ? "replaying" : "running";
			long position = lowest.getOrDefault(name, -1L);
			long lag = Math.max(0, head - position);
			Map<String, Object> details = new LinkedHashMap<>();
			details.put("status", status);
			details.put("position", position);
			details.put("lag", lag);
			details.put("segmentsHere", segments.size());
			processors.put(name, details);
			down |= error || !processor.isRunning();
			behind |= lag > maxLag;
		}
		Health.Builder health = down ? Health.down() : behind ? Health.status(Status.OUT_OF_SERVICE) : Health.up();
		return health.withDetail("head", head).withDetail("maxLag", maxLag).withDetail("processors", processors).build();
	}

	/** The lowest position of each processor's segments, read from the token table (-1: not started). */
	private Map<String, Long> lowestPositions() {
		Map<String, Long> lowest = new TreeMap<>();
		List<Map<String, Object>> rows = jdbc.queryForList("select processor_name, token_type, token from token_entry");
		for (Map<String, Object> row : rows) {
			String name = (String) row.get("processor_name");
			long position = position((String) row.get("token_type"), (byte[]) row.get("token"));
			lowest.merge(name, position, Math::min);
		}
		return lowest;
	}

	private long position(String type, byte[] token) {
		if (type == null || token == null) {
			return -1;
		}
		TrackingToken tracking = serializer.deserialize(new SimpleSerializedObject<>(token, byte[].class, type, null));
		OptionalLong position = tracking == null ? OptionalLong.empty() : tracking.position();
		return position.isPresent() ? position.getAsLong() : -1;
	}
}
