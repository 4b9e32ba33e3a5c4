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
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

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

	/** Writes only the difference, inside the database ({@link RowDiff}). */
	@Override
	public long replace(JdbcTemplate live, Table table) {
		return RowDiff.apply(live, table, NAME + "." + table.name(), columns(table.name()), true);
	}

	private List<String> columns(String table) {
		try (Statement select = connection.createStatement();
				ResultSet none = select.executeQuery("select * from " + table + " where 1 = 0")) {
			return RowDiff.columns(none.getMetaData());
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
