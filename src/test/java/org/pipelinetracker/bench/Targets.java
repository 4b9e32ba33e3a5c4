package org.pipelinetracker.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The open targets, checked against one database's results: met or not, by how much, and for a miss what this run
 * measured that bears on it. Issue 21's (replay, the request path, status and time series) and issue 9's absolute
 * ingestion figures, which are still missed.
 */
final class Targets {

	private Targets() {
	}

	static List<Map<String, Object>> evaluate(String db, Map<String, Object> r, Map<String, Object> ratios) {
		boolean h2 = "h2".equals(db);
		long events = ((Number) r.get("events")).longValue();
		List<Map<String, Object>> out = new ArrayList<>();
		atLeast(out, "ingest_cmds_per_s_8c", "ingestion with 8 clients (in process)", r.get("ingest_cmds_per_s_8c"),
				h2 ? 10_000 : 5_000, null);
		atLeast(out, "ingest_http_cmds_per_s_8c", "ingestion with 8 clients (HTTP)", r.get("ingest_http_cmds_per_s_8c"),
				h2 ? 10_000 : 5_000, null);
		atLeast(out, "ratios.ingest_vs_baseline_8c", "ours / baseline, 8 clients in process",
				ratios.get("ingest_vs_baseline_8c"), h2 ? 6 : 3, null);
		atLeast(out, "ratios.http_vs_ingest_1c", "HTTP / in process, 1 client", ratios.get("http_vs_ingest_1c"), 0.5,
				latencies(r, "1c"));
		atLeast(out, "ratios.http_vs_baseline_8c", "ours / baseline, 8 clients over HTTP", ratios.get("http_vs_baseline_8c"),
				4, null);
		atLeast(out, "ratios.ingest_events_vs_raw_insert_8c", "ingested events/s / raw insert rows/s, 8 clients",
				ratios.get("ingest_events_vs_raw_insert_8c"), 0.25, null);
		if (h2) {
			atLeast(out, "replay_events_per_s", "replay of all projections", r.get("replay_events_per_s"), 100_000, null);
		}
		atLeast(out, "ratios.replay_vs_raw_read", "replay / raw read+deserialise ceiling", ratios.get("replay_vs_raw_read"),
				0.5, replayConditions(r));
		atMost(out, "rebuild_query_p99_ms", "queries answered during a rebuild, p99", r.get("rebuild_query_p99_ms"), 50, null);
		atMost(out, "rebuild_partial_answers", "answers with a partial read model during a rebuild", r.get("rebuild_partial_answers"), 1, null);
		if (r.get("ingested_store_tables_changed_by_rebuild") != null) {
			atMost(out, "ingested_store_tables_changed_by_rebuild",
					"read-model tables a rebuild changed, on the store the ingestion built event by event",
					r.get("ingested_store_tables_changed_by_rebuild"), 1,
					r.get("ingested_store_events") + " events written by the ingestion phases while the projections ran");
		}
		String at = events >= 1_000_000 ? null : "measured at " + events + " events; the target is stated for 1M";
		atMost(out, "status_p99_ms", "project status p99", r.get("status_p99_ms"), 5,
				join(h2 ? at : "the target is stated for H2", "p50 " + r.get("status_p50_ms") + " ms"));
		atMost(out, "pipeline_p99_ms", "pipeline p99", r.get("pipeline_p99_ms"), 20, at);
		atMost(out, "series_p99_ms", "time series p99", r.get("series_p99_ms"), 20, at);
		atMost(out, "asof_p99_ms", "as-of for one project p99", r.get("asof_p99_ms"), 10, at);
		atMost(out, "heap_max_mb", "peak heap within -Xmx512m", r.get("heap_max_mb"), 512, at);
		return out;
	}

	/** What the replay shared its time with, as measured: the client querying throughout, the runs' times. */
	private static String replayConditions(Map<String, Object> r) {
		if (r.get("rebuild_queries_answered") == null) {
			return null;
		}
		return "the replays ran while one client queried without pause (" + r.get("rebuild_queries_answered")
				+ " answers in all); the raw read ran alone; replay runs " + r.get("replay_runs_s") + " s";
	}

	/**
	 * The commands' median latencies over HTTP and in process, when both were measured; and their means, with the
	 * part of the HTTP mean the application measured itself (its filters, controller and command: the rest is the
	 * client, the connection and Tomcat's hand-over).
	 */
	private static String latencies(Map<String, Object> r, String clients) {
		Object http = r.get("ingest_p50_ms_http_" + clients);
		Object inProcess = r.get("ingest_p50_ms_" + clients);
		if (http == null || inProcess == null) {
			return null;
		}
		String medians = "command p50 " + http + " ms over HTTP, " + inProcess + " ms in process";
		Object httpMean = r.get("ingest_mean_ms_http_" + clients);
		Object inApplication = r.get("ingest_in_application_mean_ms_http_" + clients);
		Object inProcessMean = r.get("ingest_mean_ms_" + clients);
		return httpMean instanceof Number && inApplication instanceof Number && inProcessMean instanceof Number
				? medians + "; mean " + httpMean + " ms over HTTP, " + inApplication + " ms of it in the application, "
						+ inProcessMean + " ms in process"
				: medians;
	}

	private static String join(String a, String b) {
		return a == null ? b : a + "; " + b;
	}

	private static void atLeast(List<Map<String, Object>> out, String key, String what, Object measured, double target,
			String note) {
		add(out, key, what, ">= " + format(target), measured, measured instanceof Number n && n.doubleValue() >= target,
				measured instanceof Number n ? n.doubleValue() / target : null, note);
	}

	private static void atMost(List<Map<String, Object>> out, String key, String what, Object measured, double target,
			String note) {
		add(out, key, what, "< " + format(target), measured, measured instanceof Number n && n.doubleValue() < target,
				measured instanceof Number n && n.doubleValue() > 0 ? target / n.doubleValue() : null, note);
	}

	private static void add(List<Map<String, Object>> out, String key, String what, String target, Object measured,
			boolean met, Double factor, String note) {
		Map<String, Object> t = new LinkedHashMap<>();
		t.put("key", key);
		t.put("what", what);
		t.put("target", target);
		t.put("measured", measured);
		t.put("met", met ? "yes" : "no");
		if (!met && factor != null) {
			t.put("reached_percent_of_target", Math.round(factor * 1000) / 10.0);
		}
		if (note != null) {
			t.put("note", note);
		}
		out.add(t);
	}

	private static String format(double v) {
		return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
	}
}
