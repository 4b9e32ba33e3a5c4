package org.pipelinetracker.audit.replay;

import org.pipelinetracker.kernel.ShadowableProjection.Table;
import org.pipelinetracker.storage.SchemaMigrations;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The shadow on H2 (one node): a schema of its own, {@value #NAME}, in the live database, so the swap works inside the
 * database with a few set-wise statements per table instead of handing every row through JDBC from a second database
 * (that copy had been a quarter of a rebuild's CPU and a third of what it allocated), and writes only the rows that
 * differ ({@link #replace}). The rebuild's own
 * connection has the schema as its default, so the projections' unqualified statements write the shadow's tables.
 * The schema goes with the rebuild; a killed rebuild's is dropped by the next one before it starts.
 */
final class ShadowSchema implements ShadowDatabase {

	static final String NAME = "READ_MODEL_REBUILD";

	private static final Logger log = LoggerFactory.getLogger(ShadowSchema.class);

	private final DataSource live;
	private final Connection connection;
	private final String liveSchema;

	private ShadowSchema(DataSource live, Connection connection, String liveSchema) {
		this.live = live;
		this.connection = connection;
		this.liveSchema = liveSchema;
	}

	/** Drops what a killed rebuild left, creates the schema with every migration and opens the rebuild's connection. */
	static ShadowSchema create(DataSource live) throws SQLException {
		drop(live);
		Connection connection = live.getConnection();
		String liveSchema = connection.getSchema();
		try {
			SchemaMigrations.migrateH2(new SingleConnectionDataSource(connection, true), NAME);
			connection.setSchema(NAME);
			connection.setAutoCommit(false);
			return new ShadowSchema(live, connection, liveSchema);
		}
		catch (SQLException | RuntimeException e) {
			new ShadowSchema(live, connection, liveSchema).close();
			throw e;
		}
	}

	private static void drop(DataSource live) {
		new JdbcTemplate(live).execute("drop schema if exists " + NAME + " cascade");
	}

	@Override
	public Connection connection() {
		return connection;
	}

	/**
	 * Writes only the difference: deletes the live rows the rebuild does not have as they are (gone, or changed in
	 * any column), then inserts the rebuilt rows the live table no longer has. A rebuild that finds the read models
	 * as they were (an auditor's replay) writes nothing; one after a change of a read model writes what changed.
	 * Rows compare as SQL compares them: every number at its column's fixed scale, nulls equal to nulls.
	 */
	@Override
	public long replace(JdbcTemplate live, Table table) {
		List<String> columns = columns(table.name());
		String names = String.join(", ", columns);
		String shadowTable = NAME + "." + table.name();
		if (live.queryForList("select 1 from " + table.name() + " fetch first 1 row only").isEmpty()) {
			// nothing to compare with (a first build): every row goes in, unprobed
			return live.update("insert into " + table.name() + " (" + names + ") select " + names + " from " + shadowTable);
		}
		String key = table.keyColumns().stream().map(c -> "s." + c + " = t." + c).collect(Collectors.joining(" and "));
		String same = columns.stream().map(c -> "s." + c + " is not distinct from t." + c)
				.collect(Collectors.joining(" and "));
		int deleted = live.update("delete from " + table.name() + " t where not exists (select 1 from " + shadowTable
				+ " s where " + key + " and " + same + ")");
		int inserted = live.update("insert into " + table.name() + " (" + names + ") select " + names + " from "
				+ shadowTable + " s where not exists (select 1 from " + table.name() + " t where " + key + ")");
		return (long) deleted + inserted;
	}

	private List<String> columns(String table) {
		List<String> columns = new ArrayList<>();
		try (Statement select = connection.createStatement();
				ResultSet none = select.executeQuery("select * from " + table + " where 1 = 0")) {
			ResultSetMetaData meta = none.getMetaData();
			for (int i = 1; i <= meta.getColumnCount(); i++) {
				columns.add(meta.getColumnName(i));
			}
			return columns;
		}
		catch (SQLException e) {
			throw new IllegalStateException("could not read the rebuilt " + table + ": " + e.getMessage(), e);
		}
	}

	@Override
	public void close() {
		try (connection) {
			if (!connection.getAutoCommit()) {
				connection.rollback();
				connection.setAutoCommit(true);
			}
			// the connection goes back to the pool: with the live schema as its default again
			connection.setSchema(liveSchema);
		}
		catch (SQLException e) {
			log.warn("Could not hand the rebuild's connection back cleanly: {}", e.toString());
		}
		try {
			drop(live);
		}
		catch (RuntimeException e) {
			log.warn("Could not drop the rebuild's schema {} (the next rebuild drops it): {}", NAME, e.toString());
		}
	}
}
