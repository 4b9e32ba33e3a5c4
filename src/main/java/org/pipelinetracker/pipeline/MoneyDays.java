package org.pipelinetracker.pipeline;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The money facts summed per effective date, source, currency and kind ({@code pipeline_money_day}): what the funding
 * time series groups by, so a series without a {@code knownAt} cut reads a few thousand day rows instead of every
 * fact. Each processor batch adds the amounts of the facts it inserted (never one it skipped as already written),
 * once when it commits, the same way as the summary's lines ({@link PipelineSummary}): {@code update ... set amount =
 * amount + ?} in key order (no deadlock between segments or nodes, no lost update), a missing row inserted empty in a
 * connection of its own that commits at once. A row with {@code facts = 0} is such an empty row whose batch rolled
 * back: the queries leave it out.
 */
final class MoneyDays {

	private static final String DUPLICATE_KEY = "23505";
	private static final String UPDATE = "update pipeline_money_day set amount = amount + ?, facts = facts + ?"
			+ " where effective_date = ? and source = ? and currency = ? and kind = ?";
	private static final String INSERT = "insert into pipeline_money_day (effective_date, source, currency, kind,"
			+ " amount, facts) select cast(? as date), cast(? as varchar(20)), cast(? as varchar(3)),"
			+ " cast(? as varchar(10)), 0, 0 where not exists (select 1 from pipeline_money_day"
			+ " where effective_date = ? and source = ? and currency = ? and kind = ?)";

	private final JdbcTemplate jdbc;
	/** Rows known to exist, so a batch does not try to insert them again; cleared by a reset. */
	private final Set<Day> knownDays = ConcurrentHashMap.newKeySet();

	MoneyDays(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** A row: the series' grouping of the facts. */
	record Day(LocalDate effectiveDate, String source, String currency, String kind) implements Comparable<Day> {

		@Override
		public int compareTo(Day other) {
			int c = effectiveDate.compareTo(other.effectiveDate);
			c = c != 0 ? c : source.compareTo(other.source);
			c = c != 0 ? c : currency.compareTo(other.currency);
			return c != 0 ? c : kind.compareTo(other.kind);
		}

		private Object[] key() {
			return new Object[] {Date.valueOf(effectiveDate), source, currency, kind};
		}
	}

	/** What one batch adds to one row. */
	static final class Delta {
		BigDecimal amount = BigDecimal.ZERO;
		long facts;
	}

	/** The additions of one batch, by row in key order. */
	static final class Deltas {
		private final TreeMap<Day, Delta> days = new TreeMap<>();

		/** A fact of {@code amount} (as stored: rounded to the column's scale) was inserted. */
		void add(Day day, BigDecimal amount) {
			Delta delta = days.computeIfAbsent(day, d -> new Delta());
			delta.amount = delta.amount.add(amount);
			delta.facts++;
		}

		boolean isEmpty() {
			return days.isEmpty();
		}
	}

	/** Adds a batch's amounts to the rows, in key order. */
	void apply(Deltas deltas) {
		if (deltas.isEmpty()) {
			return;
		}
		for (Day day : deltas.days.keySet()) {
			if (!knownDays.contains(day)) {
				insert(day);
			}
		}
		List<Map.Entry<Day, Delta>> changes = new ArrayList<>(deltas.days.entrySet());
		List<Object[]> updates = new ArrayList<>(changes.size());
		for (Map.Entry<Day, Delta> change : changes) {
			updates.add(updateArguments(change.getKey(), change.getValue()));
		}
		int[] counts = jdbc.batchUpdate(UPDATE, updates);
		for (int i = 0; i < counts.length; i++) {
			if (counts[i] == 0) {
				// the row was deleted since this node saw it (a reset elsewhere): insert it again and add
				Map.Entry<Day, Delta> change = changes.get(i);
				knownDays.remove(change.getKey());
				insert(change.getKey());
				if (jdbc.update(UPDATE, updateArguments(change.getKey(), change.getValue())) != 1) {
					throw new IllegalStateException("pipeline money day " + change.getKey() + " could not be updated");
				}
			}
		}
	}

	private static Object[] updateArguments(Day day, Delta delta) {
		return new Object[] {delta.amount, delta.facts, Date.valueOf(day.effectiveDate()), day.source(), day.currency(),
				day.kind()};
	}

	/** Inserts an empty row unless it exists, committed at once and outside the batch's transaction. */
	private void insert(Day day) {
		Object[] key = day.key();
		if (!TransactionSynchronizationManager.isActualTransactionActive()) {
			// no transaction (a rebuild's or the consistency check's shadow): its statements are its own anyway
			jdbc.update(INSERT, key[0], key[1], key[2], key[3], key[0], key[1], key[2], key[3]);
			knownDays.add(day);
			return;
		}
		try (Connection connection = jdbc.getDataSource().getConnection()) {
			connection.setAutoCommit(true);
			try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
				for (int i = 0; i < 8; i++) {
					insert.setObject(i + 1, key[i % 4]);
				}
				insert.executeUpdate();
			}
			catch (SQLException e) {
				if (!DUPLICATE_KEY.equals(e.getSQLState())) {
					throw e;
				}
				// another batch inserted it at the same moment: it exists, which is all that is needed
			}
			knownDays.add(day);
		}
		catch (SQLException e) {
			throw new IllegalStateException("cannot insert the pipeline money day " + day + ": " + e.getMessage(), e);
		}
	}

	/** Empties the rows (a token reset): the replay adds them up again. */
	void clear() {
		jdbc.update("delete from pipeline_money_day");
		knownDays.clear();
	}
}
