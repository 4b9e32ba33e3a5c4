package org.pipelinetracker.storage;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Compacts the embedded H2 file before the application opens it, when most of the file is no longer live data.
 * <p>
 * Why: with {@code WRITE_DELAY=0} (every commit written before it returns) each commit adds a chunk to the file; H2
 * keeps a chunk for 45 seconds after it was written (its guard against a crash of the machine) and, with that
 * setting, never moves the live pages out of old chunks (its housekeeping runs in the background writer, which the
 * setting switches off). Under sustained writes the file therefore grows far beyond its data (measured: 3.1 GB for
 * 50 MB of data after 60,000 one-row commits in 25 seconds), and a normal close leaves it so. H2's {@code SHUTDOWN COMPACT}
 * rewrites the live data into a new file and replaces the old one with it (an interrupted compaction leaves the old
 * file), so it is run here, once, before anything else has the file open.
 */
final class H2FileCompaction {

	private static final Logger log = LoggerFactory.getLogger(H2FileCompaction.class);
	private static final String PREFIX = "jdbc:h2:file:";

	private H2FileCompaction() {
	}

	/**
	 * Compacts the H2 file of {@code url} if it is at least {@code minBytes} large and less than {@code minLivePercent}
	 * of it is live data; returns whether it did. Any other URL (in memory, a server) is left alone. A failure is
	 * logged and leaves the file as H2 left it: the application then opens it as it would have.
	 */
	static boolean compactIfSparse(String url, String user, String password, long minBytes, int minLivePercent) {
		Path file = fileOf(url);
		try {
			if (file == null || !Files.isRegularFile(file) || Files.size(file) < minBytes) {
				return false;
			}
			long before = Files.size(file);
			long started = System.nanoTime();
			int live;
			try (Connection connection = DriverManager.getConnection(url, user, password);
					Statement statement = connection.createStatement()) {
				live = livePercent(statement);
				if (live >= minLivePercent) {
					return false;
				}
				statement.execute("shutdown compact");
			}
			log.info("Compacted the H2 file {}: {} MB, of which {}% was live data, to {} MB in {} ms", file,
					megabytes(before), live, megabytes(Files.size(file)), (System.nanoTime() - started) / 1_000_000);
			return true;
		}
		catch (SQLException | java.io.IOException | RuntimeException e) {
			log.warn("Could not compact the H2 file {}; it is opened as it is: {}", file, e.toString());
			return false;
		}
	}

	private static String megabytes(long bytes) {
		return String.format(Locale.ROOT, "%.1f", bytes / 1_048_576.0);
	}

	/**
	 * The share of the file that live pages take: the share of the file that chunks take times the share of the
	 * chunks' space that is live (H2's {@code info.FILL_RATE} and {@code info.CHUNKS_FILL_RATE}).
	 */
	private static int livePercent(Statement statement) throws SQLException {
		Map<String, Integer> rates = new HashMap<>();
		try (ResultSet rows = statement.executeQuery("select setting_name, setting_value from information_schema.settings"
				+ " where setting_name in ('info.FILL_RATE', 'info.CHUNKS_FILL_RATE')")) {
			while (rows.next()) {
				rates.put(rows.getString(1), Integer.parseInt(rows.getString(2).trim()));
			}
		}
		if (rates.size() < 2) {
			return 100; // not an MVStore file as this version of H2 describes one: leave it alone
		}
		return rates.get("info.FILL_RATE") * rates.get("info.CHUNKS_FILL_RATE") / 100;
	}

	/** The {@code .mv.db} file a {@code jdbc:h2:file:} URL names ({@code ~} is the user's home, as for H2), or null. */
	static Path fileOf(String url) {
		if (url == null || !url.toLowerCase(Locale.ROOT).startsWith(PREFIX)) {
			return null;
		}
		String name = url.substring(PREFIX.length());
		int options = name.indexOf(';');
		if (options >= 0) {
			name = name.substring(0, options);
		}
		if (name.isBlank()) {
			return null;
		}
		if (name.startsWith("~")) {
			name = System.getProperty("user.home") + name.substring(1);
		}
		return Paths.get(name + ".mv.db").toAbsolutePath().normalize();
	}
}
