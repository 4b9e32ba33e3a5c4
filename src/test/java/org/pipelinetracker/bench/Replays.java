package org.pipelinetracker.bench;

import org.HdrHistogram.Histogram;
import org.axonframework.serialization.Serializer;
import org.pipelinetracker.audit.replay.ReplayService;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import static org.pipelinetracker.bench.Benchmark.log;
import static org.pipelinetracker.bench.Benchmark.median;
import static org.pipelinetracker.bench.Benchmark.port;
import static org.pipelinetracker.bench.Benchmark.round2;
import static org.pipelinetracker.bench.Benchmark.round;

/**
 * A rebuild of every read model from the N events, {@code runs} times, while one client queries over HTTP without
 * pause (its latencies, and whether an answer showed fewer projects than before the rebuild), and the ceiling it is
 * compared with: reading and deserialising every event on one thread.
 */
final class Replays {

	private final BenchConfig cfg;

	Replays(BenchConfig cfg) {
		this.cfg = cfg;
	}

	/**
	 * Waits until the rebuild started at {@code startedNanos} is no longer RUNNING, at most 60 minutes from its start,
	 * and returns how it ended.
	 */
	static ReplayService.Status awaitEnd(ReplayService replays, long startedNanos) throws InterruptedException {
		long deadline = startedNanos + TimeUnit.MINUTES.toNanos(60);
		while (replays.status().state() == ReplayService.State.RUNNING) {
			if (System.nanoTime() > deadline) {
				throw new IllegalStateException("replay did not finish within 60 minutes: " + replays.status());
			}
			Thread.sleep(5);
		}
		return replays.status();
	}

	Map<String, Object> replay(ConfigurableApplicationContext ctx, long events) throws Exception {
		ReplayService replays = ctx.getBean(ReplayService.class);
		JdbcTemplate jdbc = new JdbcTemplate(ctx.getBean(DataSource.class));
		Long projectsBefore = jdbc.queryForObject("select count(*) from pipeline_project", Long.class);
		List<Double> rates = new ArrayList<>();
		Histogram during = new Histogram(3);
		long[] partial = new long[1];
		for (int run = 0; run < cfg.runs(); run++) {
			long t0 = System.nanoTime();
			replays.start(null);
			// queries meanwhile, as users would make them: a project's status and the pipeline, over HTTP
			java.util.concurrent.atomic.AtomicBoolean done = new java.util.concurrent.atomic.AtomicBoolean();
			Thread querier = new Thread(() -> queryDuringRebuild(ctx, done, during, partial, projectsBefore), "bench-rebuild-queries");
			querier.start();
			ReplayService.Status end = awaitEnd(replays, t0);
			double seconds = (System.nanoTime() - t0) / 1e9;
			done.set(true);
			querier.join();
			if (end.state() != ReplayService.State.COMPLETED) {
				throw new IllegalStateException("the rebuild did not complete: " + end);
			}
			rates.add(events / seconds);
			log(String.format(Locale.ROOT, "  replay %d: %d events in %.2f s: %.0f events/s", run + 1, events, seconds,
					events / seconds));
		}
		Long projects = jdbc.queryForObject("select count(*) from pipeline_project", Long.class);
		Long views = jdbc.queryForObject("select count(*) from project_view", Long.class);
		Long money = jdbc.queryForObject("select count(*) from pipeline_money", Long.class);
		Map<String, Object> out = new LinkedHashMap<>();
		out.put("events_per_s", round(median(rates)));
		out.put("runs", rates.stream().map(Benchmark::round).toList());
		out.put("runs_s", rates.stream().map(rate -> round2(events / rate)).toList());
		out.put("method", "POST /api/admin/replay equivalent (ReplayService.start for all 5 projections: the store read"
				+ " once into a shadow database, then swapped in), timed until the run is COMPLETED");
		out.put("rows_after", Map.of("pipeline_project", projects, "project_view", views, "pipeline_money", money));
		Map<String, Object> queries = new LinkedHashMap<>();
		queries.put("answered", during.getTotalCount());
		queries.put("p50_ms", during.getTotalCount() == 0 ? null : round2(during.getValueAtPercentile(50) / 1000.0));
		queries.put("p99_ms", during.getTotalCount() == 0 ? null : round2(during.getValueAtPercentile(99) / 1000.0));
		queries.put("partial_answers", partial[0]);
		queries.put("method", "one client during every rebuild: GET /api/projects/{id} and GET /api/pipeline in turn;"
				+ " an answer with fewer projects than before the rebuild counts as partial");
		out.put("queries_during_rebuild", queries);
		return out;
	}

	private void queryDuringRebuild(ConfigurableApplicationContext ctx, java.util.concurrent.atomic.AtomicBoolean done,
			Histogram latencies, long[] partial, Long projectsBefore) {
		HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
		String baseUrl = "http://localhost:" + port(ctx);
		String auth = cfg.basicAuth();
		JdbcTemplate jdbc = new JdbcTemplate(ctx.getBean(DataSource.class));
		List<String> ids = jdbc.queryForList("select project_id from project_view fetch first 1000 rows only", String.class);
		Random random = new Random(7);
		int i = 0;
		while (!done.get()) {
			boolean pipeline = i++ % 2 == 1 || ids.isEmpty();
			String url = baseUrl + (pipeline ? "/api/pipeline" : "/api/projects/" + ids.get(random.nextInt(ids.size())));
			long s = System.nanoTime();
			try {
				HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", auth)
						.timeout(Duration.ofSeconds(60)).GET().build(), HttpResponse.BodyHandlers.ofString());
				synchronized (latencies) {
					latencies.recordValue(Math.max(1, (System.nanoTime() - s) / 1000));
				}
				if (r.statusCode() != 200 || (pipeline && projectsBefore != null
						&& !r.body().contains("\"projects\":" + projectsBefore + ","))) {
					partial[0]++;
				}
			}
			catch (IOException e) {
				partial[0]++;
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				return;
			}
		}
	}

	Map<String, Object> rawRead(ConfigurableApplicationContext ctx) throws SQLException {
		DataSource ds = ctx.getBean(DataSource.class);
		Serializer serializer = ctx.getBean("eventSerializer", Serializer.class);
		List<Double> rates = new ArrayList<>();
		long count = 0;
		for (int run = 0; run < cfg.runs(); run++) {
			long t0 = System.nanoTime();
			count = EventRows.readAndDeserialize(ds, serializer);
			rates.add(count / ((System.nanoTime() - t0) / 1e9));
		}
		Map<String, Object> out = new LinkedHashMap<>();
		out.put("events", count);
		out.put("events_per_s", round(median(rates)));
		out.put("runs", rates.stream().map(Benchmark::round).toList());
		out.put("method", "one thread: select every row of domain_event_entry in global-index order (fetch size 1000),"
				+ " deserialize payload and metadata with the application's event serializer, parse the timestamp as the"
				+ " event store does (EventTimestamps)");
		log("  raw read: " + out.get("events_per_s") + " events/s " + out.get("runs"));
		return out;
	}
}
