package org.pipelinetracker.audit.replay;

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

/**
 * The shadow on H2 (one node): a schema of its own, {@value #NAME}, in the live database, so the swap fills each live
 * table with one {@code insert … select} inside the database instead of handing every row through JDBC from a second
 * database (the copy had been a quarter of a rebuild's CPU and a third of what it allocated). The rebuild's own
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
		try {
			String liveSchema = connection.getSchema();
			SchemaMigrations.migrateH2(new SingleConnectionDataSource(connection, true), NAME);
			connection.setSchema(NAME);
			connection.setAutoCommit(false);
			return new ShadowSchema(live, connection, liveSchema);
		}
		catch (SQLException | RuntimeException e) {
			connection.close();
			drop(live);
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

	@Override
	public long copyInto(JdbcTemplate live, String table) {
		List<String> columns = new ArrayList<>();
		try (Statement select = connection.createStatement();
				ResultSet none = select.executeQuery("select * from " + table + " where 1 = 0")) {
			ResultSetMetaData meta = none.getMetaData();
			for (int i = 1; i <= meta.getColumnCount(); i++) {
				columns.add(meta.getColumnName(i));
			}
		}
		catch (SQLException e) {
			throw new IllegalStateException("could not read the rebuilt " + table + ": " + e.getMessage(), e);
		}
		String names = String.join(", ", columns);
		return live.update("insert into " + table + " (" + names + ") select " + names + " from " + NAME + "." + table);
	}

	@Override
	public void close() {
		try (connection) {
			connection.rollback();
			// the connection goes back to the pool: with the live schema as its default again
			connection.setSchema(liveSchema);
			connection.setAutoCommit(true);
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
