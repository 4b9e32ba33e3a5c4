package org.pipelinetracker.pipeline;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import javax.sql.DataSource;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The answer of the default pipeline query (latest stage of every project, all money recorded) kept aggregated in
 * {@code pipeline_summary_line}: the deltas a processor batch makes, applied once when the batch commits, and the
 * record of which exchange rates the USD figures were converted with.
 * <p>
 * Several segments (and nodes) change the same lines. Each batch adds its deltas with
 * {@code update ... set x = x + ?} in a fixed key order (no deadlock between batches, no lost update: the database
 * serialises the row updates and each adds to the committed value). A missing line is inserted in a connection of
 * its own that commits at once, so two batches inserting the same new line cannot abort each other's transaction.
 */
final class PipelineSummary {

	static final String STAGE = "STAGE";
	static final String SECTOR = "SECTOR";
	static final String SOURCE = "SOURCE";
	static final String UNCONVERTED = "UNCONVERTED";
	/** {@code pipeline_summary_state.rates} when batches were converted with different rates. */
	static final String MIXED = "MIXED";
	/** {@code pipeline_summary_state.rates} when V11 found facts projected before the summary existed. */
	static final String UNBUILT = "UNBUILT";
	private static final String DUPLICATE_KEY = "23505";

	private static final String UPDATE_LINE = "update pipeline_summary_line set projects = projects + ?,"
			+ " fundings = fundings + ?, facts = facts + ?, committed = committed + ?, disbursed = disbursed + ?"
			+ " where dimension = ? and line_key = ?";

	private final JdbcTemplate jdbc;
	/** Lines known to exist, so a batch does not try to insert them again; cleared by a reset. */
	private final Set<Key> knownLines = ConcurrentHashMap.newKeySet();

