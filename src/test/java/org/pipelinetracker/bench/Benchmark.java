package org.pipelinetracker.bench;

import org.HdrHistogram.Histogram;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.serialization.Serializer;
import org.pipelinetracker.PipelineTrackerApplication;
import org.pipelinetracker.audit.replay.ReplayService;
import org.pipelinetracker.facility.app.FacilityWriteService;
import org.pipelinetracker.postgres.EmbeddedPostgresServer;
import org.pipelinetracker.project.app.ProjectWriteService;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

import javax.sql.DataSource;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * The benchmark of issue 9, in one JVM (the one {@code ./mvnw -Pbench verify} forks with {@code -Xmx512m}), on each
 * database asked for:
 * <ol>
 * <li>ingestion: the {@link Workload} mix with 1 and 8 clients, in process (write service → command gateway) and over
 * HTTP, on the production configuration ("ours") and on a deliberately default Axon configuration ("baseline",
 * profile {@code bench-baseline}), each on a database of its own, alternating run by run;</li>
 * <li>the raw insert ceiling: the event rows ours wrote, inserted again with batched JDBC into a copy of the event
 * table in the same database;</li>
 * <li>N events bulk-loaded through the raw path (the workload's events serialized by the application's serializer)
 * into a fresh database, then: a replay of all projections (token reset) and the raw read ceiling (read and
 * deserialize every row on one thread); query latency over HTTP; startup time to first request in a fresh JVM.</li>
 * <li>the IATI import ({@link IatiImportBench}, when {@code bench.iati.mb} &gt; 0): a file of that size built from
 * the example activities, parsed alone (the ceiling), then imported into a fresh database.</li>
 * </ol>
 * Every measurement is repeated {@code runs} times and the median reported; latencies are HdrHistogram percentiles
 * of the measured window only (warm-up excluded). Results: {@code results.json}, {@code results.csv} and
 * {@code results.txt} under {@code bench.out}.
 */
public final class Benchmark {

	/**
	 * The ingestion phases, the one-client ones first: an eight-client phase leaves the projections a backlog that
	 * the phase after it competes with (the one-client HTTP phase measured 0.24–0.28 of in process after one, 0.54
	 * without), so the two one-client phases, whose ratio the targets compare, run under the same conditions.
	 */
	static final List<String> INGEST_MODES = List.of(System.getProperty("bench.modes",
			"gateway-1c,http-1c,gateway-8c,http-8c").split(","));
	/** How long a phase waits at most for the processors of both applications to reach the store's head. */
	static final long SETTLE_SECONDS = Long.getLong("bench.settle.seconds", 60);
	static final List<String> QUERY_TYPES = List.of("status", "pipeline", "series", "asof");
	private static final ZoneId ZONE = ZoneId.of("Asia/Tashkent");

	private final BenchConfig cfg;
	private final HeapSampler heap = new HeapSampler();
	private final List<String> notes = new ArrayList<>();

	Benchmark(BenchConfig cfg) {
		this.cfg = cfg;
	}

	/** Runs everything and writes the results; returns them. */
	public static Map<String, Object> run(BenchConfig cfg) throws Exception {
		return new Benchmark(cfg).runAll();
	}

