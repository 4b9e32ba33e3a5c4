package org.pipelinetracker.bench;

import org.HdrHistogram.Histogram;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import static org.pipelinetracker.bench.Benchmark.ZONE;
import static org.pipelinetracker.bench.Benchmark.log;
import static org.pipelinetracker.bench.Benchmark.median;
import static org.pipelinetracker.bench.Benchmark.port;
import static org.pipelinetracker.bench.Benchmark.round2;
import static org.pipelinetracker.bench.Benchmark.round;

/**
 * Query latency over HTTP, per query type: a warm-up until the JIT has settled ({@link JitWarmup}), then the timed
 * requests, their p50/p99 and what each allocated; on PostgreSQL, the plans of the time series' statements.
 */
final class Queries {

	private final BenchConfig cfg;

	Queries(BenchConfig cfg) {
		this.cfg = cfg;
	}

	Map<String, Object> queries(ConfigurableApplicationContext ctx, int projects, String tag) throws Exception {
		ExecutorService httpThreads = Executors.newCachedThreadPool();
		HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).executor(httpThreads).build();
		String baseUrl = "http://localhost:" + port(ctx);
		String auth = cfg.basicAuth();
		// the read models must have caught up (the replays above did that)
		LocalDate asOf = new Workload(tag, LocalDate.now(ZONE)).base().plusDays(3);
		Random random = new Random(42);
		Map<String, Supplier<String>> paths = new LinkedHashMap<>();
		paths.put("status", () -> "/api/projects/" + Workload.projectId(tag, 0, random.nextInt(projects)));
		paths.put("pipeline", () -> "/api/pipeline");
		paths.put("series", () -> "/api/funding/timeseries?interval=QUARTER&groupBy=SOURCE");
		paths.put("asof", () -> "/api/projects/" + Workload.projectId(tag, 0, random.nextInt(projects)) + "?asOf=" + asOf);
		Map<String, Object> out = new LinkedHashMap<>();
		for (Map.Entry<String, Supplier<String>> q : paths.entrySet()) {
			List<Double> p50 = new ArrayList<>();
			List<Double> p99 = new ArrayList<>();
			List<Long> counts = new ArrayList<>();
			List<Integer> warmups = new ArrayList<>();
			List<Double> allocation = new ArrayList<>();
			List<Boolean> settled = new ArrayList<>();
			for (int run = 0; run < cfg.runs(); run++) {
				Histogram h = new Histogram(3);
				JitWarmup warmup = JitWarmup.run(cfg.queryWarmup(), cfg.jitSettle(),
						System.nanoTime() + TimeUnit.SECONDS.toNanos(cfg.queryMaxSeconds()),
						() -> get(http, baseUrl + q.getValue().get(), auth));
				warmups.add(warmup.requests());
				settled.add(warmup.settled());
				long stop = System.nanoTime() + TimeUnit.SECONDS.toNanos(cfg.queryMaxSeconds());
				long allocatedBefore = allocatedBytes();
				for (int i = 0; i < cfg.queries() && (System.nanoTime() < stop || i < 20); i++) {
					String path = baseUrl + q.getValue().get();
					long s = System.nanoTime();
					get(http, path, auth);
					h.recordValue(Math.max(1, (System.nanoTime() - s) / 1000));
				}
				long allocated = allocatedBytes() - allocatedBefore;
				if (allocatedBefore >= 0 && allocated >= 0 && h.getTotalCount() > 0) {
					allocation.add(allocated / 1000.0 / h.getTotalCount());
				}
				else {
					log("  query " + q.getKey() + " run " + (run + 1) + ": no allocation figure (the JVM cannot tell, or no request was timed)");
				}
				p50.add(h.getValueAtPercentile(50) / 1000.0);
				p99.add(h.getValueAtPercentile(99) / 1000.0);
				counts.add(h.getTotalCount());
			}
			Map<String, Object> m = new LinkedHashMap<>();
			m.put("example", q.getValue().get());
			m.put("p50_ms", round2(median(p50)));
			m.put("p99_ms", round2(median(p99)));
			m.put("requests_per_run", counts);
			m.put("alloc_kb_per_request", allocation.isEmpty() ? null : round(median(allocation)));
			m.put("warmup_requests_per_run", warmups);
			m.put("jit_settled_per_run", settled);
			m.put("runs_p99_ms", p99.stream().map(Benchmark::round2).toList());
			out.put(q.getKey(), m);
			log(String.format(Locale.ROOT, "  query %-8s p50 %7.2f ms  p99 %7.2f ms  %s KB allocated per request  (%s"
					+ " requests per run after %s warm-up requests, JIT settled %s)", q.getKey(), median(p50), median(p99),
					m.get("alloc_kb_per_request"), counts, warmups, settled));
		}
		httpThreads.shutdown();
		return out;
	}

	/**
	 * Bytes allocated so far by all of the JVM's threads, those that have ended included (the server's and the
	 * benchmark's client's alike: they share this JVM), or -1 where the JVM cannot tell.
	 */
	private static long allocatedBytes() {
		if (!(ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean threads)
				|| !threads.isThreadAllocatedMemorySupported() || !threads.isThreadAllocatedMemoryEnabled()) {
			return -1;
		}
		return threads.getTotalThreadAllocatedBytes();
	}

	private static void get(HttpClient http, String url, String auth) throws IOException, InterruptedException {
		HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", auth)
				.timeout(Duration.ofSeconds(60)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
		if (r.statusCode() != 200) {
			throw new IllegalStateException("GET " + url + " answered " + r.statusCode() + ": "
					+ new String(r.body(), StandardCharsets.UTF_8));
		}
	}

	/**
	 * The plans of the time series' statements on PostgreSQL, in the log (issue 21): the day sums it reads without a
	 * {@code knownAt} cut, the projects with plans it reads for the planned disbursements, and the facts it sums with
	 * a {@code knownAt} cut (what it summed for every request before the day sums).
	 */
	static void explainSeries(ConfigurableApplicationContext ctx) {
		JdbcTemplate jdbc = ctx.getBean(JdbcTemplate.class);
		for (String sql : List.of("select d.effective_date, d.source, d.currency, d.kind, sum(d.amount)"
				+ " from pipeline_money_day d where d.effective_date <= current_date and d.facts > 0"
				+ " group by d.effective_date, d.source, d.currency, d.kind",
				"select document from project_view where has_plans = true order by project_id",
				// what the series summed before the day sums (and still sums with a knownAt cut), for comparison
				"select m.effective_date, m.source, m.currency, m.kind, sum(m.amount) from pipeline_money m"
						+ " where m.effective_date <= current_date and m.recorded_at <= timestamp with time zone"
						+ " '9999-12-31 23:59:59+00' group by m.effective_date, m.source, m.currency, m.kind")) {
			log("  explain: " + sql);
			jdbc.query("explain (analyze, buffers) " + sql, rs -> {
				log("    " + rs.getString(1));
			});
		}
		// the series in process, timed, before and after the tables are analysed (a rebuild's swap leaves the
		// planner without statistics until autovacuum analyses them)
		org.pipelinetracker.pipeline.FundingTimeSeries series = ctx.getBean(org.pipelinetracker.pipeline.FundingTimeSeries.class);
		for (String when : List.of("as swapped in", "after analyze")) {
			if (when.equals("after analyze")) {
				jdbc.execute("analyze project_view");
				jdbc.execute("analyze pipeline_money_day");
				jdbc.query("explain (analyze, buffers) select document from project_view where has_plans = true"
						+ " order by project_id", rs -> {
							log("    " + rs.getString(1));
						});
			}
			Histogram h = new Histogram(3);
			for (int i = 0; i < 120; i++) {
				long t = System.nanoTime();
				series.timeSeries(org.pipelinetracker.pipeline.FundingTimeSeries.Interval.QUARTER, null, null,
						org.pipelinetracker.pipeline.FundingTimeSeries.GroupBy.SOURCE, "USD", null, null, LocalDate.now(ZONE));
				if (i >= 20) {
					h.recordValue(Math.max(1, (System.nanoTime() - t) / 1000));
				}
			}
			log(String.format(Locale.ROOT, "  series in process, %s: p50 %.2f ms p99 %.2f ms (100 calls)", when,
					h.getValueAtPercentile(50) / 1000.0, h.getValueAtPercentile(99) / 1000.0));
		}
		log("  pipeline_money_day: " + jdbc.queryForMap("select count(*) as live_rows, pg_relation_size('pipeline_money_day')"
				+ " as bytes from pipeline_money_day") + ", " + jdbc.queryForList("select n_live_tup, n_dead_tup, last_autovacuum,"
				+ " last_autoanalyze from pg_stat_user_tables where relname in ('pipeline_money_day', 'project_view')"));
	}
}