	PipelineSummary(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** A line of the answer. */
	record Key(String dimension, String lineKey) implements Comparable<Key> {

		@Override
		public int compareTo(Key other) {
			int byDimension = dimension.compareTo(other.dimension);
			return byDimension != 0 ? byDimension : lineKey.compareTo(other.lineKey);
		}
	}

	/** What one batch adds to one line. */
	static final class Delta {
		long projects;
		long fundings;
		long facts;
		BigDecimal committed = BigDecimal.ZERO;
		BigDecimal disbursed = BigDecimal.ZERO;

		void add(boolean isCommitment, BigDecimal amount) {
			if (isCommitment) {
				committed = committed.add(amount);
			}
			else {
				disbursed = disbursed.add(amount);
			}
		}

		boolean isZero() {
			return projects == 0 && fundings == 0 && facts == 0 && committed.signum() == 0 && disbursed.signum() == 0;
		}
	}

	/** The deltas of one batch, by line in key order. */
	static final class Deltas {
		private final TreeMap<Key, Delta> lines = new TreeMap<>();

		Delta line(String dimension, String lineKey) {
			return lines.computeIfAbsent(new Key(dimension, lineKey), k -> new Delta());
		}
	}

	/**
	 * Adds a batch's deltas to the lines, in key order, and records the rates they were converted with (their
	 * fingerprint). Every line the batch touched exists afterwards, also one whose deltas cancel out (as when the
	 * events are applied one by one, which the consistency check does).
	 */
	void apply(Deltas deltas, String ratesFingerprint) {
		if (deltas.lines.isEmpty()) {
			return;
		}
		recordRates(ratesFingerprint);
		for (Key key : deltas.lines.keySet()) {
			if (!knownLines.contains(key)) {
				insertLine(key);
			}
		}
		List<Map.Entry<Key, Delta>> changes = deltas.lines.entrySet().stream().filter(e -> !e.getValue().isZero())
				.toList();
		if (changes.isEmpty()) {
			return;
		}
		List<Object[]> updates = new ArrayList<>();
		for (Map.Entry<Key, Delta> change : changes) {
			updates.add(updateArguments(change.getKey(), change.getValue()));
		}
		int[] counts = jdbc.batchUpdate(UPDATE_LINE, updates);
		for (int i = 0; i < counts.length; i++) {
			if (counts[i] == 0) {
				// the line was deleted since this node saw it (a reset elsewhere): insert it again and add
				Map.Entry<Key, Delta> change = changes.get(i);
				knownLines.remove(change.getKey());
				insertLine(change.getKey());
				if (jdbc.update(UPDATE_LINE, updateArguments(change.getKey(), change.getValue())) != 1) {
					throw new IllegalStateException("pipeline summary line " + change.getKey() + " could not be updated");
				}
			}
		}
	}

	private static Object[] updateArguments(Key key, Delta delta) {
		return new Object[] {delta.projects, delta.fundings, delta.facts, delta.committed, delta.disbursed,
				key.dimension(), key.lineKey()};
	}

	/**
	 * Sets the rates fingerprint when nothing is summarised yet; marks the summary MIXED when it was built with
	 * other rates. Takes no lock when the fingerprint is already this node's (the usual case); when two batches
	 * race after a reset, the second re-reads the first one's committed value and compares with it.
	 */
	private void recordRates(String ratesFingerprint) {
		jdbc.update("update pipeline_summary_state set rates = case when rates is null then cast(? as varchar(64))"
				+ " else '" + MIXED + "' end where id = 1 and (rates is null or rates <> ?)", ratesFingerprint,
				ratesFingerprint);
	}

	/** Inserts an empty line unless it exists, committed at once and outside the batch's transaction. */
	private void insertLine(Key key) {
		String sql = "insert into pipeline_summary_line (dimension, line_key, projects, fundings, facts, committed,"
				+ " disbursed) select cast(? as varchar(12)), cast(? as varchar(20)), 0, 0, 0, 0, 0"
				+ " where not exists (select 1 from pipeline_summary_line where dimension = ? and line_key = ?)";
		if (!TransactionSynchronizationManager.isActualTransactionActive()) {
			// no transaction (the consistency check's shadow): every statement commits by itself anyway
			jdbc.update(sql, key.dimension(), key.lineKey(), key.dimension(), key.lineKey());
			knownLines.add(key);
			return;
		}
		DataSource dataSource = jdbc.getDataSource();
		try (Connection connection = dataSource.getConnection()) {
			connection.setAutoCommit(true);
			try (PreparedStatement insert = connection.prepareStatement(sql)) {
				insert.setString(1, key.dimension());
				insert.setString(2, key.lineKey());
				insert.setString(3, key.dimension());
				insert.setString(4, key.lineKey());
				insert.executeUpdate();
			}
			catch (SQLException e) {
				if (!DUPLICATE_KEY.equals(e.getSQLState())) {
					throw e;
				}
				// another batch inserted it at the same moment: it exists, which is all that is needed
			}
			knownLines.add(key);
		}
		catch (SQLException e) {
			throw new IllegalStateException("cannot insert the pipeline summary line " + key + ": " + e.getMessage(), e);
		}
	}

	/** Empties the summary (a token reset): the replay rebuilds it. */
	void clear() {
		jdbc.update("delete from pipeline_summary_project");
		jdbc.update("delete from pipeline_summary_line");
		jdbc.update("update pipeline_summary_state set rates = null where id = 1");
		knownLines.clear();
	}

	/** The stored lines, and the rates they were converted with (null: nothing summarised yet). */
	record Stored(List<StoredLine> lines, String rates) {
	}

	/** Whether lines stored with {@code rates} hold USD converted with the rates of {@code fingerprint} (or nothing). */
	static boolean convertedWith(String rates, String fingerprint) {
		return rates == null || rates.equals(fingerprint);
	}

	record StoredLine(String dimension, String lineKey, long projects, long fundings, long facts, BigDecimal committed,
			BigDecimal disbursed) {
	}

	/**
	 * Reads the lines first and the rates fingerprint after them: a batch converted with other rates marks the
	 * state in the same transaction that changes the lines, so lines that include it come with its mark.
	 */
	static Stored read(JdbcTemplate jdbc) {
		List<StoredLine> lines = jdbc.query("select dimension, line_key, projects, fundings, facts, committed, disbursed"
				+ " from pipeline_summary_line", (rs, i) -> new StoredLine(rs.getString(1), rs.getString(2),
						rs.getLong(3), rs.getLong(4), rs.getLong(5), rs.getBigDecimal(6), rs.getBigDecimal(7)));
		return new Stored(lines, rates(jdbc));
	}

	/** The rates fingerprint the lines were converted with: null (nothing yet), a fingerprint, MIXED or UNBUILT. */
	static String rates(JdbcTemplate jdbc) {
		List<String> rates = jdbc.query("select rates from pipeline_summary_state where id = 1",
				(rs, i) -> rs.getString(1));
		return rates.isEmpty() ? UNBUILT : rates.get(0);
	}
}
