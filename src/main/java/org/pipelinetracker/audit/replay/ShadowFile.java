package org.pipelinetracker.audit.replay;

import org.pipelinetracker.storage.SchemaMigrations;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.pipelinetracker.kernel.ShadowableProjection.Table;
import org.postgresql.PGConnection;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The shadow on PostgreSQL: an H2 file in a directory of its own under {@code tracker.replay.shadow-directory}
 * (deleted afterwards, so a large store does not have to fit in memory), next to the node, so the rebuild's many
 * small reads of its own rows do not cross the network; at the swap each table's rebuilt rows go to the live
 * database in one {@code COPY} ({@link #replace}).
 */
final class ShadowFile implements ShadowDatabase {

	private static final Logger log = LoggerFactory.getLogger(ShadowFile.class);

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

	/**
	 * Sends every rebuilt row to a temporary table of the live PostgreSQL database with one {@code COPY} (dropped at
	 * the commit), then writes only the difference from there ({@link RowDiff}).
	 */
	@Override
	public long replace(JdbcTemplate live, Table table) {
		String stage = "rebuilt_" + table.name();
		live.execute("create temporary table " + stage + " (like " + table.name() + ") on commit drop");
		try (Statement select = connection.createStatement();
				ResultSet rows = select.executeQuery("select * from " + table.name())) {
			List<String> columns = RowDiff.columns(rows.getMetaData());
			int count = columns.size();
			String copy = "copy " + stage + " (" + String.join(", ", columns) + ") from stdin";
			live.execute((ConnectionCallback<Long>) c -> {
				try {
					return CopyRows.copy(c.unwrap(PGConnection.class).getCopyAPI(), copy, rows, count);
				}
				catch (IOException e) {
					throw new SQLException("could not send the rebuilt " + table.name() + ": " + e.getMessage(), e);
				}
			});
			return RowDiff.apply(live, table, stage, columns, false);
		}
		catch (SQLException e) {
			throw new IllegalStateException("could not read the rebuilt " + table.name() + ": " + e.getMessage(), e);
		}
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