	Map<String, Object> runAll() throws Exception {
		Files.createDirectories(cfg.out());
		Map<String, Object> results = new LinkedHashMap<>();
		results.put("date", Instant.now().toString());
		results.put("machine", Environment.machine());
		results.put("jvm", Environment.jvm());
		results.put("git_commit", Environment.gitCommit());
		results.put("parameters", parameters());
		heap.start();
		try {
			for (String db : cfg.databases()) {
				log("=== " + db + " ===");
				heap.reset();
				results.put(db, database(db));
			}
		}
		finally {
			heap.stop();
		}
		results.put("load_average_end", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
		results.put("notes", notes);
		Report.write(cfg, results);
		return results;
	}

	private Map<String, Object> parameters() {
		Map<String, Object> p = new LinkedHashMap<>();
		p.put("events", cfg.events());
		p.put("databases", cfg.databases());
		p.put("runs", cfg.runs());
		p.put("warmup_seconds", cfg.warmupSeconds());
		p.put("measure_seconds", cfg.measureSeconds());
		p.put("queries_per_type", cfg.queries());
		p.put("query_warmup", cfg.queryWarmup());
		p.put("query_max_seconds", cfg.queryMaxSeconds());
		p.put("query_warmup_until_jit_settles", cfg.jitSettle());
		p.put("raw_rows", cfg.rawRows());
		p.put("http_user", cfg.user());
		p.put("ingest", cfg.ingest());
		p.put("ours_extra_args", cfg.oursArgs());
		p.put("workload", "per project 9 writes (propose, sign LOAN, commit KOICA grant, fund via Eximbank on a facility"
				+ " [reserve on Facility + commit on Project], disburse, plan milestone, disburse, achieve milestone,"
				+ " disburse) = 12 events; a new facility every 50 projects of a client; each client its own projects");
		p.put("event_generation", "replay/query/startup phases: N events bulk-loaded through the raw JDBC path (the"
				+ " workload's events serialized by the application's own event serializer), not through commands");
		p.put("baseline", "profile bench-baseline (src/test/resources/application-bench-baseline.properties): the same"
				+ " application with Axon defaults: JPA storage engine with Axon's default fetch batch, no aggregate cache,"
				+ " no snapshots, tracking processors (1 segment, 1 thread, batch size 1) on the event store, no dead-letter"
				+ " queue");
		p.put("h2_url_options", Db.H2_OPTIONS);
		p.put("durability", "H2: WRITE_DELAY=0 (each commit written to the file before the call returns); PostgreSQL:"
				+ " synchronous_commit=on, fsync on (embedded zonky server)");
		return p;
	}

	// --- one database -------------------------------------------------------------------------------------------

	private Map<String, Object> database(String kind) throws Exception {
		Map<String, Object> out = new LinkedHashMap<>();
		Map<String, Object> detail = new LinkedHashMap<>();
		String runId = Long.toString(System.currentTimeMillis() % 1_000_000, 36).toUpperCase(Locale.ROOT);

		// 1 + 2: ingestion, ours and baseline alternating
		Map<String, List<Sample>> ours = new LinkedHashMap<>();
		Map<String, List<Sample>> base = new LinkedHashMap<>();
		if (cfg.ingest()) {
			ingestion(kind, runId, ours, base, detail);
		}
		else {
			detail.put("raw_insert", Map.of("rows_per_s", Double.NaN));
		}
		Map<String, Object> ingestDetail = new LinkedHashMap<>();
		ingestDetail.put("ours", summarize(ours));
		ingestDetail.put("baseline", summarize(base));
		detail.put("ingest", ingestDetail);

		// 4-6: N events, replay, raw read, queries, startup
		Db loadDb = Db.create(kind, cfg.out(), "load");
		ConfigurableApplicationContext ctx = start(loadDb, false);
		Map<String, Object> load;
		try {
			load = load(ctx, runId);
			detail.put("load", load);
			detail.put("replay", replay(ctx, (long) load.get("events")));
			detail.put("raw_read", rawRead(ctx));
			detail.put("queries", queries(ctx, (int) load.get("projects"), (String) load.get("tag")));
			if (kind.equals("postgres")) {
				explainSeries(ctx);
			}
		}
		finally {
			ctx.close();
		}
		if (cfg.startup()) {
			detail.put("startup", startup(loadDb));
		}
		loadDb.release();

		// the required keys, then ratios, then targets
		Map<String, Object> oursSummary = summarize(ours);
		Map<String, Object> baseSummary = summarize(base);
		out.put("events", load.get("events"));
		out.put("ingest_cmds_per_s_1c", metric(oursSummary, "gateway-1c", "cmds_per_s"));
		out.put("ingest_cmds_per_s_8c", metric(oursSummary, "gateway-8c", "cmds_per_s"));
		out.put("ingest_http_cmds_per_s_1c", metric(oursSummary, "http-1c", "cmds_per_s"));
		out.put("ingest_http_cmds_per_s_8c", metric(oursSummary, "http-8c", "cmds_per_s"));
		out.put("ingest_events_per_s_8c", metric(oursSummary, "gateway-8c", "events_per_s"));
		for (String mode : INGEST_MODES) {
			String suffix = mode.replace("gateway-", "").replace("http-", "http_");
			out.put("ingest_p50_ms_" + suffix, metric(oursSummary, mode, "p50_ms"));
			out.put("ingest_p99_ms_" + suffix, metric(oursSummary, mode, "p99_ms"));
		}
		out.put("baseline_cmds_per_s_1c", metric(baseSummary, "gateway-1c", "cmds_per_s"));
		out.put("baseline_cmds_per_s_8c", metric(baseSummary, "gateway-8c", "cmds_per_s"));
		out.put("baseline_http_cmds_per_s_1c", metric(baseSummary, "http-1c", "cmds_per_s"));
		out.put("baseline_http_cmds_per_s_8c", metric(baseSummary, "http-8c", "cmds_per_s"));
		out.put("baseline_p99_ms_8c", metric(baseSummary, "gateway-8c", "p99_ms"));
		@SuppressWarnings("unchecked")
		Map<String, Object> raw = (Map<String, Object>) detail.get("raw_insert");
		out.put("raw_insert_rows_per_s", raw.get("rows_per_s"));
		@SuppressWarnings("unchecked")
		Map<String, Object> replay = (Map<String, Object>) detail.get("replay");
		out.put("replay_events_per_s", replay.get("events_per_s"));
		@SuppressWarnings("unchecked")
		Map<String, Object> duringRebuild = (Map<String, Object>) replay.get("queries_during_rebuild");
		out.put("rebuild_query_p99_ms", duringRebuild.get("p99_ms"));
		out.put("rebuild_partial_answers", duringRebuild.get("partial_answers"));
		out.put("rebuild_queries_answered", duringRebuild.get("answered"));
		out.put("replay_runs_s", replay.get("runs_s"));
		@SuppressWarnings("unchecked")
		Map<String, Object> rawRead = (Map<String, Object>) detail.get("raw_read");
		out.put("raw_read_events_per_s", rawRead.get("events_per_s"));
		@SuppressWarnings("unchecked")
		Map<String, Map<String, Object>> queries = (Map<String, Map<String, Object>>) detail.get("queries");
		for (String q : QUERY_TYPES) {
			out.put(q + "_p50_ms", queries.get(q).get("p50_ms"));
			out.put(q + "_p99_ms", queries.get(q).get("p99_ms"));
			out.put(q + "_alloc_kb", queries.get(q).get("alloc_kb_per_request"));
		}
		out.put("heap_max_mb", heap.peakMb());
		out.put("heap_live_max_mb", heap.livePeakMb());
		out.put("xmx_mb", Runtime.getRuntime().maxMemory() / (1024 * 1024));
		@SuppressWarnings("unchecked")
		Map<String, Object> startup = (Map<String, Object>) detail.get("startup");
		out.put("startup_ms", startup == null ? null : startup.get("ms"));
		out.put("load_events_per_s", load.get("events_per_s"));
		// after the heap peaks above were read: the phase measures its own
		if (cfg.iatiMb() > 0) {
			detail.put("iati_import", iatiImport(kind));
		}
		@SuppressWarnings("unchecked")
		Map<String, Object> iati = (Map<String, Object>) detail.get("iati_import");
		if (iati != null) {
			out.put("iati_file_mb", iati.get("file_mb"));
			out.put("iati_import_activities_per_s", ((Map<?, ?>) iati.get("import")).get("activities_per_s"));
			out.put("iati_parse_activities_per_s", ((Map<?, ?>) iati.get("parse_only")).get("activities_per_s"));
			out.put("iati_import_heap_max_mb", iati.get("heap_max_mb"));
		}

		Map<String, Object> ratios = new LinkedHashMap<>();
		ratios.put("ingest_vs_baseline_8c", ratio(out.get("ingest_cmds_per_s_8c"), out.get("baseline_cmds_per_s_8c")));
		ratios.put("ingest_vs_baseline_1c", ratio(out.get("ingest_cmds_per_s_1c"), out.get("baseline_cmds_per_s_1c")));
		ratios.put("http_vs_baseline_8c", ratio(out.get("ingest_http_cmds_per_s_8c"), out.get("baseline_http_cmds_per_s_8c")));
		ratios.put("http_vs_ingest_1c", ratio(out.get("ingest_http_cmds_per_s_1c"), out.get("ingest_cmds_per_s_1c")));
		ratios.put("ingest_events_vs_raw_insert_8c", ratio(out.get("ingest_events_per_s_8c"), out.get("raw_insert_rows_per_s")));
		ratios.put("replay_vs_raw_read", ratio(out.get("replay_events_per_s"), out.get("raw_read_events_per_s")));
		out.put("ratios", ratios);
		out.put("targets", Targets.evaluate(kind, out, ratios));
		out.put("detail", detail);
		return out;
	}

	private void ingestion(String kind, String runId, Map<String, List<Sample>> ours, Map<String, List<Sample>> base,
			Map<String, Object> detail) throws Exception {
		Db oursDb = Db.create(kind, cfg.out(), "ours");
		Db baseDb = cfg.baseline() ? Db.create(kind, cfg.out(), "baseline") : null;
		ConfigurableApplicationContext oursCtx = null;
		ConfigurableApplicationContext baseCtx = null;
		try {
			oursCtx = start(oursDb, false);
			baseCtx = baseDb == null ? null : start(baseDb, true);
			detail.put("database_version", oursDb.version(oursCtx.getBean(DataSource.class)));
			for (int run = 0; run < cfg.runs(); run++) {
				for (String mode : INGEST_MODES) {
					settle(oursCtx, baseCtx, "ours " + mode);
					ours.computeIfAbsent(mode, m -> new ArrayList<>())
							.add(ingest(oursCtx, mode, "O" + runId + "R" + run + mode.replace("-", "")));
					if (baseCtx != null) {
						settle(oursCtx, baseCtx, "baseline " + mode);
						base.computeIfAbsent(mode, m -> new ArrayList<>())
								.add(ingest(baseCtx, mode, "B" + runId + "R" + run + mode.replace("-", "")));
					}
				}
			}
			// 3: raw insert ceiling, on the rows ours wrote, in the same database
			detail.put("raw_insert", rawInsert(kind, oursCtx.getBean(DataSource.class)));
		}
		finally {
			close(baseCtx, baseDb);
			close(oursCtx, oursDb);
		}
	}

	// --- contexts -----------------------------------------------------------------------------------------------

	/** The IATI file built, parsed alone, then imported into a fresh database, with the heap peak of the import. */
	private Map<String, Object> iatiImport(String kind) throws Exception {
		Map<String, Object> out = new LinkedHashMap<>();
		Path file = cfg.out().resolve("iati-" + cfg.iatiMb() + "mb.xml");
		long activities = IatiImportBench.buildFile(file, cfg.iatiMb() * 1_000_000L);
		out.put("file_mb", Files.size(file) / 1e6);
		out.put("file_activities", activities);
		out.put("parse_only", IatiImportBench.parseOnly(file));
		log("IATI file of " + Files.size(file) / 1_000_000 + " MB, " + activities + " activities: parse only "
				+ out.get("parse_only"));
		Db db = Db.create(kind, cfg.out(), "iati");
		ConfigurableApplicationContext ctx = start(db, false);
		try {
			heap.reset();
			Map<String, Object> imported = IatiImportBench.importFile(ctx, file);
			out.put("import", imported);
			out.put("heap_max_mb", heap.peakMb());
			out.put("heap_live_max_mb", heap.livePeakMb());
			log("IATI import: " + imported + ", heap peak " + heap.peakMb() + " MB");
		}
		finally {
			close(ctx, db);
			Files.deleteIfExists(file);
		}
		return out;
	}

	private ConfigurableApplicationContext start(Db db, boolean baseline) {
		List<String> args = new ArrayList<>(db.arguments());
		args.add("--server.port=0");
		args.add("--tracker.seed.enabled=false");
		// the HTTP clients sign in as bench.http.user (a demo user: on for every database here, profile postgres
		// turns them off by default)
		args.add("--tracker.security.demo-users=true");
		args.add("--spring.main.banner-mode=off");
		args.add("--logging.level.root=WARN");
		args.add("--tracker.node-id=bench-" + (baseline ? "baseline" : "ours"));
		if (!baseline) {
			args.addAll(cfg.oursArgs());
		}
		List<String> profiles = new ArrayList<>(db.profiles());
		if (baseline) {
			profiles.add("bench-baseline");
		}
		if (!profiles.isEmpty()) {
			args.add("--spring.profiles.active=" + String.join(",", profiles));
		}
		long t0 = System.nanoTime();
		ConfigurableApplicationContext ctx = new SpringApplicationBuilder(PipelineTrackerApplication.class)
				.run(args.toArray(String[]::new));
		log("started " + (baseline ? "baseline" : "ours") + " on " + db.name() + " in "
				+ (System.nanoTime() - t0) / 1_000_000 + " ms (in-process)");
		return ctx;
	}

	private static void close(ConfigurableApplicationContext ctx, Db db) {
		if (ctx != null) {
			ctx.close();
		}
		if (db != null) {
			db.release();
		}
	}

	private static int port(ConfigurableApplicationContext ctx) {
		return Integer.parseInt(ctx.getEnvironment().getProperty("local.server.port"));
	}

	// --- ingestion ----------------------------------------------------------------------------------------------

	/** One phase's figures; the CPU per command in milliseconds, -1 where not measured ({@link CpuMeter}). */
	record Sample(String mode, int clients, double cmdsPerS, double eventsPerS, double p50Ms, double p99Ms, long ops,
			long errors, String firstError, CpuMeter.PerCommand cpu) {
	}

	private Sample ingest(ConfigurableApplicationContext ctx, String mode, String tag) throws Exception {
		boolean http = mode.startsWith("http");
		int clients = Integer.parseInt(mode.replaceAll("\\D", ""));
		Workload workload = new Workload(tag, LocalDate.now(ZONE));
		ProjectWriteService projects = ctx.getBean(ProjectWriteService.class);
		FacilityWriteService facilities = ctx.getBean(FacilityWriteService.class);
		ExecutorService httpThreads = Executors.newCachedThreadPool();
		HttpClient httpClient = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).executor(httpThreads)
				.connectTimeout(Duration.ofSeconds(10)).build();
		String baseUrl = "http://localhost:" + port(ctx);
		JdbcTemplate jdbc = new JdbcTemplate(ctx.getBean(DataSource.class));

		long warmup = TimeUnit.SECONDS.toNanos(cfg.warmupSeconds());
		long measure = TimeUnit.SECONDS.toNanos(cfg.measureSeconds());
		long start = System.nanoTime();
		long measureStart = start + warmup;
		long end = measureStart + measure;
		AtomicLong errors = new AtomicLong();
		String[] firstError = new String[1];
		ExecutorService pool = Executors.newFixedThreadPool(clients);
		List<Future<Histogram>> futures = new ArrayList<>();
		for (int c = 0; c < clients; c++) {
			Workload.Client client = http ? workload.overHttp(c, httpClient, baseUrl, cfg.user(), cfg.password())
					: workload.inProcess(c, projects, facilities);
			futures.add(pool.submit(() -> {
				Histogram h = new Histogram(3);
				while (true) {
					long s = System.nanoTime();
					if (s >= end) {
						return h;
					}
					try {
						client.next();
					}
					catch (Exception e) {
						if (errors.incrementAndGet() == 1) {
							firstError[0] = e.toString();
						}
						continue;
					}
					long f = System.nanoTime();
					if (s >= measureStart && f <= end) {
						h.recordValue(Math.max(1, (f - s) / 1000));
					}
				}
			}));
		}
		sleepUntil(measureStart);
		CpuMeter cpu = CpuMeter.ofThisJvm().start();
		long indexAtStart = maxGlobalIndex(jdbc);
		sleepUntil(end);
		long indexAtEnd = maxGlobalIndex(jdbc);
		long measured = 0;
		List<Histogram> histograms = new ArrayList<>();
		for (Future<Histogram> f : futures) {
			histograms.add(f.get());
			measured += histograms.get(histograms.size() - 1).getTotalCount();
		}
		CpuMeter.PerCommand cpuPerCommand = cpu.perCommand(measured);
		if (!tag.startsWith("O")) {
			// the baseline handles commands on its clients' threads: the group-commit workers are ours, idle
			cpuPerCommand = new CpuMeter.PerCommand(cpuPerCommand.processMs(), -1);
		}
		Histogram all = new Histogram(3);
		histograms.forEach(all::add);
		pool.shutdown();
		httpThreads.shutdown();
		double seconds = measure / 1e9;
		Sample sample = new Sample(mode, clients, all.getTotalCount() / seconds, (indexAtEnd - indexAtStart) / seconds,
				all.getValueAtPercentile(50) / 1000.0, all.getValueAtPercentile(99) / 1000.0, all.getTotalCount(),
				errors.get(), firstError[0], cpuPerCommand);
		log(String.format(Locale.ROOT, "  %-8s %-10s %8.0f cmds/s %8.0f events/s  p50 %6.2f ms  p99 %7.2f ms  errors %d"
				+ "  CPU per command %s ms, write path %s ms%s", tag.startsWith("O") ? "ours" : "baseline", mode,
				sample.cmdsPerS(), sample.eventsPerS(), sample.p50Ms(), sample.p99Ms(), sample.errors(),
				cpuMs(cpuPerCommand.processMs()), cpuMs(cpuPerCommand.writePathMs()),
				sample.firstError() == null ? "" : " (" + sample.firstError() + ")"));
		if (sample.errors() > 0) {
			notes.add(tag + " " + mode + ": " + sample.errors() + " failed writes, first: " + sample.firstError());
		}
		return sample;
	}

