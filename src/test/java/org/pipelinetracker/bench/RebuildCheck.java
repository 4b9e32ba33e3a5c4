package org.pipelinetracker.bench;

import org.pipelinetracker.audit.replay.ReplayService;
import org.pipelinetracker.kernel.ShadowableProjection;
import org.pipelinetracker.kernel.ShadowableProjection.Table;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import static org.pipelinetracker.bench.Benchmark.log;

/**
 * Issue 21's "rebuilt read models equal the incrementally built ones", on the store the ingestion phases generated:
 * there every read model was built event by event by the live processors while the workload's clients wrote. Each
 * read-model table is read in key order and digested (SHA-256 over every column of every row, as the database gives
 * it as text), then every projection is rebuilt with the rebuild engine ({@link ReplayService}, as an operator's
 * {@code POST /api/admin/replay}), and the tables are digested again. A rebuild writes only rows that differ, so
 * equal digests mean it found every row as the events explain it. Streams the rows: any size fits the heap.
 */
final class RebuildCheck {

	private RebuildCheck() {
	}

	/** A table's rows and digest. */
	record Digest(long rows, String sha256) {
	}

	/** Call with the processors caught up and no client writing. */
	static Map<String, Object> check(ConfigurableApplicationContext ctx) throws Exception {
		JdbcTemplate jdbc = new JdbcTemplate(ctx.getBean(DataSource.class));
		List<Table> tables = ctx.getBeansOfType(ShadowableProjection.class).values().stream()
				.flatMap(p -> p.tables().stream()).toList();
		Long events = jdbc.queryForObject("select count(*) from domain_event_entry", Long.class);
		Map<String, Digest> before = digests(jdbc, tables);
		long t0 = System.nanoTime();
		ReplayService replays = ctx.getBean(ReplayService.class);
		replays.start(null);
		ReplayService.Status status = Replays.awaitEnd(replays, t0);
		if (status.state() != ReplayService.State.COMPLETED) {
			throw new IllegalStateException("the rebuild of the ingested store did not complete: " + status);
		}
		double seconds = (System.nanoTime() - t0) / 1e9;
		Map<String, Digest> after = digests(jdbc, tables);
		List<String> differing = new ArrayList<>();
		before.forEach((table, digest) -> {
			if (!digest.equals(after.get(table))) {
				differing.add(table);
			}
		});
		Map<String, Object> out = new LinkedHashMap<>();
		out.put("events", events);
		out.put("rebuild_s", Math.round(seconds * 100) / 100.0);
		Map<String, Object> rows = new TreeMap<>();
		before.forEach((table, digest) -> rows.put(table, digest.rows()));
		out.put("rows", rows);
		out.put("tables_differing", differing);
		out.put("method", "each read-model table digested in key order (SHA-256 of every column as text), every"
				+ " projection rebuilt (ReplayService, as POST /api/admin/replay), digested again");
		log(String.format(Locale.ROOT, "rebuild of the ingested store (%d events, built incrementally): %s in"
				+ " %.2f s; tables differing afterwards: %s", events, status.state(), seconds, differing));
		return out;
	}

	private static Map<String, Digest> digests(JdbcTemplate jdbc, List<Table> tables) {
		Map<String, Digest> out = new TreeMap<>();
		for (Table table : tables) {
			out.put(table.name(), jdbc.query("select * from " + table.name() + " order by "
					+ String.join(", ", table.keyColumns()), RebuildCheck::digest));
		}
		return out;
	}

	private static Digest digest(ResultSet rows) throws SQLException {
		MessageDigest sha;
		try {
			sha = MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
		ResultSetMetaData meta = rows.getMetaData();
		long count = 0;
		while (rows.next()) {
			count++;
			for (int i = 1; i <= meta.getColumnCount(); i++) {
				String value = rows.getString(i);
				sha.update(value == null ? new byte[] {0} : (value + '\u0001').getBytes(StandardCharsets.UTF_8));
			}
			sha.update((byte) '\n');
		}
		return new Digest(count, HexFormat.of().formatHex(sha.digest()));
	}
}
