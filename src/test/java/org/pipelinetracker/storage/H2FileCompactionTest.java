package org.pipelinetracker.storage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class H2FileCompactionTest {

	@TempDir
	Path directory;

	@Test
	void compactsAFileThatCommitsOneByOneLeftMostlyDeadAndKeepsEveryRow() throws Exception {
		String url = sparseFile("tracker");
		Path file = H2FileCompaction.fileOf(url);
		long before = Files.size(file);

		assertThat(H2FileCompaction.compactIfSparse(url, "sa", "", 1 << 20, 50)).isTrue();

		assertThat(Files.size(file)).isLessThan(before / 5);
		assertThat(rows(url)).isEqualTo(3_000);
		// now dense: left alone
		assertThat(H2FileCompaction.compactIfSparse(url, "sa", "", 0, 50)).isFalse();
	}

	@Test
	void leavesASmallFileAndOtherDatabasesAlone() throws Exception {
		String url = "jdbc:h2:file:" + directory.resolve("small") + ";WRITE_DELAY=0";
		writeOneRowPerCommit(url, 200);
		long size = Files.size(H2FileCompaction.fileOf(url));

		assertThat(H2FileCompaction.compactIfSparse(url, "sa", "", size + 1, 50)).isFalse();
		assertThat(Files.size(H2FileCompaction.fileOf(url))).isEqualTo(size);
		assertThat(H2FileCompaction.compactIfSparse("jdbc:h2:mem:compaction", "sa", "", 0, 50)).isFalse();
		assertThat(H2FileCompaction.compactIfSparse("jdbc:postgresql://localhost/tracker", "sa", "", 0, 50)).isFalse();
		assertThat(H2FileCompaction.compactIfSparse("jdbc:h2:file:" + directory.resolve("missing"), "sa", "", 0, 50))
				.isFalse();
	}

	@Test
	void leavesAFileAnotherSessionHasOpenAlone() throws Exception {
		String url = sparseFile("open");
		Path file = H2FileCompaction.fileOf(url);
		long size = Files.size(file);
		// held open by another session (closed without H2's short compaction at close, so the size stays comparable)
		try (Connection open = DriverManager.getConnection(url + ";MAX_COMPACT_TIME=0", "sa", "")) {
			assertThat(H2FileCompaction.compactIfSparse(url, "sa", "", 0, 50)).isFalse();
			assertThat(rows(open)).isEqualTo(3_000);
		}
		assertThat(Files.size(file)).isGreaterThanOrEqualTo(size);
		// encrypted or read-only: left alone as well
		assertThat(H2FileCompaction.compactIfSparse(url + ";CIPHER=AES", "sa", "x y", 0, 50)).isFalse();
		assertThat(H2FileCompaction.compactIfSparse(url + ";ACCESS_MODE_DATA=r", "sa", "", 0, 50)).isFalse();
		assertThat(Files.size(file)).isGreaterThanOrEqualTo(size);
		// and once alone, compacted
		assertThat(H2FileCompaction.compactIfSparse(url, "sa", "", 0, 50)).isTrue();
		assertThat(rows(url)).isEqualTo(3_000);
	}

	@Test
	void findsTheFileAUrlNames() {
		assertThat(H2FileCompaction.fileOf("jdbc:h2:file:./data/pipeline-tracker;AUTO_SERVER=FALSE;WRITE_DELAY=0"))
				.isEqualTo(Path.of("data/pipeline-tracker.mv.db").toAbsolutePath());
		assertThat(H2FileCompaction.fileOf("JDBC:H2:FILE:/srv/tracker/db")).isEqualTo(Path.of("/srv/tracker/db.mv.db"));
		assertThat(H2FileCompaction.fileOf("jdbc:h2:file:~/tracker"))
				.isEqualTo(Path.of(System.getProperty("user.home"), "tracker.mv.db"));
		assertThat(H2FileCompaction.fileOf("jdbc:h2:mem:test")).isNull();
		assertThat(H2FileCompaction.fileOf("jdbc:h2:tcp://localhost/~/test")).isNull();
	}

	/** A durable file ({@code WRITE_DELAY=0}) of 3,000 rows written one per commit: mostly dead space. */
	private String sparseFile(String name) throws SQLException {
		String url = "jdbc:h2:file:" + directory.resolve(name) + ";AUTO_SERVER=FALSE;WRITE_DELAY=0";
		writeOneRowPerCommit(url, 3_000);
		return url;
	}

	/**
	 * As the event store writes: one row per commit, two indexes on random keys. The file is closed without H2's
	 * short compaction at close, as a node killed or stopped under load leaves it.
	 */
	static void writeOneRowPerCommit(String url, int rows) throws SQLException {
		try (Connection connection = DriverManager.getConnection(url + ";MAX_COMPACT_TIME=0", "sa", "")) {
			connection.createStatement().execute("create table if not exists entry (id bigint primary key,"
					+ " aggregate varchar(64), event varchar(64), payload varbinary(1000))");
			connection.createStatement().execute("create unique index if not exists entry_aggregate on entry(aggregate)");
			connection.createStatement().execute("create unique index if not exists entry_event on entry(event)");
			connection.setAutoCommit(false);
			try (PreparedStatement insert = connection.prepareStatement("insert into entry values (?, ?, ?, ?)")) {
				long first = rows(connection);
				for (int i = 0; i < rows; i++) {
					insert.setLong(1, first + i);
					insert.setString(2, UUID.randomUUID().toString());
					insert.setString(3, UUID.randomUUID().toString());
					insert.setBytes(4, new byte[600]);
					insert.executeUpdate();
					connection.commit();
				}
			}
		}
	}

	private static long rows(String url) throws SQLException {
		try (Connection connection = DriverManager.getConnection(url, "sa", "")) {
			return rows(connection);
		}
	}

	private static long rows(Connection connection) throws SQLException {
		try (ResultSet count = connection.createStatement().executeQuery("select count(*) from entry")) {
			count.next();
			return count.getLong(1);
		}
	}
}