	/**
	 * Before a phase: waits (at most {@link #SETTLE_SECONDS}) until every running streaming processor of both
	 * applications has reached its store's head, so a phase does not share the machine with the last one's
	 * projection backlog; logs how far behind they were and how long it took, or who was still behind.
	 */
	private void settle(ConfigurableApplicationContext ours, ConfigurableApplicationContext base, String phase) {
		long t0 = System.nanoTime();
		long deadline = t0 + TimeUnit.SECONDS.toNanos(SETTLE_SECONDS);
		Map<String, Long> first = null;
		while (true) {
			Map<String, Long> behind = new java.util.TreeMap<>();
			behind.putAll(behind(ours, "ours"));
			behind.putAll(behind(base, "baseline"));
			if (first == null) {
				first = behind;
			}
			if (behind.isEmpty() || System.nanoTime() >= deadline) {
				String took = String.format(Locale.ROOT, "%.1f s", (System.nanoTime() - t0) / 1e9);
				if (behind.isEmpty()) {
					log("  settled before " + phase + " in " + took + (first.isEmpty() ? "" : ", behind at first: " + first));
				}
				else {
					log("  not settled before " + phase + " after " + took + ", still behind: " + behind);
					notes.add("not settled before " + phase + " after " + took + ", processors behind the head by " + behind);
				}
				return;
			}
			try {
				Thread.sleep(200);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				return;
			}
		}
	}

