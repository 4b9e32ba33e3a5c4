package org.pipelinetracker.bench;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The benchmark end to end on a tiny N with one short run (H2), so the harness cannot rot: every phase runs and
 * results.json has every key issues 9 and 21 require, with sane values, and the targets of issue 21.
 */
class BenchmarkSmokeTest {

	static final List<String> REQUIRED = List.of("ingest_cmds_per_s_1c", "ingest_cmds_per_s_8c", "baseline_cmds_per_s_8c",
			"raw_insert_rows_per_s", "replay_events_per_s", "raw_read_events_per_s", "status_p99_ms", "pipeline_p99_ms",
			"series_p99_ms", "asof_p99_ms", "status_alloc_kb", "events", "heap_max_mb");

	@Test
	void runsEveryPhaseAndWritesEveryRequiredKey() throws Exception {
		Path out = Path.of("target", "bench-smoke");
		Benchmark.run(BenchConfig.smoke(out));

		JsonNode json = JsonMapper.builder().build().readTree(Files.readString(out.resolve("results.json")));
		JsonNode h2 = json.path("h2");
		for (String key : REQUIRED) {
			assertThat(h2.path(key).isNumber()).as(key + " in " + h2).isTrue();
			assertThat(h2.path(key).asDouble()).as(key).isPositive();
		}
		assertThat(h2.path("events").asLong()).isGreaterThanOrEqualTo(600);
		assertThat(h2.path("ingest_http_cmds_per_s_8c").asDouble()).isPositive();
		assertThat(h2.path("startup_ms").asLong()).isPositive();
		assertThat(h2.path("ratios").path("ingest_vs_baseline_8c").isNumber()).isTrue();
		assertThat(h2.path("targets").isArray()).isTrue();
		assertThat(h2.path("targets").get(0).path("met").asString()).isIn("yes", "no");
		assertThat(h2.path("ratios").path("http_vs_ingest_1c").isNumber()).isTrue();
		assertThat(target(h2, "ratios.http_vs_ingest_1c").path("target").asString()).isEqualTo(">= 0.5");
		assertThat(target(h2, "ratios.http_vs_ingest_1c").path("note").asString())
				.as("where an HTTP command's time goes").contains("ms of it in the application");
		assertThat(target(h2, "ratios.http_vs_baseline_8c").path("target").asString()).isEqualTo(">= 4");
		assertThat(target(h2, "ratios.replay_vs_raw_read").path("note").asString())
				.as("what the replay shared its time with").containsPattern("\\(\\d+ answers in all\\)")
				.contains("replay runs [");
		assertThat(h2.path("detail").path("ingest").path("ours").path("gateway-8c").path("errors").asLong())
				.as("failed writes").isZero();
		JsonNode oursOneClient = h2.path("detail").path("ingest").path("ours").path("gateway-1c");
		assertThat(oursOneClient.path("cpu_ms_per_command").asDouble()).as("CPU per command").isPositive();
		assertThat(oursOneClient.path("write_path_cpu_ms_per_command").asDouble()).as("the write path's")
				.isPositive().isLessThan(oursOneClient.path("cpu_ms_per_command").asDouble());
		if (Files.exists(Path.of("/proc/stat"))) {
			assertThat(oursOneClient.path("machine_cpu_ms_per_command").asDouble()).as("the machine's").isPositive();
		}
		JsonNode oursHttp = h2.path("detail").path("ingest").path("ours").path("http-1c");
		assertThat(oursHttp.path("web_server_threads_cpu_ms_per_command").asDouble()).as("Tomcat's threads' CPU")
				.isPositive().isLessThan(oursHttp.path("cpu_ms_per_command").asDouble());
		assertThat(oursHttp.path("jit_ms_per_command").isNumber()).as("the JIT's share").isTrue();
		assertThat(oursHttp.path("client_threads_cpu_ms_per_command").asDouble()).as("the benchmark's own clients")
				.isPositive().isLessThan(oursHttp.path("cpu_ms_per_command").asDouble());
		assertThat(oursHttp.path("in_application_mean_ms").asDouble()).as("the application's own time per request")
				.isPositive().isLessThan(oursHttp.path("mean_ms").asDouble());
		assertThat(oursOneClient.has("in_application_mean_ms")).as("in process: no request").isFalse();
		assertThat(h2.path("ingested_store_tables_changed_by_rebuild").isNumber()).as("the ingested store was rebuilt")
				.isTrue();
		assertThat(h2.path("ingested_store_tables_changed_by_rebuild").asInt())
				.as("rebuilt read models equal the ones the live processors built: %s",
						h2.path("detail").path("rebuild_of_ingested_store"))
				.isZero();
		assertThat(h2.path("detail").path("rebuild_of_ingested_store").path("rows").path("project_view").asLong())
				.as("the ingested projects' status documents were compared").isPositive();
		assertThat(h2.path("detail").path("replay").path("rows_after").path("pipeline_project").asLong())
				.as("the replay rebuilt the pipeline of every loaded project")
				.isEqualTo(h2.path("detail").path("load").path("projects").asLong());
		assertThat(h2.path("detail").path("queries").path("status").path("warmup_requests_per_run").get(0).asInt())
				.as("the status query's warm-up").isGreaterThanOrEqualTo(5);
		assertThat(json.path("git_commit").asString()).isNotBlank();
		assertThat(json.path("jvm").path("flags").isArray()).isTrue();
		assertThat(Files.readString(out.resolve("results.csv"))).contains("h2,ingest_cmds_per_s_8c,");
	}

	private static JsonNode target(JsonNode db, String key) {
		for (JsonNode target : db.path("targets")) {
			if (key.equals(target.path("key").asString())) {
				return target;
			}
		}
		throw new AssertionError("no target " + key + " in " + db.path("targets"));
	}
}
