package org.pipelinetracker.ui;

import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.LongSupplier;

/**
 * Finds the events appended to {@code domain_event_entry} since the last look, by any node sharing the store.
 * <p>
 * Global indexes are allocated when a transaction inserts its event and become visible when it commits, so on a
 * shared database index 12 may be visible while 11 is still being committed by another node. A missing index below
 * the head is therefore remembered as a gap and looked at again on every poll for {@code gapGrace} (measured on the
 * monotonic clock), after which it is taken as a rolled-back transaction and forgotten. Each poll is two indexed
 * reads: the highest open gaps by primary key, and the rows above the head. Not thread-safe: one poller.
 */
class EventStoreChanges {

	/** At most this many gaps are tracked; a larger jump is treated as one where the oldest ones are given up. */
	static final int MAX_GAPS = 10_000;
	/** Gaps looked up per poll: the highest ones, where another node's transaction is most likely still committing. */
	static final int GAPS_PER_POLL = 500;

	private final JdbcTemplate jdbc;
	private final int batch;
	private final long gapGraceNanos;
	private final LongSupplier nanoClock;
	private long head;
	private boolean started;
	/** missing index -> when it was first seen missing (nanos) */
	private final TreeMap<Long, Long> gaps = new TreeMap<>();

	EventStoreChanges(JdbcTemplate jdbc, int batch, Duration gapGrace, LongSupplier nanoClock) {
		this.jdbc = jdbc;
		this.batch = batch;
		this.gapGraceNanos = gapGrace.toNanos();
		this.nanoClock = nanoClock;
	}

	/** Starts from the current head: what is already stored is not reported. */
	void reset() {
		Long max = jdbc.queryForObject("select max(global_index) from domain_event_entry", Long.class);
		head = max == null ? 0 : max; // the global index sequence starts at 1
		gaps.clear();
		started = true;
	}

	/** Stops following the store: nothing is read until the next {@link #reset} (or {@link #poll}, which resets). */
	void forget() {
		started = false;
		gaps.clear();
	}

	boolean started() {
		return started;
	}

	long head() {
		return head;
	}

	/** The events stored since the last call (or since {@link #reset}); null when there are none. */
	Change poll() {
		if (!started) {
			reset();
			return null;
		}
		long now = nanoClock.getAsLong();
		gaps.values().removeIf(firstSeen -> now - firstSeen > gapGraceNanos);
		Map<String, Long> projects = new LinkedHashMap<>();
		Set<String> facilities = new LinkedHashSet<>();
		// events that filled a gap (committed late), then the events above the head
		for (Row row : rowsAt(gaps.descendingKeySet().stream().limit(GAPS_PER_POLL).toList())) {
			if (gaps.remove(row.globalIndex()) != null) {
				collect(row, projects, facilities);
			}
		}
		List<Row> rows = rowsAfter(head, batch);
		for (Row row : rows) {
			for (long missing = Math.max(head + 1, row.globalIndex() - MAX_GAPS); missing < row.globalIndex(); missing++) {
				gaps.putIfAbsent(missing, now);
			}
			head = row.globalIndex();
			collect(row, projects, facilities);
		}
		trimGaps();
		boolean more = rows.size() == batch;
		if (projects.isEmpty() && facilities.isEmpty() && !more) {
			return null;
		}
		return new Change(head, List.copyOf(projects.keySet()), projects, List.copyOf(facilities), more);
	}

	/** What changed after {@code lastSeen} up to the current head (for a client that reconnects). */
	Change since(long lastSeen) {
		List<Row> rows = rowsAfter(lastSeen, batch);
		Map<String, Long> projects = new LinkedHashMap<>();
		Set<String> facilities = new LinkedHashSet<>();
		long max = lastSeen;
		for (Row row : rows) {
			collect(row, projects, facilities);
			max = Math.max(max, row.globalIndex());
		}
		return new Change(Math.max(max, head), List.copyOf(projects.keySet()), Map.copyOf(projects),
				List.copyOf(facilities), rows.size() == batch);
	}

	private static void collect(Row row, Map<String, Long> projects, Set<String> facilities) {
		if ("Facility".equals(row.aggregateType())) {
			facilities.add(row.aggregateId());
		}
		else if ("ReportingPeriod".equals(row.aggregateType())) {
			return; // a period closed or reopened: no project or facility changed
		}
		else {
			projects.merge(row.aggregateId(), row.sequence(), Math::max);
		}
	}

	private void trimGaps() {
		Iterator<Long> oldest = gaps.keySet().iterator();
		while (gaps.size() > MAX_GAPS && oldest.hasNext()) {
			oldest.next();
			oldest.remove();
		}
	}

	private List<Row> rowsAt(List<Long> indexes) {
		if (indexes.isEmpty()) {
			return List.of();
		}
		List<Row> rows = new ArrayList<>();
		String marks = String.join(",", java.util.Collections.nCopies(indexes.size(), "?"));
		jdbc.query("select global_index, aggregate_identifier, sequence_number, type from domain_event_entry"
				+ " where global_index in (" + marks + ")", rs -> {
					rows.add(new Row(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4)));
				}, indexes.toArray());
		return rows;
	}

	private List<Row> rowsAfter(long index, int limit) {
		List<Row> rows = new ArrayList<>();
		jdbc.query("select global_index, aggregate_identifier, sequence_number, type from domain_event_entry"
				+ " where global_index > ? order by global_index limit ?", rs -> {
					rows.add(new Row(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4)));
				}, index, limit);
		return rows;
	}

	private record Row(long globalIndex, String aggregateId, long sequence, String aggregateType) {
	}
}
