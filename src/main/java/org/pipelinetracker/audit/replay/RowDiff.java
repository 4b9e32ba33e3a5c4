package org.pipelinetracker.audit.replay;

import org.pipelinetracker.kernel.ShadowableProjection.Table;
import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Makes a live table hold exactly the rows of a rebuilt one in the same database, writing only the difference: the
 * live rows the rebuilt table does not have as they are (gone, or changed in any column) are deleted, then the rebuilt
 * rows the live table lacks are inserted. Nothing is written for a row that is already right, so a replay that finds
 * the read models as they were writes nothing (and, once no live row had to go and both tables hold as many rows,
 * does not look for rebuilt rows to add either); an empty live table gets every row with one plain {@code insert …
 * select}. Rows compare as SQL compares them: every number at its column's fixed scale, nulls equal to nulls.
 */
final class RowDiff {

	private RowDiff() {
	}

	/** The column names of a rebuilt table's rows, as the statements here name them (lower case). */
	static List<String> columns(ResultSetMetaData meta) throws SQLException {
		List<String> columns = new ArrayList<>(meta.getColumnCount());
		for (int i = 1; i <= meta.getColumnCount(); i++) {
			columns.add(meta.getColumnName(i).toLowerCase(Locale.ROOT));
		}
		return columns;
	}

	/**
	 * Inside the caller's transaction; returns the rows deleted and inserted. {@code direct}: H2's {@code insert …
	 * direct select}, which hands each selected row to the insert as it is read instead of first gathering the whole
	 * result (which H2 keeps on disk beyond a few ten thousand rows).
	 */
	static long apply(JdbcTemplate live, Table table, String rebuilt, List<String> columns, boolean direct) {
		String names = String.join(", ", columns);
		String insertAll = "insert into " + table.name() + " (" + names + ")" + (direct ? " direct" : "") + " select "
				+ names + " from " + rebuilt + " s";
		if (live.queryForList("select 1 from " + table.name() + " fetch first 1 row only").isEmpty()) {
			return live.update(insertAll);
		}
		String key = table.keyColumns().stream().map(c -> "s." + c + " = t." + c).collect(Collectors.joining(" and "));
		String same = columns.stream().map(c -> "s." + c + " is not distinct from t." + c)
				.collect(Collectors.joining(" and "));
		int deleted = live.update("delete from " + table.name() + " t where not exists (select 1 from " + rebuilt
				+ " s where " + key + " and " + same + ")");
		if (deleted == 0 && count(live, table.name()) == count(live, rebuilt)) {
			// every live row has an identical rebuilt row with its key; keys being unique, as many rows on both sides
			// means the rebuilt table has no other row: nothing to insert, and no need to look for it row by row
			return 0;
		}
		int inserted = live.update(insertAll + " where not exists (select 1 from " + table.name() + " t where " + key + ")");
		return (long) deleted + inserted;
	}

	private static long count(JdbcTemplate jdbc, String table) {
		Long rows = jdbc.queryForObject("select count(*) from " + table, Long.class);
		return rows == null ? 0 : rows;
	}
}
