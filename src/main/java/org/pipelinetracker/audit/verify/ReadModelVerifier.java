package org.pipelinetracker.audit.verify;

import org.axonframework.common.stream.BlockingStream;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.pipelinetracker.kernel.ShadowableProjection;
import org.pipelinetracker.kernel.ShadowableProjection.Table;
import org.pipelinetracker.storage.SchemaMigrations;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.stereotype.Service;

import java.math.BigDecimal;
import java.sql.Clob;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Rebuilds every read model from the event store into a fresh in-memory database, with the projections' own handler
 * code, and compares each table with the live one. First waits (bounded) until the live processors have caught up
 * with the events present when the check started, so a write in flight is not reported as a difference.
 */
@Service
public class ReadModelVerifier {

	static final int MAX_DIFFERENCES = 100;

	private final EventStore eventStore;
	private final EventProcessingConfiguration processing;
	private final List<ShadowableProjection> projections;
	private final JdbcTemplate live;

	ReadModelVerifier(EventStore eventStore, EventProcessingConfiguration processing,
			List<ShadowableProjection> projections, JdbcTemplate live) {
		this.eventStore = eventStore;
		this.processing = processing;
		this.projections = projections;
		this.live = live;
	}

	/** One way a live table differs from its rebuilt shadow. */
	public record Difference(String processingGroup, String table, Map<String, Object> key, String issue,
			Map<String, Object> live, Map<String, Object> expected) {
	}

	public record Result(long eventsChecked, boolean projectionsConsistent, List<String> projectionsChecked,
			List<Difference> differences) {
	}

	public Result verify() {
		Long head = live.queryForObject("select coalesce(max(global_index), -1) from domain_event_entry", Long.class);
		long last = head == null ? -1 : head;
		awaitLiveProcessors(last, Duration.ofSeconds(30));

		String url = "jdbc:h2:mem:shadow-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
		DriverManagerDataSource shadowSource = new DriverManagerDataSource(url, "sa", "");
		JdbcTemplate shadow = new JdbcTemplate(shadowSource);
		try {
			SchemaMigrations.migrateH2(shadowSource);
			List<AnnotationEventHandlerAdapter> handlers = projections.stream()
					.map(p -> new AnnotationEventHandlerAdapter(p.withStorage(shadow))).toList();
			long events = replayInto(handlers, last);
			List<Difference> differences = new ArrayList<>();
			for (ShadowableProjection projection : projections) {
				for (Table table : projection.tables()) {
					compare(projection.processingGroup(), table, shadow, differences);
				}
			}
			return new Result(events, differences.isEmpty(),
					projections.stream().map(ShadowableProjection::processingGroup).sorted().toList(), differences);
		}
		finally {
			shadow.execute("shutdown");
		}
	}

	private long replayInto(List<AnnotationEventHandlerAdapter> handlers, long last) {
		long count = 0;
		try (BlockingStream<TrackedEventMessage<?>> stream = eventStore.openStream(null)) {
			while (stream.hasNextAvailable()) {
				TrackedEventMessage<?> event = stream.nextAvailable();
				OptionalLong position = event.trackingToken().position();
				if (position.isPresent() && position.getAsLong() > last) {
					break;
				}
				count++;
				for (AnnotationEventHandlerAdapter handler : handlers) {
					if (handler.canHandle(event)) {
						handler.handle(event);
					}
				}
			}
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted while reading the event store", e);
		}
		catch (Exception e) {
			throw new IllegalStateException("rebuilding the shadow read models failed: " + e.getMessage(), e);
		}
		return count;
	}