	/** Each running streaming processor of {@code ctx} that has not reached the store's head, with how far behind. */
	private static Map<String, Long> behind(ConfigurableApplicationContext ctx, String app) {
		Map<String, Long> behind = new LinkedHashMap<>();
		if (ctx == null) {
			return behind;
		}
		Long stored = new JdbcTemplate(ctx.getBean(DataSource.class))
				.queryForObject("select max(global_index) from domain_event_entry", Long.class);
		if (stored == null) {
			return behind; // an empty store: nothing to reach (the processors have no position yet)
		}
		long head = stored;
		ctx.getBean(EventProcessingConfiguration.class).eventProcessors().forEach((name, processor) -> {
			if (processor instanceof StreamingEventProcessor streaming && streaming.isRunning()) {
				long slowest = streaming.processingStatus().values().stream()
						.mapToLong(status -> status.getCurrentPosition().orElse(-1)).min().orElse(head);
				if (slowest < head) {
					behind.put(app + ":" + name, head - slowest);
				}
			}
		});
		return behind;
	}

	private static long maxGlobalIndex(JdbcTemplate jdbc) {
		Long max = jdbc.queryForObject("select coalesce(max(global_index), 0) from domain_event_entry", Long.class);
		return max == null ? 0 : max;
	}

	private static Map<String, Object> summarize(Map<String, List<Sample>> samples) {
		Map<String, Object> out = new LinkedHashMap<>();
		samples.forEach((mode, list) -> {
			Map<String, Object> m = new LinkedHashMap<>();
			m.put("cmds_per_s", round(median(list.stream().map(Sample::cmdsPerS).toList())));
			m.put("events_per_s", round(median(list.stream().map(Sample::eventsPerS).toList())));
			m.put("p50_ms", round2(median(list.stream().map(Sample::p50Ms).toList())));
			m.put("p99_ms", round2(median(list.stream().map(Sample::p99Ms).toList())));
			m.put("errors", list.stream().mapToLong(Sample::errors).sum());
			m.put("cpu_ms_per_command", measuredMedian(list.stream().map(s -> s.cpu().processMs()).toList()));
			m.put("write_path_cpu_ms_per_command", measuredMedian(list.stream().map(s -> s.cpu().writePathMs()).toList()));
			m.put("runs", list.stream().map(s -> Map.of("cmds_per_s", round(s.cmdsPerS()), "events_per_s",
					round(s.eventsPerS()), "p50_ms", round2(s.p50Ms()), "p99_ms", round2(s.p99Ms()), "ops", s.ops(),
					"errors", s.errors(), "cpu_ms_per_command", s.cpu().processMs() < 0 ? "not measured"
							: round3(s.cpu().processMs()), "write_path_cpu_ms_per_command",
					s.cpu().writePathMs() < 0 ? "not measured" : round3(s.cpu().writePathMs()))).toList());
			out.put(mode, m);
		});
		return out;
	}

