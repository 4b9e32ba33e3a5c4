package org.pipelinetracker.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Writes results.json, results.csv (database, metric, value) and results.txt (the table, also printed). */
final class Report {

	static final List<String> TABLE = List.of("events", "ingest_cmds_per_s_1c", "ingest_cmds_per_s_8c",
			"ingest_http_cmds_per_s_1c", "ingest_http_cmds_per_s_8c", "ingest_events_per_s_8c", "ingest_p50_ms_8c",
			"ingest_p99_ms_8c", "ingest_p99_ms_http_8c", "baseline_cmds_per_s_1c", "baseline_cmds_per_s_8c",
			"baseline_http_cmds_per_s_8c", "raw_insert_rows_per_s", "replay_events_per_s", "raw_read_events_per_s",
			"status_p50_ms", "status_p99_ms", "status_alloc_kb", "pipeline_p50_ms", "pipeline_p99_ms", "series_p50_ms",
			"series_p99_ms", "asof_p50_ms", "asof_p99_ms", "heap_max_mb", "heap_live_max_mb", "startup_ms", "load_events_per_s");

	private Report() {
	}

	@SuppressWarnings("unchecked")
	static void write(BenchConfig cfg, Map<String, Object> results) throws IOException {
		Files.writeString(cfg.out().resolve("results.json"), Benchmark.json().writeValueAsString(results),
				StandardCharsets.UTF_8);
		List<String> dbs = cfg.databases();
		StringBuilder csv = new StringBuilder("database,metric,value\n");
		for (String db : dbs) {
			Map<String, Object> r = (Map<String, Object>) results.get(db);
			r.forEach((k, v) -> {
				if (v instanceof Number || v == null) {
					csv.append(db).append(',').append(k).append(',').append(v == null ? "" : v).append('\n');
				}
			});
			((Map<String, Object>) r.get("ratios")).forEach((k, v) -> csv.append(db).append(",ratio_").append(k)
					.append(',').append(v == null ? "" : v).append('\n'));
		}
		Files.writeString(cfg.out().resolve("results.csv"), csv.toString(), StandardCharsets.UTF_8);

		StringBuilder t = new StringBuilder();
		t.append("Benchmark ").append(results.get("date")).append(", commit ").append(results.get("git_commit"))
				.append('\n').append("machine ").append(results.get("machine")).append('\n')
				.append("jvm ").append(results.get("jvm")).append('\n');
		t.append(String.format(Locale.ROOT, "%-30s", "metric"));
		dbs.forEach(db -> t.append(String.format(Locale.ROOT, "%14s", db)));
		t.append('\n');
		for (String key : TABLE) {
			t.append(String.format(Locale.ROOT, "%-30s", key));
			for (String db : dbs) {
				Object v = ((Map<String, Object>) results.get(db)).get(key);
				t.append(String.format(Locale.ROOT, "%14s", v == null ? "-" : format(v)));
			}
			t.append('\n');
		}
		List<String> ratioKeys = new ArrayList<>(((Map<String, Object>) ((Map<String, Object>) results.get(dbs.get(0)))
				.get("ratios")).keySet());
		for (String key : ratioKeys) {
			t.append(String.format(Locale.ROOT, "%-30s", "ratio " + key));
			for (String db : dbs) {
				Object v = ((Map<String, Object>) ((Map<String, Object>) results.get(db)).get("ratios")).get(key);
				t.append(String.format(Locale.ROOT, "%14s", v == null ? "-" : format(v)));
			}
			t.append('\n');
		}
		t.append("targets:\n");
		for (String db : dbs) {
			for (Map<String, Object> target : (List<Map<String, Object>>) ((Map<String, Object>) results.get(db))
					.get("targets")) {
				t.append(String.format(Locale.ROOT, "  %-9s %-4s %-50s %-9s measured %s%s%s\n", db, target.get("met"),
						target.get("what"), target.get("target"), target.get("measured"),
						target.containsKey("reached_percent_of_target")
								? " (" + target.get("reached_percent_of_target") + "% of target)" : "",
						target.containsKey("note") ? " — " + target.get("note") : ""));
			}
		}
		Files.writeString(cfg.out().resolve("results.txt"), t.toString(), StandardCharsets.UTF_8);
		System.out.println(t);
	}

	private static String format(Object v) {
		if (v instanceof Double d) {
			return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString(d.longValue()) : String.format(Locale.ROOT, "%.2f", d);
		}
		return String.valueOf(v);
	}
}
