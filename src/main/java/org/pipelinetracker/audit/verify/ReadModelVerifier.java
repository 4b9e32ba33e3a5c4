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
 * code, and compares each table with the live one, at the same point of the store on both sides: the live tables are
 * compared once their processors have reached the head, and only if no event was recorded while they were read.
 * When one was (a user's write, a stall check falling due), the shadow follows the store to its new head and the
 * tables are compared again, until a round sees no new event or {@link #TIMEOUT} has passed.
 */
@Service
public class ReadModelVerifier {

	static final int MAX_DIFFERENCES = 100;
	static final Duration TIMEOUT = Duration.ofSeconds(30);

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

	/** What differs in a differing row: a plain column, or a field of a JSON document by its path. */
	public enum IssueKind {
		/** The events explain a row the live table lacks. */
		MISSING,
		/** The live row differs from the one the events explain: see its fields. */
		DIFFERENT,
		/** No event explains the live row. */
		UNEXPLAINED
	}

	/**
	 * One way a live table differs from its rebuilt shadow: the row's key, the issue, both rows (column values
	 * abbreviated to 300 characters) and, for a differing row, each differing field with both values in full.
	 */
	public record Difference(String processingGroup, String table, Map<String, Object> key, IssueKind kind, String issue,
			Map<String, Object> live, Map<String, Object> expected, List<FieldDifference> fields) {
	}

	/**
	 * The outcome: {@code eventsChecked} events, those stored up to global index {@code upToGlobalIndex}, were
	 * replayed into the shadow; {@code settled} is false when events kept being recorded while the tables were read
	 * (then a difference may be a write in flight: check again).
	 */
	public record Result(long eventsChecked, long upToGlobalIndex, boolean projectionsConsistent, boolean settled,
			List<String> projectionsChecked, List<Difference> differences) {
	}

	public Result verify() {
		long deadline = System.nanoTime() + TIMEOUT.toNanos();
		String url = "jdbc:h2:mem:shadow-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
		DriverManagerDataSource shadowSource = new DriverManagerDataSource(url, "sa", "");
		JdbcTemplate shadow = new JdbcTemplate(shadowSource);
		try (BlockingStream<TrackedEventMessage<?>> stream = eventStore.openStream(null)) {
			SchemaMigrations.migrateH2(shadowSource);
			List<AnnotationEventHandlerAdapter> handlers = projections.stream()
					.map(p -> new AnnotationEventHandlerAdapter(p.withStorage(shadow))).toList();
			ShadowReplay replay = new ShadowReplay(stream, handlers);
			List<String> checked = projections.stream().map(ShadowableProjection::processingGroup).sorted().toList();
			while (true) {
				long head = head();
				awaitLiveProcessors(head, deadline);
				replay.catchUp(head, deadline);
				List<Difference> differences = new ArrayList<>();
				for (ShadowableProjection projection : projections) {
					for (Table table : projection.tables()) {
						compare(projection.processingGroup(), table, shadow, differences);
					}
				}
				// the live tables were read at this head only if nothing was recorded meanwhile, and the shadow has
				// every event up to it only if none committed late below it
				boolean settled = head() == head && eventsUpTo(head) == replay.applied();
				if (settled || System.nanoTime() > deadline) {
					return new Result(replay.applied(), head, differences.isEmpty(), settled, checked, differences);
				}
			}
		}
		finally {
			shadow.execute("shutdown");
		}
	}

	private long head() {
		Long head = live.queryForObject("select coalesce(max(global_index), -1) from domain_event_entry", Long.class);
		return head == null ? -1 : head;
	}

	private long eventsUpTo(long globalIndex) {
		Long count = live.queryForObject("select count(*) from domain_event_entry where global_index <= ?", Long.class,
				globalIndex);
		return count == null ? 0 : count;
	}

	private void compare(String group, Table table, JdbcTemplate shadow, List<Difference> differences) {
		String sql = "select * from " + table.name() + " order by " + String.join(", ", table.keyColumns());
		Map<String, Map<String, Object>> liveRows = rows(live, sql, table);
		Map<String, Map<String, Object>> expectedRows = rows(shadow, sql, table);
		for (Map.Entry<String, Map<String, Object>> expected : expectedRows.entrySet()) {
			Map<String, Object> actual = liveRows.get(expected.getKey());
			if (actual == null) {
				add(differences, new Difference(group, table.name(), keyOf(expected.getValue(), table), IssueKind.MISSING,
						"missing in the live table", null, abbreviated(expected.getValue()), List.of()));
			}
			else if (!actual.equals(expected.getValue())) {
				Map<String, Object> liveColumns = new TreeMap<>();
				Map<String, Object> expectedColumns = new TreeMap<>();
				List<FieldDifference> fields = new ArrayList<>();
				expected.getValue().forEach((column, value) -> {
					if (!java.util.Objects.equals(value, actual.get(column))) {
						liveColumns.put(column, abbreviate(actual.get(column)));
						expectedColumns.put(column, abbreviate(value));
						fields.addAll(FieldDifferences.of(column, actual.get(column), value));
					}
				});
				add(differences, new Difference(group, table.name(), keyOf(expected.getValue(), table),
						IssueKind.DIFFERENT, "differs in " + expectedColumns.keySet(), liveColumns, expectedColumns,
						fields));
			}
		}
		for (Map.Entry<String, Map<String, Object>> actual : liveRows.entrySet()) {
			if (!expectedRows.containsKey(actual.getKey())) {
				add(differences, new Difference(group, table.name(), keyOf(actual.getValue(), table),
						IssueKind.UNEXPLAINED, "not explained by any event", abbreviated(actual.getValue()), null,
						List.of()));
			}
		}
	}

	private static void add(List<Difference> differences, Difference difference) {
		if (differences.size() < MAX_DIFFERENCES) {
			differences.add(difference);
		}
	}

	private static Map<String, Object> abbreviated(Map<String, Object> row) {
		Map<String, Object> columns = new TreeMap<>();
		row.forEach((column, value) -> columns.put(column, abbreviate(value)));
		return columns;
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

	/** Waits (until {@code deadline}, in nanos) until every segment of every live processor has reached {@code head}. */
	private void awaitLiveProcessors(long head, long deadline) {
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