	@SuppressWarnings("unchecked")
	private static Object metric(Map<String, Object> summary, String mode, String key) {
		Object m = summary.get(mode);
		return m == null ? null : ((Map<String, Object>) m).get(key);
	}

	// --- raw insert ceiling -------------------------------------------------------------------------------------

	private Map<String, Object> rawInsert(String kind, DataSource ds) throws SQLException {
		List<EventRows.Row> rows = EventRows.read(ds, cfg.rawRows());
		List<Double> rates = new ArrayList<>();
		// the types of domain_event_entry's payload columns since migration V10 (bytea / varbinary, in the row)
		String binary = "postgres".equals(kind) ? "bytea" : "varbinary";
		for (int run = 0; run < cfg.runs(); run++) {
			try (Connection c = ds.getConnection()) {
				try (Statement s = c.createStatement()) {
					s.execute("drop table if exists bench_raw_event");
					s.execute("create table bench_raw_event (global_index bigint not null, aggregate_identifier varchar(255)"
							+ " not null, sequence_number bigint not null, type varchar(255), event_identifier varchar(255)"
							+ " not null, payload_type varchar(255) not null, payload_revision varchar(255), payload " + binary
							+ " not null, meta_data " + binary + ", time_stamp varchar(255) not null, primary key (global_index),"
							+ " constraint uk_bench_raw_event_id unique (event_identifier),"
							+ " constraint uk_bench_raw_event_seq unique (aggregate_identifier, sequence_number))");
				}
				long t0 = System.nanoTime();
				EventRows.insert(c, "bench_raw_event", rows, 1000);
				double seconds = (System.nanoTime() - t0) / 1e9;
				rates.add(rows.size() / seconds);
				try (Statement s = c.createStatement()) {
					s.execute("drop table bench_raw_event");
				}
			}
		}
		Map<String, Object> out = new LinkedHashMap<>();
		out.put("rows", rows.size());
		out.put("bytes_per_row", rows.isEmpty() ? 0
				: rows.stream().mapToLong(r -> r.payload().length + (r.metaData() == null ? 0 : r.metaData().length)).sum()
						/ rows.size());
		out.put("method", "one thread, JDBC batches of 1000 rows, one commit per batch, into a copy of domain_event_entry"
				+ " (same columns, keys and unique constraints) in the same database; the rows are those ours appended");
		out.put("rows_per_s", round(median(rates)));
		out.put("runs", rates.stream().map(Benchmark::round).toList());
		log("  raw insert: " + out.get("rows_per_s") + " rows/s " + out.get("runs"));
		return out;
	}