	private void compare(String group, Table table, JdbcTemplate shadow, List<Difference> differences) {
		String sql = "select * from " + table.name() + " order by " + String.join(", ", table.keyColumns());
		Map<String, Map<String, Object>> liveRows = rows(live, sql, table);
		Map<String, Map<String, Object>> expectedRows = rows(shadow, sql, table);
		for (Map.Entry<String, Map<String, Object>> expected : expectedRows.entrySet()) {
			Map<String, Object> actual = liveRows.get(expected.getKey());
			if (actual == null) {
				add(differences, new Difference(group, table.name(), keyOf(expected.getValue(), table), "missing in the live table",
						null, expected.getValue()));
			}
			else if (!actual.equals(expected.getValue())) {
				Map<String, Object> liveColumns = new TreeMap<>();
				Map<String, Object> expectedColumns = new TreeMap<>();
				expected.getValue().forEach((column, value) -> {
					if (!java.util.Objects.equals(value, actual.get(column))) {
						liveColumns.put(column, abbreviate(actual.get(column)));
						expectedColumns.put(column, abbreviate(value));
					}
				});
				add(differences, new Difference(group, table.name(), keyOf(expected.getValue(), table),
						"differs in " + expectedColumns.keySet(), liveColumns, expectedColumns));
			}
		}
		for (Map.Entry<String, Map<String, Object>> actual : liveRows.entrySet()) {
			if (!expectedRows.containsKey(actual.getKey())) {
				add(differences, new Difference(group, table.name(), keyOf(actual.getValue(), table),
						"not explained by any event", actual.getValue(), null));
			}
		}
	}

	private static void add(List<Difference> differences, Difference difference) {
		if (differences.size() < MAX_DIFFERENCES) {
			differences.add(difference);
		}
	}

	private static Object abbreviate(Object value) {
		String text = String.valueOf(value);
		return value == null || text.length() <= 300 ? value : text.substring(0, 300) + "…";
	}

	private static Map<String, Map<String, Object>> rows(JdbcTemplate jdbc, String sql, Table table) {
		Map<String, Map<String, Object>> rows = new TreeMap<>();
		for (Map<String, Object> raw : jdbc.queryForList(sql)) {
			Map<String, Object> row = new TreeMap<>();
			raw.forEach((column, value) -> row.put(column.toLowerCase(), normalise(value)));
			StringBuilder key = new StringBuilder();
			for (String column : table.keyColumns()) {
				key.append(row.get(column)).append('\u0000');
			}
			rows.put(key.toString(), row);
		}
		return rows;
	}

	/** Values as comparable text whatever the database's types: exact decimals, instants, dates, bytes. */
	static Object normalise(Object value) {
		try {
			if (value == null) {
				return null;
			}
			if (value instanceof BigDecimal decimal) {
				return decimal.signum() == 0 ? "0" : decimal.stripTrailingZeros().toPlainString();
			}
			if (value instanceof java.sql.Timestamp timestamp) {
				return timestamp.toInstant().toString();
			}
			if (value instanceof OffsetDateTime offset) {
				return offset.toInstant().toString();
			}
			if (value instanceof java.sql.Date date) {
				return date.toLocalDate().toString();
			}
			if (value instanceof byte[] bytes) {
				return HexFormat.of().formatHex(bytes);
			}
			if (value instanceof Clob clob) {
				return clob.getSubString(1, (int) clob.length());
			}
			if (value instanceof Number number) {
				return new BigDecimal(number.toString()).stripTrailingZeros().toPlainString();
			}
			return value.toString();
		}
		catch (SQLException e) {
			throw new IllegalStateException(e);
		}
	}

	private void awaitLiveProcessors(long head, Duration timeout) {
		long deadline = System.nanoTime() + timeout.toNanos();
		for (ShadowableProjection projection : projections) {
			StreamingEventProcessor processor = processing
					.eventProcessor(projection.processingGroup(), StreamingEventProcessor.class).orElse(null);
			if (processor == null) {
				continue;
			}
			while (System.nanoTime() < deadline && !caughtUp(processor, head)) {
				try {
					Thread.sleep(20);
				}
				catch (InterruptedException e) {
					Thread.currentThread().interrupt();
					return;
				}
			}
		}
	}

	private static boolean caughtUp(StreamingEventProcessor processor, long head) {
		Map<Integer, EventTrackerStatus> segments = processor.processingStatus();
		if (segments.isEmpty()) {
			return head < 0;
		}
		for (EventTrackerStatus segment : segments.values()) {
			OptionalLong position = segment.getCurrentPosition();
			if (position.isEmpty() || position.getAsLong() < head) {
				return false;
			}
		}
		return true;
	}

	static Map<String, Object> keyOf(Map<String, Object> row, Table table) {
		Map<String, Object> key = new LinkedHashMap<>();
		table.keyColumns().forEach(c -> key.put(c, row.get(c)));
		return key;
	}
}
