package org.pipelinetracker.storage;

import org.h2.mvstore.MVStoreTool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
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
 * 50 MB of data after 60,000 one-row commits in 25 seconds), and a normal close leaves it so.
 * <p>
 * How: the file is opened alone ({@code AUTO_SERVER=FALSE}: never through another process's server) to read how much
 * of it is live, and left alone if any other session has it open. Then, closed, it is copied page by page into a new
 * file with H2's own tool ({@link MVStoreTool#compact}, uncompressed, as H2 writes it), which replaces the old file
 * once complete: a node killed meanwhile starts on the old file (H2 removes the unfinished copy when it opens it).
 * Encrypted and read-only files are left alone.
 */
final class H2FileCompaction {

	private static final Logger log = LoggerFactory.getLogger(H2FileCompaction.class);
	private static final String PREFIX = "jdbc:h2:file:";

	private H2FileCompaction() {
	}

	/**
	 * Compacts the H2 file of {@code url} if it is at least {@code minBytes} large and less than {@code minLivePercent}
	 * of it is live data; returns whether it did. Any other URL (in memory, a server) is left alone. A failure is
	 * logged and leaves the file as it was: the application then opens it as it would have.
	 */
	static boolean compactIfSparse(String url, String user, String password, long minBytes, int minLivePercent) {
		Path file = fileOf(url);
		if (file == null) {
			return false;
		}
		Map<String, String> options = options(url);
		if (options.containsKey("CIPHER") || "r".equalsIgnoreCase(options.get("ACCESS_MODE_DATA"))) {
			return false;
		}
		try {
			if (!Files.isRegularFile(file) || !Files.isWritable(file)) {
				return false;
			}
			long before = Files.size(file);
			if (before < minBytes) {
				return false;
			}
			int live;
			try (Connection connection = DriverManager.getConnection(aloneUrl(url), user, password);
					Statement statement = connection.createStatement()) {
				if (otherSessions(statement) > 0) {
					log.info("The H2 file {} is open elsewhere in this process; not compacted", file);
					return false;
				}
				live = livePercent(statement);
			}
			if (live >= minLivePercent) {
				return false;
			}
			log.info("Compacting the H2 file {} ({} MiB, of which {}% is live data) before the node opens it; this needs"
					+ " free disk space for the live data", file, mebibytes(before), live);
			long started = System.nanoTime();
			MVStoreTool.compact(file.toString(), false);
			long after = Files.size(file);
			if (after >= before) {
				log.warn("Compacting the H2 file {} left it at {} MiB; it is opened as it is", file, mebibytes(after));
				return false;
			}
			log.info("Compacted the H2 file {}: {} MiB to {} MiB in {} ms", file, mebibytes(before), mebibytes(after),
					(System.nanoTime() - started) / 1_000_000);
			return true;
		}
		catch (SQLException | IOException | RuntimeException e) {
			log.warn("Could not compact the H2 file {}; it is opened as it is: {}", file, e.toString());
			return false;
		}
	}

	/** The file's URL, opened by this process only, never created, and closed without H2's short compaction. */
	private static String aloneUrl(String url) {
		int options = url.indexOf(';');
		return (options < 0 ? url : url.substring(0, options)) + ";AUTO_SERVER=FALSE;IFEXISTS=TRUE;MAX_COMPACT_TIME=0";
	}

	private static int otherSessions(Statement statement) throws SQLException {
		try (ResultSet rows = statement.executeQuery("select count(*) from information_schema.sessions")) {
			rows.next();
			return rows.getInt(1) - 1;
		}
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

	private static String mebibytes(long bytes) {
		return String.format(Locale.ROOT, "%.1f", bytes / 1_048_576.0);
	}

	/** The URL's settings ({@code ;NAME=value}), names in capitals. */
	private static Map<String, String> options(String url) {
		Map<String, String> options = new HashMap<>();
		String[] parts = url.split(";");
		for (int i = 1; i < parts.length; i++) {
			int equals = parts[i].indexOf('=');
			if (equals > 0) {
				options.put(parts[i].substring(0, equals).trim().toUpperCase(Locale.ROOT), parts[i].substring(equals + 1));
			}
		}
		return options;
	}

	/**
	 * The {@code .mv.db} file a {@code jdbc:h2:file:} URL names ({@code ~} is the user's home, as for H2), or null:
	 * other URLs, including H2's short form for a file ({@code jdbc:h2:./data/x}), are left alone.
	 */
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