	// --- N events -----------------------------------------------------------------------------------------------

	private Map<String, Object> load(ConfigurableApplicationContext ctx, String runId) throws Exception {
		EventProcessingConfiguration processing = ctx.getBean(EventProcessingConfiguration.class);
		processing.eventProcessors().values().forEach(p -> {
			if (p instanceof StreamingEventProcessor s) {
				s.shutDown();
			}
		});
		DataSource ds = ctx.getBean(DataSource.class);
		Serializer serializer = ctx.getBean("eventSerializer", Serializer.class);
		String tag = "L" + runId;
		EventRows.Generator generator = new EventRows.Generator(serializer, LocalDate.now(ZONE), tag, 1);
		long t0 = System.nanoTime();
		long events = 0;
		try (Connection c = ds.getConnection()) {
			List<EventRows.Row> chunk = new ArrayList<>(6000);
			while (events < cfg.events()) {
				List<EventRows.Row> project = generator.nextProject();
				chunk.addAll(project);
				events += project.size();
				if (chunk.size() >= 5000) {
					EventRows.insert(c, "domain_event_entry", chunk, 1000);
					chunk.clear();
				}
			}
			EventRows.insert(c, "domain_event_entry", chunk, 1000);
			try (Statement s = c.createStatement()) {
				s.execute("alter sequence domain_event_entry_seq restart with " + (events + 1));
			}
		}
		double seconds = (System.nanoTime() - t0) / 1e9;
		log(String.format(Locale.ROOT, "  loaded %d events (%d projects) in %.1f s: %.0f events/s", events,
				generator.projects(), seconds, events / seconds));
		// the hash chain (audit.chain) catches up in the background, as it would after an import; wait for it, so
		// that the replay below is measured in the steady state
		JdbcTemplate jdbc = new JdbcTemplate(ds);
		long c0 = System.nanoTime();
		long deadline = c0 + TimeUnit.MINUTES.toNanos(30);
		while (System.nanoTime() < deadline) {
			Long chained = jdbc.queryForObject("select coalesce(max(global_index), 0) from event_chain", Long.class);
			if (chained != null && chained >= events) {
				break;
			}
			Thread.sleep(200);
		}
		double chainSeconds = (System.nanoTime() - c0) / 1e9;
		log(String.format(Locale.ROOT, "  hash chain caught up in %.1f s", chainSeconds));
		Map<String, Object> out = new LinkedHashMap<>();
		out.put("events", events);
		out.put("projects", generator.projects());
		out.put("tag", tag);
		out.put("method", "raw path: JDBC batches of 1000 rows into domain_event_entry, the workload's events serialized"
				+ " by the application's event serializer; processors stopped while loading");
		out.put("events_per_s", round(events / seconds));
		out.put("chain_catch_up_s", round2(chainSeconds));
		return out;
	}

