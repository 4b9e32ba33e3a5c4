package org.pipelinetracker.audit.replay;

import org.pipelinetracker.storage.SchemaMigrations;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.pipelinetracker.kernel.ShadowableProjection.Table;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The shadow on PostgreSQL: an H2 file in a directory of its own under {@code tracker.replay.shadow-directory}
 * (deleted afterwards, so a large store does not have to fit in memory), next to the node, so the rebuild's many
 * small reads of its own rows do not cross the network; the swap empties each live table and sends it every rebuilt
 * row in JDBC batches.
 */
final class ShadowFile implements ShadowDatabase {

	private static final Logger log = LoggerFactory.getLogger(ShadowFile.class);
	private static final int ROWS_PER_BATCH = 1_000;

	private final Path directory;
	private final Connection connection;

	private ShadowFile(Path directory, Connection connection) {
		this.directory = directory;
		this.connection = connection;
	}

	static ShadowFile create(Path parent) throws IOException, SQLException {
		Path directory = Files.createTempDirectory(parent, "rebuild-");
		try {
			String url = "jdbc:h2:file:" + directory.resolve("shadow").toAbsolutePath() + ";DB_CLOSE_ON_EXIT=FALSE";
			SchemaMigrations.migrateH2(new DriverManagerDataSource(url, "sa", ""));
			Connection connection = DriverManager.getConnection(url, "sa", "");
			connection.setAutoCommit(false);
			return new ShadowFile(directory, connection);
		}
		catch (SQLException | RuntimeException e) {
			delete(directory);
			throw e;
		}
	}

	@Override
	public Connection connection() {
		return connection;
	}

	/** Empties the live table and sends it every rebuilt row. */
	@Override
	public long replace(JdbcTemplate live, Table rebuilt) {
		String table = rebuilt.name();
		int deleted = live.update("delete from " + table);
		try (Statement select = connection.createStatement();
				ResultSet rows = select.executeQuery("select * from " + table)) {
			ResultSetMetaData meta = rows.getMetaData();
			int columns = meta.getColumnCount();
			List<String> names = new ArrayList<>(columns);
			for (int i = 1; i <= columns; i++) {
				names.add(meta.getColumnName(i).toLowerCase(Locale.ROOT));
			}
			String insert = "insert into " + table + " (" + String.join(", ", names) + ") values ("
					+ String.join(", ", Collections.nCopies(columns, "?")) + ")";
			List<Object[]> batch = new ArrayList<>(ROWS_PER_BATCH);
			long copied = 0;
			while (rows.next()) {
				Object[] values = new Object[columns];
				for (int i = 0; i < columns; i++) {
					values[i] = portable(rows.getObject(i + 1));
				}
				batch.add(values);
				if (batch.size() == ROWS_PER_BATCH) {
					copied += write(live, insert, batch);
				}
			}
			return deleted + copied + write(live, insert, batch);
		}
		catch (SQLException e) {
			throw new IllegalStateException("could not read the rebuilt " + table + ": " + e.getMessage(), e);
		}
	}

	private static long write(JdbcTemplate live, String insert, List<Object[]> batch) {
		if (batch.isEmpty()) {
			return 0;
		}
		live.batchUpdate(insert, batch);
		long written = batch.size();
		batch.clear();
		return written;
	}

	/** A value the live database's driver takes whatever the shadow's driver gave (large objects read out). */
	private static Object portable(Object value) throws SQLException {
		if (value instanceof Clob clob) {
			return clob.getSubString(1, (int) clob.length());
		}
		if (value instanceof Blob blob) {
			return blob.getBytes(1, (int) blob.length());
		}
		return value;
	}

	@Override
	public void close() {
		try (connection; Statement statement = connection.createStatement()) {
			connection.rollback();
			statement.execute("shutdown");
		}
		catch (SQLException e) {
			log.warn("Could not shut the rebuild's shadow database down: {}", e.toString());
		}
		delete(directory);
	}

	private static void delete(Path directory) {
		try (Stream<Path> files = Files.walk(directory)) {
			files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
		}
		catch (IOException | UncheckedIOException e) {
			log.warn("Could not delete the rebuild's shadow database in {}: {}", directory, e.toString());
		}
	}
}