	private Map<String, Object> replay(ConfigurableApplicationContext ctx, long events) throws Exception {
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
			long deadline = t0 + TimeUnit.MINUTES.toNanos(60);
			while (replays.status().state() == ReplayService.State.RUNNING) {
				if (System.nanoTime() > deadline) {
					throw new IllegalStateException("replay did not finish within 60 minutes: " + replays.status());
				}
				Thread.sleep(5);
			}
			double seconds = (System.nanoTime() - t0) / 1e9;
			done.set(true);
			querier.join();
			if (replays.status().state() != ReplayService.State.COMPLETED) {
				throw new IllegalStateException("the rebuild did not complete: " + replays.status());
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
		String auth = "Basic " + Base64.getEncoder().encodeToString((cfg.user() + ":" + cfg.password())
				.getBytes(StandardCharsets.UTF_8));
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

	private Map<String, Object> rawRead(ConfigurableApplicationContext ctx) throws SQLException {
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
				+ " deserialize payload and metadata with the application's event serializer, parse the timestamp");
		log("  raw read: " + out.get("events_per_s") + " events/s " + out.get("runs"));
		return out;
	}

	private Map<String, Object> queries(ConfigurableApplicationContext ctx, int projects, String tag) throws Exception {
		ExecutorService httpThreads = Executors.newCachedThreadPool();
		HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).executor(httpThreads).build();
		String baseUrl = "http://localhost:" + port(ctx);
		String auth = "Basic " + Base64.getEncoder().encodeToString((cfg.user() + ":" + cfg.password())
				.getBytes(StandardCharsets.UTF_8));
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

	// --- startup ------------------------------------------------------------------------------------------------

	/** Starts the application in a fresh JVM (same -Xmx) on the loaded database; time to the first 200. */
	private Map<String, Object> startup(Db db) throws Exception {
		int port;
		try (ServerSocket socket = new ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
		List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-Xmx" + Runtime.getRuntime().maxMemory() / (1024 * 1024) + "m", "-Daxoniq.update-checker.disabled=true",
				"-cp", classpath, PipelineTrackerApplication.class.getName()));
		command.addAll(db.arguments());
		command.add("--server.port=" + port);
		command.add("--tracker.seed.enabled=false");
		command.add("--tracker.security.demo-users=true");
		command.add("--tracker.node-id=bench-startup");
		if (!db.profiles().isEmpty()) {
			command.add("--spring.profiles.active=" + String.join(",", db.profiles()));
		}
		Path logFile = cfg.out().resolve("startup-" + db.name() + ".log");
		HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
		String auth = "Basic " + Base64.getEncoder().encodeToString((cfg.user() + ":" + cfg.password())
				.getBytes(StandardCharsets.UTF_8));
		long t0 = System.nanoTime();
		Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(logFile.toFile()).start();
		long ms = -1;
		try {
			long deadline = t0 + TimeUnit.SECONDS.toNanos(180);
			while (System.nanoTime() < deadline && process.isAlive()) {
				try {
					HttpResponse<Void> r = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
							+ "/api/projects?size=1")).header("Authorization", auth).timeout(Duration.ofSeconds(5)).GET()
							.build(), HttpResponse.BodyHandlers.discarding());
					if (r.statusCode() == 200) {
						ms = (System.nanoTime() - t0) / 1_000_000;
						break;
					}
				}
				catch (IOException notYet) {
					// not listening yet
				}
				Thread.sleep(25);
			}
		}
		finally {
			process.destroy();
			if (!process.waitFor(30, TimeUnit.SECONDS)) {
				process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
			}
		}
		if (ms < 0) {
			throw new IllegalStateException("the application did not answer within 180 s; see " + logFile);
		}
		log("  startup to first request: " + ms + " ms (fresh JVM, " + db.name() + ")");
		Map<String, Object> out = new LinkedHashMap<>();
		out.put("ms", ms);
		out.put("method", "java -Xmx<same> -cp <test classpath> PipelineTrackerApplication on the loaded database;"
				+ " from process start to the first 200 of GET /api/projects?size=1");
		out.put("log", logFile.toString());
		return out;
	}

	// --- helpers ------------------------------------------------------------------------------------------------

	static double median(List<Double> values) {
		List<Double> sorted = values.stream().filter(v -> v != null && !v.isNaN()).sorted().toList();
		if (sorted.isEmpty()) {
			return Double.NaN;
		}
		int n = sorted.size();
		return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
	}

	static Double ratio(Object a, Object b) {
		if (!(a instanceof Number x) || !(b instanceof Number y) || y.doubleValue() == 0) {
			return null;
		}
		return round2(x.doubleValue() / y.doubleValue());
	}

	static double round(double v) {
		return Math.round(v);
	}

	static double round2(double v) {
		return Math.round(v * 100) / 100.0;
	}

	static double round3(double v) {
		return Math.round(v * 1000) / 1000.0;
	}

	private static String cpuMs(double ms) {
		return ms < 0 ? "(not measured)" : String.format(Locale.ROOT, "%.3f", ms);
	}

	/** The median of the measured values (-1: not measured), to 3 decimals, or "not measured" if none was. */
	static Object measuredMedian(List<Double> values) {
		double m = median(values.stream().filter(v -> v >= 0).toList());
		return Double.isNaN(m) ? "not measured" : round3(m);
	}

	private static void sleepUntil(long nanoTime) throws InterruptedException {
		long wait = nanoTime - System.nanoTime();
		if (wait > 0) {
			TimeUnit.NANOSECONDS.sleep(wait);
		}
	}

	/**
	 * The plans of the time series' statements on PostgreSQL, in the log (issue 21): the day sums it reads without a
	 * {@code knownAt} cut, the projects with plans it reads for the planned disbursements, and the facts it sums with
	 * a {@code knownAt} cut (what it summed for every request before the day sums).
	 */
	private static void explainSeries(ConfigurableApplicationContext ctx) {
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

	static void log(String line) {
		System.out.println("[bench " + Instant.now().toString().substring(11, 19) + "] " + line);
		System.out.flush();
	}

	// --- the database of one phase -------------------------------------------------------------------------------

	/** An empty database: an H2 file (durable: WRITE_DELAY=0) or a fresh database on the embedded PostgreSQL. */
	record Db(String kind, String name, String url, String user, String password, boolean pooled) {

		/** The H2 settings of every benchmark database: durable commits (see docs/performance.md). */
		static final String H2_OPTIONS = System.getProperty("bench.h2.options", ";AUTO_SERVER=FALSE;WRITE_DELAY=0");

		static Db create(String kind, Path out, String phase) throws IOException {
			if ("postgres".equals(kind)) {
				String database = EmbeddedPostgresServer.createDatabase();
				return new Db(kind, "postgres-" + phase, EmbeddedPostgresServer.jdbcUrl(database),
						EmbeddedPostgresServer.USER, "", true);
			}
			Path dir = out.resolve("db").toAbsolutePath();
			Files.createDirectories(dir);
			try (Stream<Path> old = Files.list(dir)) {
				for (Path p : old.filter(p -> p.getFileName().toString().startsWith("h2-" + phase + ".")).toList()) {
					Files.delete(p);
				}
			}
			return new Db(kind, "h2-" + phase, "jdbc:h2:file:" + dir.resolve("h2-" + phase) + H2_OPTIONS, "sa", "",
					false);
		}

		List<String> arguments() {
			// profile postgres requires four-eyes approval of money; the benchmark records money in one step
			return List.of("--spring.datasource.url=" + url, "--spring.datasource.username=" + user,
					"--spring.datasource.password=" + password, "--tracker.approvals.required-for=");
		}

		List<String> profiles() {
			return "postgres".equals(kind) ? List.of("postgres") : List.of();
		}

		String version(DataSource ds) throws SQLException {
			try (Connection c = ds.getConnection()) {
				return c.getMetaData().getDatabaseProductName() + " " + c.getMetaData().getDatabaseProductVersion();
			}
		}

		void release() {
			if ("postgres".equals(kind)) {
				EmbeddedPostgresServer.release();
			}
		}
	}

	/** Samples heap use every 20 ms: the peak used, and the peak of what was left after collections (live data). */
	static final class HeapSampler {
		private volatile boolean running;
		private volatile long peak;
		private volatile long livePeak;
		private Thread thread;

		void start() {
			running = true;
			thread = new Thread(() -> {
				List<MemoryPoolMXBean> pools = ManagementFactory.getMemoryPoolMXBeans().stream()
						.filter(p -> p.getType() == MemoryType.HEAP).toList();
				while (running) {
					long used = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
					long live = 0;
					for (MemoryPoolMXBean p : pools) {
						if (p.getCollectionUsage() != null) {
							live += p.getCollectionUsage().getUsed();
						}
					}
					peak = Math.max(peak, used);
					livePeak = Math.max(livePeak, live);
					try {
						Thread.sleep(20);
					}
					catch (InterruptedException e) {
						return;
					}
				}
			}, "bench-heap-sampler");
			thread.setDaemon(true);
			thread.start();
		}

		void reset() {
			peak = 0;
			livePeak = 0;
		}

		long peakMb() {
			return peak / (1024 * 1024);
		}

		long livePeakMb() {
			return livePeak / (1024 * 1024);
		}

		void stop() {
			running = false;
			thread.interrupt();
		}
	}

	/** Sorts maps' keys for stable output where needed. */
	static final Comparator<String> BY_NAME = Comparator.naturalOrder();

	static JsonMapper json() {
		return JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
	}
}
